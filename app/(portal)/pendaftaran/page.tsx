import type { Metadata } from "next";
import Link from "next/link";
import { EnrolmentListFilters } from "@/components/enrolment/enrolment-list-filters";
import { EnrolmentTable } from "@/components/enrolment/enrolment-table";
import { ListPagination } from "@/components/enrolment/list-pagination";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { draftCountForActor, listEnrolments } from "@/lib/enrolment/data";
import { eformText } from "@/lib/i18n/eform";
import { LIST_SORTS, hasFilters, parseListQuery, sortHref, type ListSort } from "@/lib/enrolment/list-schema";
import { zoneAbbreviation } from "@/lib/format";
import { fill } from "@/lib/i18n/dictionaries";
import { getDictionary } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Pendaftaran" };

/** The enrolments workspace: search, filters, sort and page all live in the URL. */
export default async function EnrolmentListPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("enrolment:read");
  const query = parseListQuery(await searchParams);
  const [{ locale, t }, result, draftCount] = await Promise.all([getDictionary(), listEnrolments(actor, query), draftCountForActor(actor)]);
  const isOfficer = can(actor, "enrolment:create");

  const columnLabels: Record<ListSort, string> = { submitted: t.list.submittedAt, name: t.list.name, plafon: t.list.plafon };
  const hrefs = Object.fromEntries(LIST_SORTS.map((c) => [c, sortHref(query, c)])) as Record<ListSort, string>;
  const count = new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-GB").format(result.total);
  const caption = fill(t.list.caption, {
    column: columnLabels[query.sort],
    direction: query.dir === "asc" ? t.list.ascending : t.list.descending,
  });

  return (
    <div className="space-y-4">
      {isOfficer ? (
        <nav aria-label={t.list.title} className="flex gap-4 text-sm">
          <span aria-current="page" className="font-semibold">{t.list.title}</span>
          <Link href="/pendaftaran/draf" className="text-brand-700 underline underline-offset-2" data-testid="drafts-link">
            {eformText[locale].drafts} ({draftCount})
          </Link>
        </nav>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t.list.title}</h1>
        {isOfficer ? (
          <Link href="/pendaftaran/baru" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t.nav.newEnrolment}
          </Link>
        ) : null}
      </div>

      <EnrolmentListFilters query={query} t={t} locale={locale} zoneLabel={zoneAbbreviation(actor.timeZone)} />

      {/* Always rendered, so that a new count is announced after a search or a page change. */}
      <p role="status" aria-live="polite" aria-atomic="true" className="font-medium" data-testid="result-count">
        {result.total === 0 ? (hasFilters(query) ? t.list.noResults : t.home.none) : result.total === 1 ? t.list.resultsOne : fill(t.list.resultsMany, { count })}
      </p>

      {result.rows.length ? (
        <>
          <p className="text-sm text-slate-700">{t.list.returnedFirst}</p>
          <EnrolmentTable
            rows={result.rows}
            t={t}
            locale={locale}
            timeZone={actor.timeZone}
            caption={caption}
            sorting={{ column: query.sort, dir: query.dir, hrefs }}
            showOffice={actor.scope.kind !== "PENYALUR_OFFICE"}
          />
          <ListPagination query={query} page={result.page} pageCount={result.pageCount} t={t} />
        </>
      ) : null}
    </div>
  );
}
