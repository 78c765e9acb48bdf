"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { buttonClass, FormMessage, useFocusFirstError } from "@/components/admin/form-bits";
import { disableWebhookAction, resendDeliveryAction, saveWebhookAction, type ShownSecret } from "@/lib/webhooks/actions";
import type { FormState } from "@/lib/action/result";

/** Sets a penyalur's webhook URL; a new or rotated secret is shown once. */
export function WebhookForm({ penyalur }: { penyalur: { code: string; name: string }[] }) {
  const t = useTranslations("h2h.webhook");
  const [state, action, pending] = useActionState<FormState<ShownSecret>, FormData>(saveWebhookAction, {});
  const values = state.values ?? {};
  const formRef = useFocusFirstError(state, "webhook-message");
  return (
    <div className="space-y-3">
      <form key={state.attempt ?? 0} ref={formRef} action={action} noValidate className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby="webhook-form-title">
        <h2 id="webhook-form-title" className="text-base font-semibold">{t("formTitle")}</h2>
        <FormMessage id="webhook-message" message={state.message} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="penyalur" label={t("penyalur")} errors={state.errors?.penyalur}>
            {(p) => (
              <select {...p} name="penyalur" defaultValue={values.penyalur ?? ""} className={inputClass}>
                <option value="">{t("choose")}</option>
                {penyalur.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
              </select>
            )}
          </Field>
          <Field name="url" label={t("url")} hint={t("urlHint")} errors={state.errors?.url}>
            {(p) => <input {...p} name="url" type="url" inputMode="url" defaultValue={values.url ?? ""} className={inputClass} />}
          </Field>
        </div>
        <label className="flex min-h-6 items-center gap-2 text-sm">
          <input type="checkbox" name="rotateSecret" defaultChecked={values.rotateSecret === "on"} /> {t("rotateSecret")}
        </label>
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? t("saving") : t("save")}</button>
      </form>
      {state.ok && state.data?.secret ? (
        <section role="status" aria-labelledby="shown-secret-title" className="space-y-2 rounded border border-emerald-400 bg-emerald-50 p-3 text-sm">
          <h3 id="shown-secret-title" className="font-semibold">{t("secretTitle")}</h3>
          <p>{t("secretNote", { penyalur: state.data.penyalurName })}</p>
          <label htmlFor="shown-secret" className="block font-medium">{t("secret")}</label>
          <input id="shown-secret" readOnly value={state.data.secret} className={`${inputClass} font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} data-testid="shown-secret" />
        </section>
      ) : state.ok ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{t("saved")}</p>
      ) : null}
    </div>
  );
}

/** A small form per row: stop deliveries to one webhook, or send one delivery again. */
export function RowAction({ kind, id, label }: { kind: "disable" | "resend"; id: string; label: string }) {
  const t = useTranslations("h2h.webhook");
  const [state, action, pending] = useActionState<FormState, FormData>(kind === "disable" ? disableWebhookAction : resendDeliveryAction, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="inline-flex min-h-6 items-center text-brand-700 underline disabled:opacity-60" aria-label={`${t(kind)}: ${label}`}>{t(kind)}</button>
      {state.message ? <p role="alert" className="text-sm text-red-700">{state.message}</p> : null}
    </form>
  );
}
