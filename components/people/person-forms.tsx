"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { AccessFields, FormMessage, buttonClass, secondaryButtonClass, useFocusFirstError, type PlaceChoices } from "@/components/people/form-bits";
import { LinkPanel } from "@/components/people/link-panel";
import {
  changeAccessAction,
  deactivateAction,
  passwordLinkAction,
  reactivateAction,
  requireSecondFactorAction,
  resetSecondFactorAction,
} from "@/lib/admin/people/actions";
import type { FormState } from "@/lib/action/result";
import { ROLES } from "@/lib/auth/roles";

/** Changes a user's role and place (their sessions end: the server says so on the page after). */
export function AccessForm({ userId, role, place, places }: { userId: string; role: string; place: string; places: PlaceChoices }) {
  const t = useTranslations("people.form");
  const [state, action, pending] = useActionState<FormState, FormData>(changeAccessAction, {});
  const values = state.values ?? { role, place };
  const formRef = useFocusFirstError(state, "access-message");
  return (
    <form key={state.attempt ?? 0} ref={formRef} action={action} noValidate aria-labelledby="access-title" className="space-y-3 rounded border border-slate-200 bg-white p-4">
      <h2 id="access-title" className="text-base font-semibold">{t("accessTitle")}</h2>
      <p className="text-sm text-slate-700">{t("accessIntro")}</p>
      <FormMessage id="access-message" state={state} />
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <AccessFields roles={ROLES} places={places} values={values} errors={state.errors} />
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? t("submitting") : t("accessSubmit")}
      </button>
    </form>
  );
}

type SimpleAction = (prev: FormState, data: FormData) => Promise<FormState>;

const SIMPLE_ACTIONS = {
  deactivate: deactivateAction,
  reactivate: reactivateAction,
  requireSecondFactor: requireSecondFactorAction,
  resetSecondFactor: resetSecondFactorAction,
} satisfies Record<string, SimpleAction>;

/** One button that posts the user's id (and fixed fields) to one action; a refusal shows beside it. */
export function PersonButton({
  userId,
  action: name,
  label,
  fields = {},
  danger = false,
}: {
  userId: string;
  action: keyof typeof SIMPLE_ACTIONS;
  label: string;
  fields?: Record<string, string>;
  danger?: boolean;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(SIMPLE_ACTIONS[name], {});
  const id = `${name}-message`;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={userId} />
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <FormMessage id={id} state={state} />
      <button type="submit" disabled={pending} className={danger ? "rounded bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800 disabled:opacity-60" : secondaryButtonClass}>
        {label}
      </button>
    </form>
  );
}

/** Creates an invitation or reset link and shows it once. */
export function PasswordLinkButton({ userId, label, name }: { userId: string; label: string; name: string }) {
  const [state, action, pending] = useActionState<FormState<{ kind: "INVITATION" | "PASSWORD_RESET"; token: string; expiresAt: string }>, FormData>(passwordLinkAction, {});
  return (
    <div className="space-y-3">
      {state.ok && state.data ? <LinkPanel {...state.data} name={name} /> : null}
      <form action={action} className="space-y-2">
        <input type="hidden" name="userId" value={userId} />
        <FormMessage id="link-message" state={state} />
        <button type="submit" disabled={pending} className={secondaryButtonClass}>{label}</button>
      </form>
    </div>
  );
}
