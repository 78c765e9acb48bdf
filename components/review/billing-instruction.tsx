import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { CoverageSummary } from "@/lib/review/data";
import { formatBillingCode, formatDateId, formatMonthId, formatRupiah } from "@/lib/rules";
import { PrintButton } from "@/components/review/print-button";

/**
 * The billing instruction (issue #15; docs/decisions/0016 §1): the participant's billing code, the amount
 * a channel accepts now — the first amount `planPayment` would accept (CoverageSummary.next, from the
 * same plan the payment applies) — its month and due date, two or three amounts for months ahead, and
 * plain steps. Printable on its own (data-print-block; app/globals.css).
 */
export function BillingInstruction({
  billingCode,
  coverage,
  name,
  kpj,
  actions,
}: {
  billingCode: string;
  coverage: CoverageSummary;
  name: string;
  kpj: string | null;
  /** More buttons beside "print" (e.g. send it to the debtor); not printed. */
  actions?: ReactNode;
}) {
  const t = useTranslations("billing");
  const next = coverage.next;
  // Cumulative sums of the payable months: exactly the amounts allocatePayment accepts (1, 2, … months).
  const accepted = coverage.upcoming.reduce<{ months: number; amount: number; through: string }[]>(
    (all, m, i) => [...all, { months: i + 1, amount: (all[i - 1]?.amount ?? 0) + m.total, through: m.month }],
    [],
  );
  return (
    <section aria-labelledby="kode-bayar" className="space-y-3 rounded border-2 border-brand-700 bg-white p-4 print:border-black" data-testid="billing" data-print-block>
      <h2 id="kode-bayar" className="text-lg font-semibold">{t("title")}</h2>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">{t("participant")}</dt>
        <dd>{name}{kpj ? ` · ${t("kpj")} ${kpj}` : ""}</dd>
        <dt className="font-medium">{t("code")}</dt>
        <dd className="whitespace-nowrap font-mono text-xl font-bold tracking-wider sm:text-2xl" data-testid="billing-code">{formatBillingCode(billingCode)}</dd>
        {next ? (
          <>
            <dt className="font-medium">{t("dueNow")}</dt>
            <dd className="text-xl font-bold tabular-nums" data-testid="billing-amount">{formatRupiah(next.amount)}</dd>
            <dt className="font-medium">{t("covers")}</dt>
            <dd data-testid="billing-month">{formatMonthId(next.month)}</dd>
            <dt className="font-medium">{t("dueDate")}</dt>
            <dd data-testid="billing-due">{formatDateId(coverage.nextDueDate)}</dd>
          </>
        ) : (
          <dd className="sm:col-span-2">{t("nothingDue")}</dd>
        )}
      </dl>
      {accepted.length > 1 ? (
        <div className="text-sm">
          <p className="font-medium">{t("ahead")}</p>
          <ul className="list-disc pl-5" data-testid="billing-ahead">
            {accepted.slice(1, 3).map((a) => (
              <li key={a.months}>{t("aheadAmount", { amount: formatRupiah(a.amount), months: a.months, through: formatMonthId(a.through) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="text-xs text-slate-600">{t("stable")}</p>
      <div className="text-sm">
        <p className="font-medium">{t("stepsTitle")}</p>
        <ol className="list-decimal space-y-1 pl-5">
          <li>{t("step1")}</li>
          <li>{t("step2")}</li>
          <li>{t("step3")}</li>
          <li>{t("step4")}</li>
        </ol>
      </div>
      <div className="flex flex-wrap items-start gap-2">
        <PrintButton label={t("print")} />
        {actions}
      </div>
    </section>
  );
}
