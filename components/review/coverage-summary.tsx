import { useTranslations } from "next-intl";
import type { CoverageSummary } from "@/lib/review/data";
import { formatDateId, formatMonthId, formatRupiah } from "@/lib/rules";

/** Border and background per cover status, shared with the public verification page. */
export const COVERAGE_STYLE = {
  ACTIVE: "border-green-700 bg-green-50",
  NOT_STARTED: "border-slate-500 bg-slate-50",
  ARREARS: "border-amber-600 bg-amber-50",
  ENDED: "border-red-700 bg-red-50",
} as const;

/** Cover status and "protected until" (docs/regulation.md §3: "Show 'protected until' everywhere"). */
export function CoverageSummaryView({ coverage }: { coverage: CoverageSummary }) {
  const t = useTranslations();
  return (
    <dl className={`grid gap-x-4 gap-y-1 rounded border-l-4 p-3 text-sm sm:grid-cols-[auto_1fr] ${COVERAGE_STYLE[coverage.status]}`} data-testid="coverage">
      <dt className="font-medium">{t("review.coverageStatus")}</dt>
      <dd className="font-bold">{t(`enums.coverage.${coverage.status}`)}</dd>
      <dt className="font-medium">{t("review.protectedUntil")}</dt>
      <dd data-testid="protected-until">{coverage.protectedUntil ? formatDateId(coverage.protectedUntil) : t("review.notProtected")}</dd>
      <dt className="font-medium">{t("review.coverStart")}</dt>
      <dd>{formatMonthId(coverage.startMonth)}</dd>
      {coverage.unpaidMonths.length ? (
        <>
          <dt className="font-medium">{t("review.unpaidMonths")}</dt>
          <dd>{coverage.unpaidMonths.map(formatMonthId).join(", ")}</dd>
          <dt className="font-medium">{t("review.owed")}</dt>
          <dd className="tabular-nums">{formatRupiah(coverage.owed)}</dd>
        </>
      ) : null}
    </dl>
  );
}
