"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { loginCodeAction } from "@/lib/auth/actions";
import type { FormState } from "@/lib/action/result";

/**
 * The second sign-in step (docs/decisions/0013-people-and-sessions.md): the password was right; the
 * ticket it earned and the authenticator's code finish the sign-in. A wrong code keeps the ticket
 * (a few tries); an expired one sends the user back to the first step (`onRestart`).
 */
export function SecondFactorStep({ ticket, onRestart }: { ticket: string; onRestart: () => void }) {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState<FormState, FormData>(loginCodeAction, {});
  const codeRef = useRef<HTMLInputElement>(null);
  const expired = state.message !== undefined && !state.errors?.code;
  useEffect(() => codeRef.current?.focus(), [state]);
  const error = state.errors?.code?.join(" ");
  return (
    <div className="space-y-4">
      {expired ? (
        <>
          <p role="alert" id="login-error" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{state.message}</p>
          <button type="button" onClick={onRestart} className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("startOver")}</button>
        </>
      ) : (
        <form key={state.attempt ?? 0} action={action} className="space-y-4" noValidate>
          <p className="text-sm text-slate-700">{t("codeIntro")}</p>
          <input type="hidden" name="ticket" value={ticket} />
          <div>
            <label htmlFor="code" className="block text-sm font-medium">{t("code")}</label>
            <p id="code-hint" className="text-xs text-slate-600">{t("codeHint")}</p>
            <input
              ref={codeRef}
              id="code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={9}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "code-hint code-error" : "code-hint"}
              className="mt-1 block w-full rounded border border-slate-400 px-3 py-2 tracking-widest aria-[invalid=true]:border-red-600"
            />
            {error ? <p id="code-error" role="alert" className="mt-1 text-sm font-medium text-red-700">{error}</p> : null}
          </div>
          <button type="submit" disabled={pending} className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {pending ? t("submitting") : t("codeSubmit")}
          </button>
          <button type="button" onClick={onRestart} className="w-full text-sm text-brand-700 underline">{t("startOver")}</button>
        </form>
      )}
    </div>
  );
}
