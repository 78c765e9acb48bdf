import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RowAction, WebhookForm } from "@/components/admin/webhook-forms";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { requirePermission } from "@/lib/auth/session";
import { formatInstant } from "@/lib/format";
import { webhookAdminView, type DeliveryRow, type WebhookEndpointRow } from "@/lib/webhooks/data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("h2h.webhook"))("title") };
}

/** Webhooks of the bank systems (administrators): URL and secret per penyalur, the delivery log, re-send. */
export default async function WebhookPage() {
  const actor = await requirePermission("webhook:manage");
  const [t, view] = await Promise.all([getTranslations("h2h.webhook"), webhookAdminView(actor)]);
  if (!view) notFound();
  const at = (iso: string) => formatInstant(iso, actor.timeZone);
  const endpointColumns: DataColumn<WebhookEndpointRow>[] = [
    { key: "penyalur", header: t("penyalur"), primary: true, cell: (e) => e.penyalurName },
    { key: "url", header: t("url"), cell: (e) => <span className="break-all font-mono text-xs">{e.url}</span> },
    { key: "state", header: t("state"), cell: (e) => (e.active ? t("active") : t("inactive")) },
    { key: "updated", header: t("updated"), nowrap: true, cell: (e) => at(e.updatedAt) },
    { key: "actions", header: t("actions"), cell: (e) => (e.active ? <RowAction kind="disable" id={e.id} label={e.penyalurName} /> : null) },
  ];
  const deliveryColumns: DataColumn<DeliveryRow>[] = [
    { key: "event", header: t("event"), primary: true, cell: (d) => <span className="font-mono text-sm">{d.eventType}</span> },
    { key: "created", header: t("created"), nowrap: true, cell: (d) => at(d.createdAt) },
    { key: "penyalur", header: t("penyalur"), cell: (d) => d.penyalurName },
    { key: "status", header: t("status"), cell: (d) => t(`deliveryStatus.${d.status}`) },
    { key: "attempts", header: t("attempts"), align: "right", cell: (d) => d.attempts },
    {
      key: "answer",
      header: t("lastAnswer"),
      cell: (d) => (
        <span className="text-xs">
          {d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : "—")}
          {d.lastAttemptAt ? <span className="block text-slate-600">{at(d.lastAttemptAt)}</span> : null}
        </span>
      ),
    },
    { key: "actions", header: t("actions"), cell: (d) => (d.status === "PENDING" ? null : <RowAction kind="resend" id={d.id} label={`${d.penyalurName} ${d.eventType}`} />) },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      <WebhookForm penyalur={view.penyalur} />
      <DataTable
        caption={t("endpointsCaption")}
        captionVisible
        columns={endpointColumns}
        rows={view.endpoints}
        rowKey={(e) => e.id}
        testId="webhook-endpoints"
        empty={<p className="text-slate-600">{t("noEndpoints")}</p>}
      />
      <DataTable
        caption={t("deliveriesCaption")}
        captionVisible
        columns={deliveryColumns}
        rows={view.deliveries}
        rowKey={(d) => d.id}
        rowProps={(d) => ({ "data-status": d.status, "data-event-id": d.eventId })}
        testId="webhook-deliveries"
        empty={<p className="text-slate-600">{t("noDeliveries")}</p>}
      />
    </div>
  );
}
