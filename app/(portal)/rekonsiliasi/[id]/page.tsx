import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JobProgress } from "@/components/jobs/job-progress";
import { DataTable, cellLink, type DataColumn } from "@/components/ui/data-table";
import { requirePermission } from "@/lib/auth/session";
import { jobRunFor } from "@/lib/jobs";
import { formatDateId, formatRupiah } from "@/lib/rules";
import { REPORT_DIMENSIONS, parseDimension } from "@/lib/reconcile/columns";
import { reconciliationReport, type ReportRow, type UnmatchedEnrolment, type UnmatchedLoan } from "@/lib/reconcile/data";
import { coveredShare } from "@/lib/reconcile/export";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reconcile"))("title") };
}

const pct = (f: { covered: number; debtors: number }) => {
  const share = coveredShare(f);
  return share === null ? "–" : `${share.toFixed(1).replace(".", ",")}%`;
};

const exportLink = "inline-flex min-h-6 items-center rounded border border-brand-700 px-3 py-1 text-sm text-brand-700 hover:bg-brand-50";

/**
 * One list's reconciliation, grouped by penyalur, office, Kanwil or scheme (the `menurut` parameter).
 * While the list is being imported (a tracked job, lib/reconcile/jobs.ts) the page shows the run's
 * progress, which survives a reload; it refreshes itself when the run ends.
 */
export default async function ReconciliationReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("reconciliation:run");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const by = parseDimension(query.menurut);
  const report = await reconciliationReport(actor, id, by);
  if (!report) notFound();
  const [t, tEnums] = await Promise.all([getTranslations("reconcile.report"), getTranslations("enums")]);
  const { list, rows, total, unmatched, unmatchedLoans, shown } = report;
  const run = list.importRunId && list.status !== "IMPORTED" ? await jobRunFor(list.importRunId, actor.id) : null;
  const label = (r: ReportRow) => (r.key === "total" ? t("total") : r.key === null || r.key === "" ? t("unknown") : by === "scheme" ? tEnums(`scheme.${r.key as "KECIL"}`) : r.label);
  const exportHref = (table: string) => `/rekonsiliasi/${list.id}/ekspor?tabel=${table}${table === "laporan" ? `&menurut=${by}` : ""}`;

  const figure = (key: keyof Omit<ReportRow, "key" | "label">, heading: string): DataColumn<ReportRow> => ({ key, header: heading, align: "right", cell: (r) => r[key] });
  const reportColumns: DataColumn<ReportRow>[] = [
    { key: "group", header: t(`dimension.${by}`), primary: true, cell: (r) => <span className={r.key === "total" ? "font-semibold" : ""}>{label(r)}</span> },
    figure("debtors", t("debtors")),
    figure("covered", t("covered")),
    { key: "pct", header: t("coveredPct"), align: "right", cell: (r) => pct(r) },
    figure("approvedNotCovered", t("approvedNotCovered")),
    figure("pending", t("pending")),
    figure("mandatoryUncovered", t("mandatoryUncovered")),
    figure("unmatchedLoans", t("unmatchedLoans")),
    figure("unmatchedEnrolments", t("unmatched")),
  ];
  const totalRow: ReportRow = { key: "total", label: t("total"), ...total };
  const enrolmentColumns: DataColumn<UnmatchedEnrolment>[] = [
    { key: "loan", header: t("loanNumber"), primary: true, cell: (u) => <Link href={`/pendaftaran/${u.id}`} className={`${cellLink} font-mono`}>{u.loanNumber ?? "—"}</Link> },
    { key: "office", header: t("office"), cell: (u) => u.office },
    { key: "scheme", header: t("scheme"), cell: (u) => tEnums(`scheme.${u.scheme as "KECIL"}`) },
    { key: "status", header: t("status"), cell: (u) => tEnums(`status.${u.status as "SUBMITTED"}`) },
  ];
  const loanColumns: DataColumn<UnmatchedLoan>[] = [
    { key: "loan", header: t("loanNumber"), primary: true, cell: (l) => <span className="font-mono">{l.loanNumber || "—"}</span> },
    { key: "row", header: t("rowNumber"), align: "right", cell: (l) => l.rowNumber },
    { key: "office", header: t("office"), cell: (l) => `${l.penyalur}${l.office ? ` — ${l.office}` : ""}` },
    { key: "scheme", header: t("scheme"), cell: (l) => tEnums(`scheme.${l.scheme as "KECIL"}`) },
    { key: "plafon", header: t("plafon"), align: "right", nowrap: true, cell: (l) => formatRupiah(l.plafon) },
    { key: "disbursedOn", header: t("disbursedOn"), nowrap: true, cell: (l) => formatDateId(l.disbursedOn) },
    { key: "mandatory", header: t("mandatory"), cell: (l) => (l.mandatory ? t("yes") : t("no")) },
  ];

  return (
    <div className="space-y-5">
      <nav className="text-sm">
        <Link href="/rekonsiliasi" className="inline-block py-1 text-brand-700 underline underline-offset-2">{t("back")}</Link>
      </nav>
      <h1 className="break-words text-2xl font-semibold">{list.fileName}</h1>
      <p className="text-sm text-slate-700">
        {t("period", { from: formatDateId(list.periodFrom), to: formatDateId(list.periodTo), rows: list.rowCount, errors: list.errorCount, name: list.uploadedBy })}
      </p>
      {list.status !== "IMPORTED" ? (
        <section className="space-y-2 rounded border border-slate-200 bg-white p-4" data-testid="reconcile-importing">
          {run ? <JobProgress runId={run.id} label={run.label} initial={{ status: run.status, done: run.done, total: run.total, errorId: run.errorId }} /> : null}
          <p className="text-sm text-slate-700">{list.status === "FAILED" ? t("failed") : t("importing")}</p>
        </section>
      ) : (
        <>
          <p className="text-sm text-slate-700" data-testid="reconcile-matched">{t("matched", { matched: list.matchedCount, byNik: list.matchedByNikCount })}</p>
          <p className="max-w-3xl text-sm text-slate-700">{t("definitions")}</p>
          <nav aria-label={t("by")} className="flex flex-wrap items-center gap-3 text-sm">
            <span>{t("by")}:</span>
            {REPORT_DIMENSIONS.map((d) =>
              d === by ? (
                <span key={d} aria-current="page" className="py-1 font-semibold">{t(`dimension.${d}`)}</span>
              ) : (
                <Link key={d} href={`/rekonsiliasi/${list.id}?menurut=${d}`} className="inline-block py-1 text-brand-700 underline underline-offset-2">{t(`dimension.${d}`)}</Link>
              ),
            )}
          </nav>
          <p className="flex flex-wrap gap-3">
            <a href={exportHref("laporan")} className={exportLink} download>{t("exportReport")}</a>
            <a href={exportHref("pendaftaran-tanpa-pinjaman")} className={exportLink} download>{t("exportUnmatchedEnrolments")}</a>
            <a href={exportHref("pinjaman-tanpa-pendaftaran")} className={exportLink} download>{t("exportUnmatchedLoans")}</a>
          </p>
          <DataTable
            caption={t("caption", { dimension: t(`dimension.${by}`) })}
            captionVisible
            columns={reportColumns}
            rows={[...rows, totalRow]}
            rowKey={(r) => r.key ?? ""}
            rowClassName={(r) => (r === totalRow ? "font-semibold sm:border-t-2 sm:border-slate-300" : "")}
            testId="reconcile-table"
          />

          <section aria-labelledby="unmatched-loans-title" className="space-y-2">
            <h2 id="unmatched-loans-title" className="text-lg font-semibold">{t("unmatchedLoansHeading")}</h2>
            <p className="text-sm text-slate-700">{t("unmatchedLoansNote", { shown })}</p>
            <DataTable caption={t("unmatchedLoansCaption")} columns={loanColumns} rows={unmatchedLoans} rowKey={(l) => String(l.rowNumber)} testId="reconcile-unmatched-loans" empty={<p>{t("unmatchedLoansNone")}</p>} />
          </section>

          <section aria-labelledby="unmatched-title" className="space-y-2">
            <h2 id="unmatched-title" className="text-lg font-semibold">{t("unmatchedHeading")}</h2>
            <p className="text-sm text-slate-700">{t("unmatchedNote", { shown })}</p>
            <DataTable caption={t("unmatchedCaption")} columns={enrolmentColumns} rows={unmatched} rowKey={(u) => u.id} testId="reconcile-unmatched" empty={<p>{t("unmatchedNone")}</p>} />
          </section>
        </>
      )}

      {list.rowErrors.length > 0 ? (
        <section aria-labelledby="refused-title" className="space-y-2">
          <h2 id="refused-title" className="text-lg font-semibold">{t("rowErrors")}</h2>
          <ul className="list-disc pl-5 text-sm">
            {list.rowErrors.map((e) => (
              <li key={e.row}>{t("row", { row: e.row })}: {e.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
