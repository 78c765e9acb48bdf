"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Message, useFocusFirstError } from "@/components/review/decision-forms";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { Field, inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/action/result";
import { formatInstant } from "@/lib/format";
import { reversePaymentAction, type ReviewResult } from "@/lib/review/actions";
import type { ReviewDetail } from "@/lib/review/data";
import { formatDateId, formatMonthId, formatRupiah } from "@/lib/rules";

type Payment = ReviewDetail["payments"][number];

/**
 * The payments of an approved enrolment on the reviewer's page, oldest first: a reversed one says when
 * and why, and the latest one still standing can be reversed — with a reason, after a confirmation that
 * names the amount and the months it re-opens (docs/decisions/0016 §3).
 */
export function PaymentList({ payments, timeZone }: { payments: Payment[]; timeZone: string }) {
  const t = useTranslations();
  if (payments.length === 0) return <p className="text-sm">{t("review.noPayments")}</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid="payments">
      {payments.map((p) => (
        <li key={p.id} className={`rounded border p-2 ${p.reversed ? "border-slate-200 bg-slate-50 text-slate-600" : "border-slate-200"}`} data-payment-id={p.id}>
          <p className={p.reversed ? "line-through" : undefined}>
            {t("review.paymentLine", {
              paidOn: formatDateId(p.paidOn),
              amount: formatRupiah(p.amount),
              channel: t(`review.channels.${p.channel}`),
              reference: p.reference,
              months: p.months.map(formatMonthId).join(", "),
            })}
          </p>
          {p.reversed ? (
            <p className="font-medium text-red-800" data-testid="payment-reversed">
              {t("payments.reversedOn", { at: formatInstant(p.reversed.at, timeZone), reason: p.reversed.reason })}
            </p>
          ) : null}
          {p.reversible ? <ReversalForm payment={p} /> : null}
        </li>
      ))}
    </ul>
  );
}

function ReversalForm({ payment }: { payment: Payment }) {
  const t = useTranslations("payments");
  const [state, formAction, pending] = useActionState<FormState<ReviewResult>, FormData>(reversePaymentAction, {});
  const ref = useFocusFirstError(state);
  const v = state.ok ? {} : (state.values ?? {});
  const months = payment.months.map(formatMonthId).join(", ");
  return (
    <details className="mt-2" open={Boolean(state.attempt && !state.ok) || undefined}>
      <summary className="cursor-pointer py-1 font-semibold text-red-800">{t("reverse")}</summary>
      <form key={state.attempt ?? 0} ref={ref} action={formAction} className="mt-2 space-y-2" aria-label={t("reverseTitle", { reference: payment.reference })}>
        <input type="hidden" name="paymentId" value={payment.id} />
        <p className="text-slate-700">{t("reverseIntro")}</p>
        <Field name={`reason-${payment.id}`} label={t("reason")} hint={t("reasonHint")} errors={state.errors?.reason}>
          {(p) => <textarea {...p} name="reason" rows={2} maxLength={500} defaultValue={v.reason ?? ""} className={inputClass} />}
        </Field>
        <Message state={state} />
        <ConfirmSubmit
          confirmation={{
            title: t("confirmTitle", { amount: formatRupiah(payment.amount), reference: payment.reference }),
            description: <p>{t("confirmBody", { count: payment.months.length, months })}</p>,
          }}
          confirmLabel={t("confirm")}
          disabled={pending}
          className="rounded bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60"
        >
          {pending ? t("reversing") : t("reverseSubmit")}
        </ConfirmSubmit>
      </form>
    </details>
  );
}
