import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/field";
import { auditPage } from "@/lib/admin/audit/data";
import { auditParams, parseAuditQuery } from "@/lib/admin/audit/schema";
import { requirePermission } from "@/lib/auth/session";
import { formatInstant } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminData.audit");
  return { title: t("metaTitle") };
}

/**
 * The audit trail (administrators and head office: all events; a Kanwil manager: its Kanwil's),
 * searchable by actor, record, action and date, newest first, a page at a time; CSV export.
 */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("audit:read");
  const [t, tRole, params] = await Promise.all([getTranslations("adminData.audit"), getTranslations("enums.role"), searchParams]);
  const query = parseAuditQuery(params);
  const page = (await auditPage(actor, query)) ?? { rows: [], next: null };
  const filters = auditParams(query).toString();
  const field = (name: "actor" | "record" | "action" | "from" | "to", type = "text") => (
    <div className="space-y-1">
      <label htmlFor={`q-${name}`} className="block text-sm font-medium text-slate-800">{t(name)}</label>
      <input id={`q-${name}`} name={name} type={type} defaultValue={query[name] ?? ""} className={inputClass} />
    </div>
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")} {actor.scope.kind === "KANWIL" ? t("scopeKanwil") : t("scopeAll")}</p>
      <form method="get" className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby="audit-filters">
        <h2 id="audit-filters" className="text-base font-semibold">{t("filters")}</h2>
        <div className="grid gap-3 sm:grid-cols-3">
          {field("actor")}
          {field("record")}
          {field("action")}
          {field("from", "date")}
          {field("to", "date")}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("apply")}</button>
          <Link href="/admin/audit" className="text-brand-700 underline">{t("reset")}</Link>
          <a href={`/admin/audit/ekspor${filters ? `?${filters}` : ""}`} className="text-brand-700 underline" download>{t("export")}</a>
        </div>
        <p className="text-xs text-slate-600">{t("exportNote")}</p>
      </form>
      {/* On a phone, one card per event; at a desk, the table. */}
      <ol aria-label={t("caption")} className="space-y-2 sm:hidden">
        {page.rows.length === 0 ? <li className="text-slate-600">{t("none")}</li> : null}
        {page.rows.map((r) => (
          <li key={r.id} className="space-y-1 rounded border border-slate-200 bg-white p-3 text-sm">
            <p className="font-mono text-xs">{r.action}</p>
            <p>{formatInstant(r.at, actor.timeZone)} · {r.actorName ?? t("system")}{r.actorRole ? ` (${tRole(r.actorRole as never)})` : ""}</p>
            <p>{r.entityType} <Link className="font-mono text-xs text-brand-700 underline break-all" href={`/admin/audit?record=${encodeURIComponent(r.entityId)}`}>{r.entityId}</Link></p>
            {r.before ? <p className="font-mono text-xs break-all"><span className="font-sans font-medium">{t("before")}:</span> {r.before}</p> : null}
            {r.after ? <p className="font-mono text-xs break-all"><span className="font-sans font-medium">{t("after")}:</span> {r.after}</p> : null}
          </li>
        ))}
      </ol>
      <div className="hidden overflow-x-auto rounded border border-slate-200 bg-white sm:block">
        <table className="w-full text-sm">
          <caption className="px-3 py-2 text-left font-medium">{t("caption")}</caption>
          <thead className="bg-slate-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">{t("columns.at")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.actor")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.action")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.record")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.change")}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.length === 0 ? <tr><td colSpan={5} className="px-3 py-2 text-slate-600">{t("none")}</td></tr> : null}
            {page.rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">{formatInstant(r.at, actor.timeZone)}</th>
                <td className="px-3 py-1.5">
                  {r.actorName ?? t("system")}
                  {r.actorRole ? <span className="block text-xs text-slate-600">{tRole(r.actorRole as never)}</span> : null}
                </td>
                <td className="px-3 py-1.5 font-mono text-xs">{r.action}</td>
                <td className="px-3 py-1.5">
                  <span className="block">{r.entityType}</span>
                  <Link className="font-mono text-xs text-brand-700 underline break-all" href={`/admin/audit?record=${encodeURIComponent(r.entityId)}`}>{r.entityId}</Link>
                </td>
                <td className="max-w-md px-3 py-1.5 font-mono text-xs break-all">
                  {r.before ? <span className="block"><span className="font-sans font-medium">{t("before")}:</span> {r.before}</span> : null}
                  {r.after ? <span className="block"><span className="font-sans font-medium">{t("after")}:</span> {r.after}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label={t("caption")} className="flex gap-4 text-sm">
        {query.before ? <Link className="text-brand-700 underline" href={`/admin/audit${filters ? `?${filters}` : ""}`}>{t("newest")}</Link> : null}
        {page.next ? <Link className="text-brand-700 underline" href={`/admin/audit?${new URLSearchParams([...auditParams(query), ["before", page.next]])}`}>{t("older")}</Link> : null}
      </nav>
    </div>
  );
}
