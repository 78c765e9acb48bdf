"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/action/result";
import { setOptOutAction } from "@/lib/notify/actions";
import type { OptOutState } from "@/lib/notify/data";
import { formatInstant } from "@/lib/format";

/** One channel's state and the button that turns it the other way; the answer is announced beside it. */
function OptOutChannel({ enrolmentId, state, timeZone }: { enrolmentId: string; state: OptOutState; timeZone: string }) {
  const t = useTranslations("notify.optOut");
  const [answer, action, pending] = useActionState<FormState<{ message: string }>, FormData>(setOptOutAction, {});
  const channel = t(`channels.${state.channel}`);
  const stopped = state.optedOutAt !== null;
  const message = answer.ok ? answer.data?.message : answer.message;
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid={`opt-out-${state.channel}`}>
      <span className="min-w-40">
        <span className="font-medium">{channel}</span>:{" "}
        <span data-testid="opt-out-state">{stopped ? t("stateStopped", { at: formatInstant(state.optedOutAt!, timeZone) }) : t("stateSent")}</span>
      </span>
      <form action={action} className="print:hidden">
        <input type="hidden" name="enrolmentId" value={enrolmentId} />
        <input type="hidden" name="channel" value={state.channel} />
        <input type="hidden" name="optOut" value={stopped ? "false" : "true"} />
        <button type="submit" disabled={pending} className="min-h-6 rounded border border-brand-700 px-3 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60">
          {stopped ? t("resume", { channel }) : t("stop", { channel })}
        </button>
      </form>
      <p role={answer.ok ? "status" : "alert"} className={message ? `w-full text-xs ${answer.ok ? "text-green-800" : "text-red-800"}` : "sr-only"}>
        {message ?? ""}
      </p>
    </li>
  );
}

/**
 * The debtor's message channels (e-mail, SMS/WhatsApp), each with whether messages are sent and a button
 * to stop or resume them (docs/decisions/0025 §5). A stopped channel still gets its rows in the outbox,
 * as OPTED_OUT, so the record shows what was not sent.
 */
export function OptOutControls({ enrolmentId, states, timeZone }: { enrolmentId: string; states: OptOutState[]; timeZone: string }) {
  const t = useTranslations("notify.optOut");
  return (
    <section aria-labelledby="pesan-debitur" className="rounded border border-slate-200 bg-white p-4 print:hidden" data-testid="opt-out">
      <h2 id="pesan-debitur" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <ul className="mt-2 space-y-2 text-sm">
        {states.map((s) => <OptOutChannel key={s.channel} enrolmentId={enrolmentId} state={s} timeZone={timeZone} />)}
      </ul>
    </section>
  );
}
