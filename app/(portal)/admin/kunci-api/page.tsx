import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IssueKeyForm, RevokeKeyButton, RotateKeyForm } from "@/components/admin/api-key-forms";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { keyPenyalurOptions, listApiKeys, type ApiKeyRow } from "@/lib/admin/keys/data";
import { requirePermission } from "@/lib/auth/session";
import { formatInstant } from "@/lib/format";
import { single } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminData.keys");
  return { title: t("metaTitle") };
}

/** API keys of the bank systems (administrators): issue, see last use, revoke, rotate with an overlap. */
export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("apiKey:manage");
  const [t, params, keys, penyalur] = await Promise.all([getTranslations("adminData.keys"), searchParams, listApiKeys(), keyPenyalurOptions()]);
  const at = (iso: string) => formatInstant(iso, actor.timeZone);
  const status = (k: ApiKeyRow) =>
    k.state === "REVOKED" ? t("revoked", { at: at(k.revokedAt!) })
    : k.state === "EXPIRED" ? t("expired", { at: at(k.expiresAt!) })
    : k.state === "OVERLAP" ? t("expires", { at: at(k.expiresAt!), prefix: k.replacedByPrefix ?? "—" })
    : t("active");
  const keyColumns: DataColumn<ApiKeyRow>[] = [
    { key: "prefix", header: t("columns.prefix"), primary: true, cell: (k) => <span className="font-mono text-xs">{k.prefix}…</span> },
    { key: "name", header: t("columns.name"), cell: (k) => k.name },
    { key: "penyalur", header: t("columns.penyalur"), cell: (k) => k.penyalurName },
    { key: "created", header: t("columns.created"), nowrap: true, cell: (k) => at(k.createdAt) },
    { key: "lastUsed", header: t("columns.lastUsed"), nowrap: true, cell: (k) => (k.lastUsedAt ? at(k.lastUsedAt) : t("never")) },
    { key: "status", header: t("columns.status"), cell: status },
    {
      key: "actions",
      header: t("columns.actions"),
      cell: (k) =>
        k.state === "ACTIVE" || k.state === "OVERLAP" ? (
          <div className="space-y-1">
            <RevokeKeyButton id={k.id} label={`${k.prefix} ${k.name}`} />
            {k.state === "ACTIVE" ? <RotateKeyForm id={k.id} label={`${k.prefix} ${k.name}`} timeZone={actor.timeZone} /> : null}
          </div>
        ) : null,
    },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {single(params.dicabut) ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{t("revokedNote")}</p> : null}
      <IssueKeyForm penyalur={penyalur} />
      <DataTable caption={t("caption")} captionVisible rowHeaders columns={keyColumns} rows={keys} rowKey={(k) => k.id} rowClassName={(k) => (k.state === "ACTIVE" ? "" : "text-slate-500")} />
    </div>
  );
}
