import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { inputClass } from "@/components/ui/field";
import { listPeople } from "@/lib/admin/people/data";
import { PEOPLE_PAGE_SIZE, PERSON_STATUSES, parsePeopleQuery, peopleParams } from "@/lib/admin/people/schema";
import { DataTable, cellLink } from "@/components/ui/data-table";
import { PEOPLE_COLUMNS, peopleCells, peopleHeadings } from "@/lib/admin/people/table";
import { ROLES } from "@/lib/auth/roles";
import { requirePermission } from "@/lib/auth/session";
import { translator } from "@/lib/i18n/translator";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people");
  return { title: t("metaTitle") };
}

/** The access list (administrators): who has which access, filterable, exportable as CSV. */
export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("user:manage");
  const [t, tRole, tDesk, locale, params] = await Promise.all([getTranslations("people"), getTranslations("enums.role"), getTranslations("desk"), getLocale(), searchParams]);
  const query = parsePeopleQuery(params);
  const { rows, total } = await listPeople(actor, query);
  const pages = Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE));
  const all = translator(locale, actor.timeZone);
  const headings = peopleHeadings(all);
  const exportParams = peopleParams({ ...query, page: 1 }).toString();
  const pageHref = (page: number) => `/admin/pengguna?${peopleParams(query, page).toString()}`;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="max-w-2xl text-sm text-slate-700">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/pengguna/undang" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("invite")}</Link>
          <a href={`/admin/pengguna/ekspor${exportParams ? `?${exportParams}` : ""}`} className="rounded border border-slate-400 bg-white px-4 py-2 font-medium hover:bg-slate-50">{t("export")}</a>
        </div>
      </div>

      <form method="get" action="/admin/pengguna" className="rounded border border-slate-200 bg-white p-3">
        <fieldset className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
          <legend className="sr-only">{t("filters.legend")}</legend>
          <div className="space-y-1">
            <label htmlFor="filter-q" className="block text-sm font-medium">{t("filters.q")}</label>
            <input id="filter-q" name="q" type="search" defaultValue={query.q ?? ""} className={inputClass} />
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-role" className="block text-sm font-medium">{t("filters.role")}</label>
            <select id="filter-role" name="peran" defaultValue={query.role ?? ""} className={inputClass}>
              <option value="">{t("filters.any")}</option>
              {ROLES.map((r) => <option key={r} value={r}>{tRole(r)}</option>)}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="filter-status" className="block text-sm font-medium">{t("filters.status")}</label>
            <select id="filter-status" name="status" defaultValue={query.status ?? ""} className={inputClass}>
              <option value="">{t("filters.any")}</option>
              {PERSON_STATUSES.map((s) => <option key={s} value={s}>{s === "system" ? tDesk("people.system") : t(`status.${s}`)}</option>)}
            </select>
          </div>
          <div className="flex gap-3 sm:pb-2">
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("filters.apply")}</button>
            <Link href="/admin/pengguna" className="self-center text-sm text-brand-700 underline">{t("filters.reset")}</Link>
          </div>
        </fieldset>
      </form>

      <p className="text-sm font-medium">{t("caption", { total })}</p>
      {query.status === "system" ? null : <p className="text-sm text-slate-700" data-testid="people-system-note">{tDesk("people.hidden")}</p>}
      <DataTable
        caption={t("caption", { total })}
        rows={rows.map((row) => ({ row, cells: peopleCells(all, row, actor.timeZone) }))}
        rowKey={({ row }) => row.id}
        empty={<p className="text-sm text-slate-600">{t("none")}</p>}
        columns={PEOPLE_COLUMNS.map((c) => ({
          key: c,
          header: headings[c],
          primary: c === "name",
          nowrap: c === "createdAt",
          cell: ({ row, cells }) =>
            c === "name" ? (
              <Link href={`/admin/pengguna/${row.id}`} className={cellLink}>{cells.name}</Link>
            ) : c === "status" ? (
              <span className={row.status === "active" ? "text-emerald-800" : row.status === "inactive" ? "text-red-800" : "text-amber-800"}>{cells.status}</span>
            ) : c === "email" ? (
              <span className="break-all">{cells.email}</span>
            ) : (
              cells[c]
            ),
        }))}
      />
      {pages > 1 ? (
        <nav aria-label={t("pagination")} className="flex items-center gap-4 text-sm">
          {query.page > 1 ? <Link className="text-brand-700 underline" href={pageHref(query.page - 1)}>{t("previous")}</Link> : null}
          <span>{t("pages", { page: query.page, pages })}</span>
          {query.page < pages ? <Link className="text-brand-700 underline" href={pageHref(query.page + 1)}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
