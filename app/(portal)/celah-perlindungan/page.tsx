import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DataTable, cellLink, type DataColumn } from "@/components/ui/data-table";
import { requirePermission } from "@/lib/auth/session";
import { GAPS_PATH, coverageGapSummary, coverageGaps, gapFilterQuery, parseGapFilter, type GapCount, type GapRow } from "@/lib/loans";
import { formatDateId, formatMonthId, formatRupiah } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("h2h.gaps"))("title") };
}

const SHOWN = 200;

/**
 * Coverage gaps (docs/decisions/0019 §4) in the reader's scope: the bank office its own, the Kantor
 * Cabang its branch's, the Kanwil its region's, head office all; counts per office, branch and Kanwil,
 * the newest gaps, and the whole list as CSV. The dashboard's filters (Kanwil, branch, penyalur,
 * scheme, disbursement period) arrive in the URL from the dashboard's gap figure and narrow the
 * counts, the list and the export alike.
 */
export default async function CoverageGapsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("enrolment:read");
  const filter = parseGapFilter(await searchParams);
  const query = gapFilterQuery(filter);
  const [t, tAll, summary, rows] = await Promise.all([
    getTranslations("h2h.gaps"),
    getTranslations(),
    coverageGapSummary(actor, filter),
    coverageGaps(actor, { limit: SHOWN, filter }),
  ]);
  const filters = [
    filter.kanwil,
    filter.kc,
    filter.penyalur,
    filter.scheme ? tAll(`enums.scheme.${filter.scheme}` as never) : undefined,
    filter.from || filter.to ? t("filterPeriod", { from: filter.from ? formatMonthId(filter.from) : "…", to: filter.to ? formatMonthId(filter.to) : "…" }) : undefined,
  ].filter(Boolean);
  const countColumns: DataColumn<GapCount>[] = [
    { key: "place", header: t("place"), primary: true, cell: (c) => c.name },
    { key: "count", header: t("countHeader"), align: "right", cell: (c) => c.count },
  ];
  const counts = (title: string, list: GapCount[], id: string) =>
    list.length ? (
      <section aria-labelledby={id} className="space-y-1">
        <h2 id={id} className="text-sm font-semibold">{title}</h2>
        <DataTable caption={t("countCaption", { title })} columns={countColumns} rows={list} rowKey={(c) => c.name} testId={id} />
      </section>
    ) : null;
  const columns: DataColumn<GapRow>[] = [
    { key: "loan", header: t("col.loanNumber"), primary: true, cell: (r) => <Link href={`/pendaftaran/${r.enrolmentId}`} className={`${cellLink} font-mono`}>{r.loanNumber ?? "—"}</Link> },
    { key: "office", header: t("col.office"), cell: (r) => `${r.penyalurName} — ${r.officeName}` },
    { key: "kc", header: t("col.kantorCabang"), cell: (r) => <>{r.kantorCabangName}<span className="block text-xs text-slate-600">{r.kanwilName}</span></> },
    { key: "scheme", header: t("col.scheme"), cell: (r) => tAll(`enums.scheme.${r.scheme}` as never) },
    { key: "mandate", header: t("col.mandate"), cell: (r) => tAll(`enums.mandate.${r.mandateStatus}` as never) },
    { key: "status", header: t("col.status"), cell: (r) => tAll(`enums.status.${r.status}` as never) },
    { key: "disbursedOn", header: t("col.disbursedOn"), nowrap: true, cell: (r) => formatDateId(r.disbursedOn) },
    { key: "amount", header: t("col.disbursedAmount"), align: "right", nowrap: true, cell: (r) => (r.disbursedAmount === null ? "—" : formatRupiah(r.disbursedAmount)) },
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      {filters.length ? (
        <p className="text-sm" data-testid="gap-filter">
          {t("filtered", { filters: filters.join(", ") })}{" "}
          <Link href={GAPS_PATH} className="text-brand-700 underline">{t("clearFilter")}</Link>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <p role="status" className="font-medium" data-testid="gap-count">{summary.total === 0 ? t("none") : t("count", { count: summary.total })}</p>
        {summary.total > 0 ? (
          <a href={`${GAPS_PATH}/ekspor${query}`} className="inline-flex min-h-6 items-center rounded border border-brand-700 px-3 py-1 text-sm text-brand-700 hover:bg-brand-50">{t("export")}</a>
        ) : null}
      </div>
      {summary.total > 0 ? (
        <div className="grid gap-3 md:grid-cols-3">
          {counts(t("byKanwil"), summary.byKanwil, "gaps-kanwil")}
          {counts(t("byKantorCabang"), summary.byKantorCabang, "gaps-kantor-cabang")}
          {counts(t("byOffice"), summary.byOffice, "gaps-office")}
        </div>
      ) : null}
      {rows.length ? <DataTable caption={t("caption")} columns={columns} rows={rows} rowKey={(r) => r.enrolmentId} testId="gaps" /> : null}
      {summary.total > rows.length ? <p className="text-sm text-slate-600">{t("shown", { shown: rows.length, total: summary.total })}</p> : null}
    </div>
  );
}
