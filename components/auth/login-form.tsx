"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { SecondFactorStep } from "@/components/auth/second-factor-step";
import { loginAction } from "@/lib/auth/actions";
import type { FormState } from "@/lib/action/result";

export function LoginForm() {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState<FormState<{ step: "secondFactor"; ticket: string } | undefined>, FormData>(loginAction, {});
  // The password was right and the account has a second factor: ask for the code (until restarted).
  const [restartedAt, setRestartedAt] = useState<number | undefined>(undefined);
  if (state.data?.step === "secondFactor" && restartedAt !== state.attempt) {
    return <SecondFactorStep ticket={state.data.ticket} onRestart={() => setRestartedAt(state.attempt)} />;
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.message ? (
        <p role="alert" id="login-error" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">{t("email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.values?.email ?? ""}
          aria-describedby={state.message ? "login-error" : undefined}
          className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">{t("password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
