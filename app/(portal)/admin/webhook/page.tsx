import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { RowAction, WebhookForm } from "@/components/admin/webhook-forms";
import { requirePermission } from "@/lib/auth/session";
import { formatInstant } from "@/lib/format";
import { webhookAdminView } from "@/lib/webhooks/data";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("h2h.webhook"))("title") };
}

/** Webhooks of the bank systems (administrators): URL and secret per penyalur, the delivery log, re-send. */
export default async function WebhookPage() {
  const actor = await requirePermission("webhook:manage");
  const [t, view] = await Promise.all([getTranslations("h2h.webhook"), webhookAdminView(actor)]);
  if (!view) notFound();
  const at = (iso: string) => formatInstant(iso, actor.timeZone);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      <WebhookForm penyalur={view.penyalur} />
      <div role="region" aria-label={t("endpointsCaption")} tabIndex={0} className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="webhook-endpoints">
          <caption className="px-3 py-2 text-left font-medium">{t("endpointsCaption")}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">{t("penyalur")}</th>
              <th scope="col" className="px-3 py-2">{t("url")}</th>
              <th scope="col" className="px-3 py-2">{t("state")}</th>
              <th scope="col" className="px-3 py-2">{t("updated")}</th>
              <th scope="col" className="px-3 py-2">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {view.endpoints.length === 0 ? (
              <tr><td colSpan={5} className="px-3 py-2 text-slate-600">{t("noEndpoints")}</td></tr>
            ) : view.endpoints.map((e) => (
              <tr key={e.id} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">{e.penyalurName}</th>
                <td className="px-3 py-1.5 break-all font-mono text-xs">{e.url}</td>
                <td className="px-3 py-1.5">{e.active ? t("active") : t("inactive")}</td>
                <td className="px-3 py-1.5 whitespace-nowrap">{at(e.updatedAt)}</td>
                <td className="px-3 py-1.5">{e.active ? <RowAction kind="disable" id={e.id} label={e.penyalurName} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div role="region" aria-label={t("deliveriesCaption")} tabIndex={0} className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="webhook-deliveries">
          <caption className="px-3 py-2 text-left font-medium">{t("deliveriesCaption")}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">{t("created")}</th>
              <th scope="col" className="px-3 py-2">{t("penyalur")}</th>
              <th scope="col" className="px-3 py-2">{t("event")}</th>
              <th scope="col" className="px-3 py-2">{t("status")}</th>
              <th scope="col" className="px-3 py-2">{t("attempts")}</th>
              <th scope="col" className="px-3 py-2">{t("lastAnswer")}</th>
              <th scope="col" className="px-3 py-2">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {view.deliveries.length === 0 ? (
              <tr><td colSpan={7} className="px-3 py-2 text-slate-600">{t("noDeliveries")}</td></tr>
            ) : view.deliveries.map((d) => (
              <tr key={d.id} className="border-t border-slate-200 align-top">
                <td className="px-3 py-1.5 whitespace-nowrap">{at(d.createdAt)}</td>
                <td className="px-3 py-1.5">{d.penyalurName}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{d.eventType}</td>
                <td className="px-3 py-1.5">{t(`deliveryStatus.${d.status}`)}</td>
                <td className="px-3 py-1.5 tabular-nums">{d.attempts}</td>
                <td className="px-3 py-1.5 text-xs">{d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : "—")}{d.lastAttemptAt ? <div className="text-slate-600">{at(d.lastAttemptAt)}</div> : null}</td>
                <td className="px-3 py-1.5">{d.status === "PENDING" ? null : <RowAction kind="resend" id={d.id} label={`${d.penyalurName} ${d.eventType}`} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
