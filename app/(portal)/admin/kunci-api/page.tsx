import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IssueKeyForm, RevokeKeyButton, RotateKeyForm } from "@/components/admin/api-key-forms";
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
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {single(params.dicabut) ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{t("revokedNote")}</p> : null}
      <IssueKeyForm penyalur={penyalur} />
      <div className="relative overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="px-3 py-2 text-left font-medium">{t("caption")}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">{t("columns.prefix")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.name")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.penyalur")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.created")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.lastUsed")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.status")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} className={`border-t border-slate-200 align-top ${k.state === "ACTIVE" ? "" : "text-slate-500"}`}>
                <th scope="row" className="px-3 py-1.5 text-left font-mono text-xs font-normal">{k.prefix}…</th>
                <td className="px-3 py-1.5">{k.name}</td>
                <td className="px-3 py-1.5">{k.penyalurName}</td>
                <td className="px-3 py-1.5 whitespace-nowrap">{at(k.createdAt)}</td>
                <td className="px-3 py-1.5 whitespace-nowrap">{k.lastUsedAt ? at(k.lastUsedAt) : t("never")}</td>
                <td className="px-3 py-1.5">{status(k)}</td>
                <td className="px-3 py-1.5">
                  {k.state === "ACTIVE" || k.state === "OVERLAP" ? (
                    <div className="space-y-1">
                      <RevokeKeyButton id={k.id} label={`${k.prefix} ${k.name}`} />
                      {k.state === "ACTIVE" ? <RotateKeyForm id={k.id} label={`${k.prefix} ${k.name}`} timeZone={actor.timeZone} /> : null}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
