import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChannelKeyActions, IssueChannelForm } from "@/components/admin/channel-key-forms";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { keyPenyalurOptions } from "@/lib/admin/keys/data";
import { listChannelKeys, type ChannelKeyRow } from "@/lib/admin/channels/data";
import { requirePermission } from "@/lib/auth/session";
import { formatInstant } from "@/lib/format";
import { single } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminData.channels");
  return { title: t("metaTitle") };
}

/**
 * Payment channels' keys (administrators, docs/decisions/0025): issue a key with its signing secret
 * (shown once), bind an auto-debit channel to its lending bank, rotate, revoke.
 */
export default async function PaymentChannelsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("paymentChannel:manage");
  const [t, tc, params, channels, penyalur] = await Promise.all([
    getTranslations("adminData.channels"),
    getTranslations("review.channels"),
    searchParams,
    listChannelKeys(),
    keyPenyalurOptions(),
  ]);
  const at = (iso: string) => formatInstant(iso, actor.timeZone);
  const columns: DataColumn<ChannelKeyRow>[] = [
    { key: "code", header: t("columns.code"), primary: true, cell: (c) => <span className="font-mono">{c.code}</span> },
    { key: "name", header: t("columns.name"), cell: (c) => c.name },
    { key: "kind", header: t("columns.kind"), cell: (c) => tc(c.kind) },
    { key: "penyalur", header: t("columns.penyalur"), cell: (c) => c.penyalurName ?? t("national") },
    { key: "prefix", header: t("columns.prefix"), nowrap: true, cell: (c) => <span className="font-mono text-xs">{c.prefix}…</span> },
    { key: "created", header: t("columns.created"), nowrap: true, cell: (c) => at(c.createdAt) },
    { key: "payments", header: t("columns.payments"), align: "right", cell: (c) => c.payments },
    { key: "status", header: t("columns.status"), cell: (c) => (c.revokedAt ? t("revoked", { at: at(c.revokedAt) }) : t("active")) },
    { key: "actions", header: t("columns.actions"), cell: (c) => (c.revokedAt ? null : <ChannelKeyActions id={c.id} label={`${c.code} ${c.name}`} />) },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {single(params.dicabut) ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{t("revokedNote")}</p> : null}
      <IssueChannelForm penyalur={penyalur} />
      <DataTable
        caption={t("caption")}
        captionVisible
        columns={columns}
        rows={channels}
        rowKey={(c) => c.id}
        rowClassName={(c) => (c.revokedAt ? "text-slate-500" : "")}
        testId="channel-keys"
        empty={<p>{t("empty")}</p>}
      />
    </div>
  );
}
