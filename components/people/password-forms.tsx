"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage, buttonClass, useFocusFirstError } from "@/components/people/form-bits";
import { changePasswordAction, setPasswordAction } from "@/lib/admin/people/actions";
import type { FormState } from "@/lib/action/result";

/** New password twice, with the policy stated above the fields (and said again in an error). */
function NewPasswordFields({ state, labels, rule }: { state: FormState; labels: { password: string; confirm: string }; rule: string }) {
  return (
    <>
      <Field name="password" label={labels.password} hint={rule} errors={state.errors?.password}>
        {(p) => <input {...p} name="password" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
      <Field name="passwordConfirm" label={labels.confirm} errors={state.errors?.passwordConfirm}>
        {(p) => <input {...p} name="passwordConfirm" type="password" autoComplete="new-password" className={inputClass} />}
      </Field>
    </>
  );
}

/** The invitee's or reset link's form: the token travels as a hidden field. */
export function SetPasswordForm({ token, email, rule }: { token: string; email: string; rule: string }) {
  const t = useTranslations("people.setPassword");
  const [state, action, pending] = useActionState<FormState, FormData>(setPasswordAction, {});
  const formRef = useFocusFirstError(state, "set-password-message");
  return (
    <form key={state.attempt ?? 0} ref={formRef} action={action} noValidate className="space-y-4">
      <FormMessage id="set-password-message" state={state} />
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordFields state={state} labels={{ password: t("password"), confirm: t("confirm") }} rule={rule} />
      <button type="submit" disabled={pending} className={`w-full ${buttonClass}`}>{t("submit")}</button>
    </form>
  );
}

/** The signed-in user's own password. */
export function ChangePasswordForm({ rule }: { rule: string }) {
  const t = useTranslations("people.account");
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, {});
  const formRef = useFocusFirstError(state, "change-password-message");
  return (
    <form key={state.attempt ?? 0} ref={formRef} action={action} noValidate className="space-y-3" aria-labelledby="password-title">
      <FormMessage id="change-password-message" state={state} />
      <Field name="currentPassword" label={t("current")} errors={state.errors?.currentPassword}>
        {(p) => <input {...p} name="currentPassword" type="password" autoComplete="current-password" className={inputClass} />}
      </Field>
      <NewPasswordFields state={state} labels={{ password: t("password"), confirm: t("confirm") }} rule={rule} />
      <button type="submit" disabled={pending} className={buttonClass}>{t("submit")}</button>
    </form>
  );
}
