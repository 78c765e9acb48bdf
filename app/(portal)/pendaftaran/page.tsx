import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EnrolmentListFilters } from "@/components/enrolment/enrolment-list-filters";
import { EnrolmentTable } from "@/components/enrolment/enrolment-table";
import { ListPagination } from "@/components/enrolment/list-pagination";
import { can } from "@/lib/auth/permissions";
import { penyalurOfficeOf } from "@/lib/auth/scope";
import { requirePermission } from "@/lib/auth/session";
import { draftCountForActor, listEnrolments } from "@/lib/enrolment/data";
import { LIST_SORTS, hasFilters, parseListQuery, sortHref, type ListSort } from "@/lib/enrolment/list-schema";
import { zoneAbbreviation } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("list"))("title") };
}

/** The enrolments workspace: search, filters, sort and page all live in the URL. */
export default async function EnrolmentListPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("enrolment:read");
  const query = parseListQuery(await searchParams);
  const [t, tNav, tHome, tDrafts, result, draftCount] = await Promise.all([
    getTranslations("list"),
    getTranslations("nav"),
    getTranslations("home"),
    getTranslations("drafts"),
    listEnrolments(actor, query),
    draftCountForActor(actor),
  ]);
  const isOfficer = can(actor, "enrolment:create");

  const columnLabels: Record<ListSort, string> = { submitted: t("submittedAt"), name: t("name"), plafon: t("plafon") };
  const hrefs = Object.fromEntries(LIST_SORTS.map((c) => [c, sortHref(query, c)])) as Record<ListSort, string>;
  const caption = t("caption", {
    column: columnLabels[query.sort],
    direction: query.dir === "asc" ? t("ascending") : t("descending"),
  });

  return (
    <div className="space-y-4">
      {isOfficer ? (
        <nav aria-label={t("title")} className="flex gap-4 text-sm">
          <span aria-current="page" className="font-semibold">{t("title")}</span>
          <Link href="/pendaftaran/draf" className="text-brand-700 underline underline-offset-2" data-testid="drafts-link">
            {tDrafts("link", { count: draftCount })}
          </Link>
        </nav>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {isOfficer ? (
          <Link href="/pendaftaran/baru" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {tNav("newEnrolment")}
          </Link>
        ) : null}
      </div>

      <EnrolmentListFilters query={query} zoneLabel={zoneAbbreviation(actor.timeZone)} />

      {/* Always rendered, so that a new count is announced after a search or a page change. */}
      <p role="status" aria-live="polite" aria-atomic="true" className="font-medium" data-testid="result-count">
        {result.total === 0 ? (hasFilters(query) ? t("noResults") : tHome("none")) : t("results", { count: result.total })}
      </p>

      {result.rows.length ? (
        <>
          <p className="text-sm text-slate-700">{t("returnedFirst")}</p>
          <EnrolmentTable
            rows={result.rows}
            timeZone={actor.timeZone}
            caption={caption}
            sorting={{ column: query.sort, dir: query.dir, hrefs }}
            // Reviewers and above see several lender offices; an officer sees only their own.
            showOffice={penyalurOfficeOf(actor, "enrolment:read") === null}
          />
          <ListPagination query={query} page={result.page} pageCount={result.pageCount} />
        </>
      ) : null}
    </div>
  );
}
