"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, Field, inputClass } from "@/components/ui/field";
import { AccessFields, FormMessage, buttonClass, mayHaveSecondFactor, useFocusFirstError, type PlaceChoices } from "@/components/people/form-bits";
import { LinkPanel } from "@/components/people/link-panel";
import { inviteAction } from "@/lib/admin/people/actions";
import type { FormState } from "@/lib/action/result";
import { ROLES } from "@/lib/auth/roles";

interface Issued {
  kind: "INVITATION" | "PASSWORD_RESET";
  token: string;
  expiresAt: string;
}

/** Invites a user: e-mail, name, role and place; the answer is the one-time link, shown once. */
export function InviteForm({ places, hours }: { places: PlaceChoices; hours: number }) {
  const t = useTranslations("people.form");
  const [state, action, pending] = useActionState<FormState<Issued>, FormData>(inviteAction, {});
  const values = state.values ?? {};
  const [role, setRole] = useState(values.role ?? "");
  const [invited, setInvited] = useState<string>("");
  const formRef = useFocusFirstError(state, "invite-message");
  const err = (k: string) => state.errors?.[k];
  return (
    <div className="space-y-4">
      {state.ok && state.data ? <LinkPanel {...state.data} name={invited} /> : null}
      <form
        key={state.attempt ?? 0}
        ref={formRef}
        action={action}
        onSubmit={(e) => setInvited(String(new FormData(e.currentTarget).get("name") ?? ""))}
        noValidate
        aria-labelledby="invite-title"
        className="space-y-3 rounded border border-slate-200 bg-white p-4"
      >
        <h2 id="invite-title" className="text-base font-semibold">{t("inviteTitle")}</h2>
        <p className="text-sm text-slate-700">{t("inviteIntro", { hours })}</p>
        <FormMessage id="invite-message" state={state} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="email" label={t("email")} errors={err("email")}>
            {(p) => <input {...p} name="email" type="email" autoComplete="off" defaultValue={values.email ?? ""} className={inputClass} />}
          </Field>
          <Field name="name" label={t("name")} errors={err("name")}>
            {(p) => <input {...p} name="name" autoComplete="off" defaultValue={values.name ?? ""} className={inputClass} />}
          </Field>
          <AccessFields roles={ROLES} places={places} values={values} errors={state.errors} onRole={setRole} />
        </div>
        {mayHaveSecondFactor(role) ? (
          <div>
            <CheckboxField name="totpRequired" label={t("totpRequired")} defaultChecked={values.totpRequired === "on"} errors={err("totpRequired")} />
            <p className="ml-7 text-xs text-slate-600">{t("totpRequiredHint")}</p>
          </div>
        ) : null}
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? t("submitting") : t("inviteSubmit")}
        </button>
      </form>
    </div>
  );
}
