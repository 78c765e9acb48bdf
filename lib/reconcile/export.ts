/**
 * The reconciliation's CSV exports (docs/platform.md §8: the reader's dialect, the page's words):
 * the report by one dimension, the enrolments with no loan on the list, and the listed loans with
 * no enrolment. Pure: the route handler reads (lib/reconcile/data) and this writes.
 */
import { CSV_BOM, csvDialect, csvNumber, csvRow, csvText } from "@/lib/csv";
import type { Locale } from "@/lib/i18n/config";
import type { Translator } from "@/lib/i18n/translator";
import { formatDateId } from "@/lib/rules";
import type { ReportDimension } from "@/lib/reconcile/columns";
import type { ReportFigures, ReportRow, UnmatchedEnrolment, UnmatchedLoan } from "@/lib/reconcile/data";

export const EXPORT_TABLES = ["laporan", "pendaftaran-tanpa-pinjaman", "pinjaman-tanpa-pendaftaran"] as const;
export type ReconcileExportTable = (typeof EXPORT_TABLES)[number];

export function parseExportTable(value: unknown): ReconcileExportTable | null {
  return (EXPORT_TABLES as readonly unknown[]).includes(value) ? (value as ReconcileExportTable) : null;
}

const FIGURES = ["debtors", "covered", "approvedNotCovered", "pending", "mandatoryUncovered", "unmatchedLoans", "unmatchedEnrolments"] as const satisfies readonly (keyof ReportFigures)[];
const FIGURE_HEADING: Record<(typeof FIGURES)[number], string> = {
  debtors: "debtors",
  covered: "covered",
  approvedNotCovered: "approvedNotCovered",
  pending: "pending",
  mandatoryUncovered: "mandatoryUncovered",
  unmatchedLoans: "unmatchedLoans",
  unmatchedEnrolments: "unmatched",
};

/** Covered as a share of the listed debtors, in percent with one decimal; null without debtors. */
export function coveredShare(f: Pick<ReportFigures, "covered" | "debtors">): number | null {
  return f.debtors === 0 ? null : Math.round((1000 * f.covered) / f.debtors) / 10;
}

export function reportCsv(t: Translator, by: ReportDimension, rows: readonly ReportRow[], total: ReportFigures, locale: Locale): string {
  const d = csvDialect(locale);
  const r = (k: string) => t(`reconcile.report.${k}` as never);
  let out = CSV_BOM + csvRow([csvText(r(`dimension.${by}`), d), ...FIGURES.slice(0, 2).map((k) => csvText(r(FIGURE_HEADING[k]), d)), csvText(r("coveredPct"), d), ...FIGURES.slice(2).map((k) => csvText(r(FIGURE_HEADING[k]), d))], d);
  const line = (label: string, f: ReportFigures) => {
    const share = coveredShare(f);
    return csvRow([csvText(label, d), csvNumber(f.debtors, d), csvNumber(f.covered, d), share === null ? "" : csvNumber(share, d, 1), ...FIGURES.slice(2).map((k) => csvNumber(f[k], d))], d);
  };
  for (const row of rows) out += line(row.key === null || row.key === "" ? r("unknown") : by === "scheme" ? t(`enums.scheme.${row.key}` as never) : row.label, row);
  out += line(r("total"), total);
  return out;
}

export function unmatchedEnrolmentsCsv(t: Translator, rows: readonly UnmatchedEnrolment[], locale: Locale): string {
  const d = csvDialect(locale);
  const r = (k: string) => csvText(t(`reconcile.report.${k}` as never), d);
  let out = CSV_BOM + csvRow([r("loanNumber"), r("office"), r("scheme"), r("status")], d);
  for (const u of rows) {
    out += csvRow([csvText(u.loanNumber ?? "", d), csvText(u.office, d), csvText(t(`enums.scheme.${u.scheme}` as never), d), csvText(t(`enums.status.${u.status}` as never), d)], d);
  }
  return out;
}

export function unmatchedLoansCsv(t: Translator, rows: readonly UnmatchedLoan[], locale: Locale): string {
  const d = csvDialect(locale);
  const r = (k: string) => csvText(t(`reconcile.report.${k}` as never), d);
  let out = CSV_BOM + csvRow([r("rowNumber"), r("loanNumber"), r("penyalur"), r("office"), r("scheme"), r("plafon"), r("disbursedOn"), r("mandatory")], d);
  for (const u of rows) {
    out += csvRow(
      [
        csvNumber(u.rowNumber, d),
        csvText(u.loanNumber, d),
        csvText(u.penyalur, d),
        csvText(u.office ?? "", d),
        csvText(t(`enums.scheme.${u.scheme}` as never), d),
        csvNumber(u.plafon, d),
        csvText(formatDateId(u.disbursedOn), d),
        r(u.mandatory ? "yes" : "no"),
      ],
      d,
    );
  }
  return out;
}
