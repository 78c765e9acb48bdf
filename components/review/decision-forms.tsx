"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { Field, inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/action/result";
import { approveAction, recordPaymentAction, rejectAction, returnAction, type ReviewResult } from "@/lib/review/actions";
import { PAYMENT_CHANNELS, REJECT_REASONS } from "@/lib/review/schema";
import { DateInput } from "@/components/ui/date-input";

type State = FormState<ReviewResult>;

/** After a refused submit, focus moves to the first field in error (or to the message). */
export function useFocusFirstError(state: State) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state.attempt || state.ok) return;
    const target = ref.current?.querySelector<HTMLElement>("[aria-invalid=true]") ?? ref.current?.querySelector<HTMLElement>("[data-message]");
    target?.focus();
  }, [state]);
  return ref;
}

export function Message({ state }: { state: State }) {
  const message = state.ok ? state.data?.message : state.message;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      data-message
      tabIndex={-1}
      className={message ? `rounded p-2 text-sm font-medium ${state.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-800"}` : "sr-only"}
    >
      {message ?? ""}
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
  /** The debtor's name, said in the confirmation of a decision that cannot be undone. */
  debtorName: string;
}

function ApproveForm({ enrolmentId, version, debtorName }: DecisionProps) {
  const t = useTranslations("review");
  const [state, formAction, pending] = useActionState<State, FormData>(approveAction, {});
  const ref = useFocusFirstError(state);
  return (
    <form ref={ref} action={formAction} className="space-y-2 rounded border border-green-700 p-3" aria-labelledby="approve-title">
      <h3 id="approve-title" className="font-semibold">{t("approve")}</h3>
      <Hidden enrolmentId={enrolmentId} version={version} />
      <Message state={state} />
      <ConfirmSubmit
        confirmation={{ title: t("approveConfirmTitle", { name: debtorName }), description: t("approveConfirmBody") }}
        confirmLabel={t("approveConfirm")}
        tone="approve"
        disabled={pending}
        className={`${button} bg-green-700 hover:bg-green-800`}
      >
        {pending ? t("approving") : t("approve")}
      </ConfirmSubmit>
    </form>
  );
}

function ReturnForm({ enrolmentId, version }: Omit<DecisionProps, "debtorName">) {
  const t = useTranslations("review");
  const [state, formAction, pending] = useActionState<State, FormData>(returnAction, {});
  const ref = useFocusFirstError(state);
  return (
    <form key={state.attempt ?? 0} ref={ref} action={formAction} className="space-y-2 rounded border border-amber-600 p-3" aria-labelledby="return-title">
      <h3 id="return-title" className="font-semibold">{t("returnTitle")}</h3>
      <Hidden enrolmentId={enrolmentId} version={version} />
      <Field name="returnReason" label={t("returnReason")} errors={state.errors?.reason}>
        {(p) => <textarea {...p} name="reason" rows={3} maxLength={1000} defaultValue={state.values?.reason ?? ""} className={inputClass} />}
      </Field>
      <Message state={state} />
      <button type="submit" disabled={pending} className={`${button} bg-amber-700 hover:bg-amber-800`}>{t("returnSubmit")}</button>
    </form>
  );
}

function RejectForm({ enrolmentId, version, debtorName }: DecisionProps) {
  const t = useTranslations("review");
  const [state, formAction, pending] = useActionState<State, FormData>(rejectAction, {});
  const ref = useFocusFirstError(state);
  return (
    <form key={state.attempt ?? 0} ref={ref} action={formAction} className="space-y-2 rounded border border-red-700 p-3" aria-labelledby="reject-title">
      <h3 id="reject-title" className="font-semibold">{t("rejectTitle")}</h3>
      <Hidden enrolmentId={enrolmentId} version={version} />
      <Field name="rejectReason" label={t("rejectReason")} errors={state.errors?.reason}>
        {(p) => (
          <select {...p} name="reason" defaultValue={state.values?.reason ?? ""} className={inputClass}>
            <option value="">{t("choose")}</option>
            {REJECT_REASONS.map((r) => <option key={r} value={r}>{t(`rejectReasons.${r}`)}</option>)}
          </select>
        )}
      </Field>
      <Field name="rejectNote" label={t("rejectNote")} errors={state.errors?.note}>
        {(p) => <textarea {...p} name="note" rows={2} maxLength={1000} defaultValue={state.values?.note ?? ""} className={inputClass} />}
      </Field>
      <Message state={state} />
      <ConfirmSubmit
        confirmation={{ title: t("rejectConfirmTitle", { name: debtorName }), description: t("rejectConfirmBody") }}
        confirmLabel={t("rejectConfirm")}
        disabled={pending}
        className={`${button} bg-red-700 hover:bg-red-800`}
      >
        {t("rejectSubmit")}
      </ConfirmSubmit>
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

export function PaymentForm({ enrolmentId, today }: { enrolmentId: string; today: string }) {
  const t = useTranslations("review");
  const [state, formAction, pending] = useActionState<State, FormData>(recordPaymentAction, {});
  const ref = useFocusFirstError(state);
  // A recorded payment clears the form; a refused one keeps what was typed.
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form key={state.attempt ?? 0} ref={ref} action={formAction} className="space-y-3" aria-labelledby="payment-title">
      <h3 id="payment-title" className="font-semibold">{t("recordPayment")}</h3>
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="amount" label={t("amount")} hint={t("amountHint")} errors={state.errors?.amount}>
          {(p) => <input {...p} name="amount" inputMode="numeric" autoComplete="off" defaultValue={v.amount ?? ""} className={inputClass} />}
        </Field>
        <Field name="paidOn" label={t("paidOn")} errors={state.errors?.paidOn}>
          {(p) => <DateInput {...p} name="paidOn" max={today} defaultValue={v.paidOn ?? today} className={inputClass} />}
        </Field>
        <Field name="channel" label={t("channel")} errors={state.errors?.channel}>
          {(p) => (
            <select {...p} name="channel" defaultValue={v.channel ?? "VIRTUAL_ACCOUNT"} className={inputClass}>
              {PAYMENT_CHANNELS.map((c) => <option key={c} value={c}>{t(`channels.${c}`)}</option>)}
            </select>
          )}
        </Field>
        <Field name="reference" label={t("reference")} hint={t("referenceHint")} errors={state.errors?.reference}>
          {(p) => <input {...p} name="reference" autoComplete="off" maxLength={64} defaultValue={v.reference ?? ""} className={inputClass} />}
        </Field>
      </div>
      <Message state={state} />
      <button type="submit" disabled={pending} className={`${button} bg-brand-700 hover:bg-brand-800`}>
        {pending ? t("recording") : t("recordSubmit")}
      </button>
    </form>
  );
}
