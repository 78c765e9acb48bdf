"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/action/result";
import { sendDebtorMessageAction } from "@/lib/notify/actions";

/**
 * One button that sends the debtor a message (an arrears reminder, the billing instruction) and says
 * what happened beside it; the answer is announced (role=status) and an error is an alert.
 */
export function SendToDebtor({ enrolmentId, kind, label }: { enrolmentId: string; kind: "ARREARS_REMINDER" | "BILLING"; label: string }) {
  const t = useTranslations("notify.ui");
  const [state, action, pending] = useActionState<FormState<{ message: string }>, FormData>(sendDebtorMessageAction, {});
  const message = state.ok ? state.data?.message : state.message;
  return (
    <form action={action} className="space-y-1 print:hidden">
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <input type="hidden" name="kind" value={kind} />
      <button type="submit" disabled={pending} className="min-h-6 rounded border border-brand-700 px-3 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60">
        {pending ? t("sending") : label}
      </button>
      <p role={state.ok ? "status" : "alert"} className={message ? `text-xs ${state.ok ? "text-green-800" : "text-red-800"}` : "sr-only"}>
        {message ?? ""}
      </p>
    </form>
  );
}
