import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageNav } from "@/components/review/page-nav";
import { DataTable, cellLink, type DataColumn } from "@/components/ui/data-table";
import { requirePermission } from "@/lib/auth/session";
import { enrolmentsBehind, resolveDashboardFilter, type BehindRow } from "@/lib/dashboard/data";
import { behindHref, dashboardHref, parseBehindRequest, parseDashboardQuery } from "@/lib/dashboard/schema";
import { schemeLabel, statusLabel } from "@/lib/dashboard/tables";
import { formatDateId, formatMonthId, formatRupiah, todayInZone } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("desk.behind"))("metaTitle") };
}

/**
 * The enrolments behind a dashboard figure (pending, arrears), under the dashboard's own filters and
 * scope: the same URL parameters, resolved by the same resolveDashboardFilter, so another Kanwil's
 * list is a 404 like its dashboard (docs/decisions/0026).
 */
export default async function FigureEnrolmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("dashboard:read");
  const params = await searchParams;
  const today = todayInZone(new Date(), actor.timeZone);
  const query = parseDashboardQuery(params, today.slice(0, 7));
  const { figure, page: pageAsked } = parseBehindRequest(params);
  const filter = await resolveDashboardFilter(actor, query);
  if (!filter) notFound();
  const view = { ...query, kanwil: filter.kanwilLocked ? undefined : filter.kanwil?.code, kc: filter.kc?.code };
  const [t, x, locale, result] = await Promise.all([
    getTranslations("desk.behind"),
    getTranslations("dashboard"),
    getLocale(),
    enrolmentsBehind(actor, filter, figure, today, pageAsked),
  ]);
  // The dashboard's own caption of the view, so the list says it covers what the figure covered.
  const place = filter.kc?.name ?? filter.kanwil?.name ?? x("national");
  const narrowing = [filter.penyalur?.name, filter.scheme ? schemeLabel(filter.scheme, locale) : null].filter(Boolean).join(", ");
  const period = { place, narrowing, from: formatMonthId(filter.from), to: formatMonthId(filter.to) };

  const columns: DataColumn<BehindRow>[] = [
    { key: "name", header: t("col.name"), primary: true, cell: (r) => <Link href={`/pendaftaran/${r.id}`} className={cellLink}>{r.fullName}</Link> },
    { key: "nik", header: t("col.nik"), nowrap: true, cell: (r) => <span className="font-mono">{r.nikMasked}</span> },
    { key: "kc", header: t("col.kantorCabang"), cell: (r) => r.kantorCabang },
    { key: "penyalur", header: t("col.penyalur"), cell: (r) => r.penyalur },
    { key: "scheme", header: t("col.scheme"), cell: (r) => schemeLabel(r.scheme, locale) },
    { key: "status", header: t("col.status"), cell: (r) => statusLabel(r.status, locale) },
    { key: "submitted", header: t("col.submitted"), nowrap: true, cell: (r) => formatDateId(r.submittedDay) },
    ...(figure === "arrears" ? [{ key: "owed", header: t("col.owed"), align: "right" as const, nowrap: true, cell: (r: BehindRow) => formatRupiah(r.owed ?? 0) }] : []),
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t(`title.${figure}`)}</h1>
      <p className="text-slate-700" data-testid="behind-scope">
        {narrowing ? x("scopeCaptionNarrowed", period) : x("scopeCaption", period)}
      </p>
      <p className="text-sm text-slate-700">{t(`meaning.${figure}`)}</p>
      <p><Link href={dashboardHref(view)} className={cellLink}>{t("back")}</Link></p>
      <p role="status" className="font-medium" data-testid="behind-count">{t("count", { count: result.total })}</p>
      <DataTable caption={t(`title.${figure}`)} columns={columns} rows={result.rows} rowKey={(r) => r.id} testId="behind-table" empty={<p className="text-slate-600">{t("none")}</p>} />
      <PageNav page={result.page} pageCount={result.pageCount} href={(page) => behindHref(view, figure, page)} />
    </div>
  );
}
