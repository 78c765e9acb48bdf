"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { FormMessage, buttonClass, useFocusFirstError } from "@/components/people/form-bits";
import { enableSecondFactorAction } from "@/lib/admin/people/actions";
import type { FormState } from "@/lib/action/result";

/**
 * TOTP enrolment: the QR code (drawn on the server with the project's QR library) and the same
 * secret as text for typing by hand; a code from the app confirms it.
 */
export function SecondFactorForm({ secret, qrDataUrl }: { secret: string; qrDataUrl: string }) {
  const t = useTranslations("people.enrol");
  const [state, action, pending] = useActionState<FormState, FormData>(enableSecondFactorAction, {});
  const formRef = useFocusFirstError(state, "enrol-message");
  const grouped = secret.match(/.{1,4}/g)?.join(" ") ?? secret;
  return (
    <div className="space-y-3">
      <p className="text-sm">{t("steps")}</p>
      {/* A data: URL drawn on the server; next/image adds nothing here. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={qrDataUrl} alt={t("qrAlt")} width={200} height={200} className="rounded border border-slate-200 bg-white" />
      <p className="text-sm">
        {t("manual")} <code className="break-all rounded bg-slate-100 px-1 font-mono">{grouped}</code>
      </p>
      <form key={state.attempt ?? 0} ref={formRef} action={action} noValidate className="space-y-3">
        <FormMessage id="enrol-message" state={state} />
        <input type="hidden" name="secret" value={secret} />
        <Field name="code" label={t("code")} errors={state.errors?.code}>
          {(p) => <input {...p} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={9} defaultValue={state.values?.code ?? ""} className={`${inputClass} max-w-40 tracking-widest`} />}
        </Field>
        <button type="submit" disabled={pending} className={buttonClass}>{t("submit")}</button>
      </form>
    </div>
  );
}
