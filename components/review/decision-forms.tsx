"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field, inputClass } from "@/components/ui/field";
import {
  approveAction,
  recordPaymentAction,
  rejectAction,
  returnAction,
  type ReviewFormState,
} from "@/lib/review/actions";
import { PAYMENT_CHANNELS, PAYMENT_CHANNEL_LABELS, REJECT_REASONS, REJECT_REASON_LABELS } from "@/lib/review/schema";
import type { Dictionary, Locale } from "@/lib/i18n/dictionaries";

/** After a refused submit, focus moves to the first field in error (or to the message). */
function useFocusFirstError(state: ReviewFormState) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state.attempt || state.ok) return;
    const target = ref.current?.querySelector<HTMLElement>("[aria-invalid=true]") ?? ref.current?.querySelector<HTMLElement>("[data-message]");
    target?.focus();
  }, [state]);
  return ref;
}

function Message({ state }: { state: ReviewFormState }) {
  return (
    <p
      role={state.ok ? "status" : "alert"}
      data-message
      tabIndex={-1}
      className={state.message ? `rounded p-2 text-sm font-medium ${state.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-800"}` : "sr-only"}
    >
      {state.message ?? ""}
    </p>
  );
}

const button = "rounded px-4 py-2 font-semibold text-white disabled:opacity-60";

function Hidden({ enrolmentId, version }: { enrolmentId: string; version: number }) {
  return (
    <>
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

interface DecisionProps {
  enrolmentId: string;
  version: number;
  t: Dictionary;
  locale: Locale;
}

function ApproveForm({ enrolmentId, version, t }: DecisionProps) {
  const [state, formAction, pending] = useActionState<ReviewFormState, FormData>(approveAction, {});
  const ref = useFocusFirstError(state);
  return (
    <form ref={ref} action={formAction} className="space-y-2 rounded border border-green-700 p-3" aria-labelledby="approve-title">
      <h3 id="approve-title" className="font-semibold">{t.review.approve}</h3>
      <Hidden enrolmentId={enrolmentId} version={version} />
      <Message state={state} />
      <button type="submit" disabled={pending} className={`${button} bg-green-700 hover:bg-green-800`}>
        {pending ? t.review.approving : t.review.approve}
      </button>
    </form>
  );
}

function ReturnForm({ enrolmentId, version, t }: DecisionProps) {
  const [state, formAction, pending] = useActionState<ReviewFormState, FormData>(returnAction, {});
  const ref = useFocusFirstError(state);
  return (
    <form key={state.attempt ?? 0} ref={ref} action={formAction} className="space-y-2 rounded border border-amber-600 p-3" aria-labelledby="return-title">
      <h3 id="return-title" className="font-semibold">{t.review.returnTitle}</h3>
      <Hidden enrolmentId={enrolmentId} version={version} />
      <Field name="returnReason" label={t.review.returnReason} errors={state.errors?.reason}>
        {(p) => <textarea {...p} name="reason" rows={3} maxLength={1000} defaultValue={state.values?.reason ?? ""} className={inputClass} />}
      </Field>
      <Message state={state} />
      <button type="submit" disabled={pending} className={`${button} bg-amber-700 hover:bg-amber-800`}>{t.review.returnSubmit}</button>
    </form>
  );
}

function RejectForm({ enrolmentId, version, t, locale }: DecisionProps) {
  const [state, formAction, pending] = useActionState<ReviewFormState, FormData>(rejectAction, {});
  const ref = useFocusFirstError(state);
  return (
    <form key={state.attempt ?? 0} ref={ref} action={formAction} className="space-y-2 rounded border border-red-700 p-3" aria-labelledby="reject-title">
      <h3 id="reject-title" className="font-semibold">{t.review.rejectTitle}</h3>
      <Hidden enrolmentId={enrolmentId} version={version} />
      <Field name="rejectReason" label={t.review.rejectReason} errors={state.errors?.reason}>
        {(p) => (
          <select {...p} name="reason" defaultValue={state.values?.reason ?? ""} className={inputClass}>
            <option value="">{t.review.choose}</option>
            {REJECT_REASONS.map((r) => <option key={r} value={r}>{REJECT_REASON_LABELS[r][locale]}</option>)}
          </select>
        )}
      </Field>
      <Field name="rejectNote" label={t.review.rejectNote} errors={state.errors?.note}>
        {(p) => <textarea {...p} name="note" rows={2} maxLength={1000} defaultValue={state.values?.note ?? ""} className={inputClass} />}
      </Field>
      <Message state={state} />
      <button type="submit" disabled={pending} className={`${button} bg-red-700 hover:bg-red-800`}>{t.review.rejectSubmit}</button>
    </form>
  );
}

/** The three decisions on a submitted enrolment, each sending the version the reviewer saw. */
export function DecisionForms(props: DecisionProps) {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <ApproveForm {...props} />
      <ReturnForm {...props} />
      <RejectForm {...props} />
    </div>
  );
}

export function PaymentForm({ enrolmentId, today, t, locale }: { enrolmentId: string; today: string; t: Dictionary; locale: Locale }) {
  const [state, formAction, pending] = useActionState<ReviewFormState, FormData>(recordPaymentAction, {});
  const ref = useFocusFirstError(state);
  const v = state.values ?? {};
  return (
    <form key={state.attempt ?? 0} ref={ref} action={formAction} className="space-y-3" aria-labelledby="payment-title">
      <h3 id="payment-title" className="font-semibold">{t.review.recordPayment}</h3>
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="amount" label={t.review.amount} hint={t.review.amountHint} errors={state.errors?.amount}>
          {(p) => <input {...p} name="amount" inputMode="numeric" autoComplete="off" defaultValue={v.amount ?? ""} className={inputClass} />}
        </Field>
        <Field name="paidOn" label={t.review.paidOn} errors={state.errors?.paidOn}>
          {(p) => <input {...p} name="paidOn" type="date" max={today} defaultValue={v.paidOn ?? today} className={inputClass} />}
        </Field>
        <Field name="channel" label={t.review.channel} errors={state.errors?.channel}>
          {(p) => (
            <select {...p} name="channel" defaultValue={v.channel ?? "VIRTUAL_ACCOUNT"} className={inputClass}>
              {PAYMENT_CHANNELS.map((c) => <option key={c} value={c}>{PAYMENT_CHANNEL_LABELS[c][locale]}</option>)}
            </select>
          )}
        </Field>
        <Field name="reference" label={t.review.reference} hint={t.review.referenceHint} errors={state.errors?.reference}>
          {(p) => <input {...p} name="reference" autoComplete="off" maxLength={64} defaultValue={v.reference ?? ""} className={inputClass} />}
        </Field>
      </div>
      <Message state={state} />
      <button type="submit" disabled={pending} className={`${button} bg-brand-700 hover:bg-brand-800`}>
        {pending ? t.review.recording : t.review.recordSubmit}
      </button>
    </form>
  );
}
