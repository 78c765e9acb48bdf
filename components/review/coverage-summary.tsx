import { useTranslations } from "next-intl";
import type { CoverageSummary } from "@/lib/review/data";
import { priceSteps } from "@/lib/enrolment/pricing";
import { formatDateId, formatMonthId, formatRupiah } from "@/lib/rules";

/** Border and background per cover status, shared with the public verification page. */
export const COVERAGE_STYLE = {
  ACTIVE: "border-green-700 bg-green-50",
  AWAITING_PAYMENT: "border-slate-500 bg-slate-50",
  ARREARS: "border-amber-600 bg-amber-50",
  LAPSED: "border-red-700 bg-red-50",
} as const;

/** "Rp114.650 s.d. 12/2026, lalu Rp140.300" (or just the amount) for months shown. */
export function PriceStepsText({ months }: { months: readonly { month: string; total: number }[] }) {
  const t = useTranslations("review");
  const steps = priceSteps(months);
  if (!steps) return null;
  if (!steps.change) return <>{formatRupiah(steps.first)}</>;
  return <>{t("priceSteps", { first: formatRupiah(steps.first), until: formatMonthId(steps.change.until), then: formatRupiah(steps.change.then) })}</>;
}

/**
 * Cover status and "protected until" (docs/regulation.md §3.6: no silent grace; the arrears window is named
 * as the manual names it, "masa tenggang pembayaran tunggakan"), what is owed and the next payment.
 */
export function CoverageSummaryView({ coverage }: { coverage: CoverageSummary }) {
  const t = useTranslations();
  const c = coverage;
  return (
    <dl className={`grid gap-x-4 gap-y-1 rounded border-l-4 p-3 text-sm sm:grid-cols-[auto_1fr] ${COVERAGE_STYLE[c.status]}`} data-testid="coverage">
      <dt className="font-medium">{t("review.coverageStatus")}</dt>
      <dd className="font-bold" data-testid="coverage-status">{t(`enums.coverage.${c.status}`)}</dd>
      <dt className="font-medium">{t("review.protectedUntil")}</dt>
      <dd data-testid="protected-until">{c.protectedUntil ? formatDateId(c.protectedUntil) : t("review.notProtected")}</dd>
      {c.status === "AWAITING_PAYMENT" ? (
        <dd className="sm:col-span-2" data-testid="coverage-note">
          {t("review.awaitingPayment", { month: formatMonthId(c.nextMonth), date: formatDateId(c.nextDueDate) })}
        </dd>
      ) : null}
      {c.status === "ARREARS" ? (
        <dd className="font-medium sm:col-span-2" data-testid="coverage-note">{t("review.arrearsDeadline", { date: formatDateId(c.arrearsDeadline) })}</dd>
      ) : null}
      {c.status === "LAPSED" ? (
        <dd className="sm:col-span-2" data-testid="coverage-note">
          {t("review.lapsedNote", { date: formatDateId(c.protectionEnded), months: c.lapsedMonths.map(formatMonthId).join(", ") })}
        </dd>
      ) : null}
      <dt className="font-medium">{t("review.coverStart")}</dt>
      <dd>{formatMonthId(c.startMonth)}</dd>
      {c.stretchStart !== c.startMonth ? (
        <>
          <dt className="font-medium">{t("review.stretchStart")}</dt>
          <dd>{formatMonthId(c.stretchStart)}</dd>
        </>
      ) : null}
      {c.unpaidMonths.length ? (
        <>
          <dt className="font-medium">{t("review.unpaidMonths")}</dt>
          <dd>{c.unpaidMonths.map(formatMonthId).join(", ")}</dd>
          <dt className="font-medium">{t("review.owed")}</dt>
          <dd className="tabular-nums" data-testid="owed">{formatRupiah(c.owed)}</dd>
        </>
      ) : null}
      {c.next ? (
        <>
          <dt className="font-medium">{t("review.nextPayment")}</dt>
          <dd className="tabular-nums" data-testid="next-payment">
            {formatMonthId(c.next.month)}: <PriceStepsText months={c.upcoming} />
          </dd>
        </>
      ) : null}
      {c.creditBalance > 0 ? (
        <>
          <dt className="font-medium">{t("review.creditBalance")}</dt>
          <dd className="tabular-nums" data-testid="credit-balance">{formatRupiah(c.creditBalance)}</dd>
        </>
      ) : null}
    </dl>
  );
}
