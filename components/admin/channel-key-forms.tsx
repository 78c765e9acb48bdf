"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { buttonClass, FormMessage, useFocusFirstError } from "@/components/admin/form-bits";
import { issueChannelKeyAction, revokeChannelKeyAction, rotateChannelKeyAction } from "@/lib/admin/channels/actions";
import type { ShownChannelKey } from "@/lib/admin/channels/mutations";
import type { FormState } from "@/lib/action/result";
import { PAYMENT_CHANNELS } from "@/lib/review/schema";

/** The key and the signing secret, shown once after issuing or rotating (docs/decisions/0025). */
function ShownChannelPanel({ shown, id }: { shown: ShownChannelKey; id: string }) {
  const t = useTranslations("adminData.channels");
  return (
    <section role="status" aria-labelledby={`${id}-title`} className="space-y-2 rounded border border-emerald-400 bg-emerald-50 p-3 text-sm">
      <h3 id={`${id}-title`} className="font-semibold">{t("shownTitle")}</h3>
      <p>{t("shownNote", { code: shown.code, name: shown.name })}</p>
      <label htmlFor={`${id}-key`} className="block font-medium">{t("keyLabel")}</label>
      <input id={`${id}-key`} readOnly value={shown.key} className={`${inputClass} font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} data-testid="shown-channel-key" />
      <label htmlFor={`${id}-secret`} className="block font-medium">{t("secretLabel")}</label>
      <input id={`${id}-secret`} readOnly value={shown.signingSecret} className={`${inputClass} font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} data-testid="shown-channel-secret" />
    </section>
  );
}

/** Issues a channel's key; an auto-debit channel names its lending bank. */
export function IssueChannelForm({ penyalur }: { penyalur: { code: string; name: string }[] }) {
  const t = useTranslations("adminData.channels");
  const tm = useTranslations("adminData.master");
  const tc = useTranslations("review.channels");
  const [state, action, pending] = useActionState<FormState<ShownChannelKey>, FormData>(issueChannelKeyAction, {});
  const values = state.values ?? {};
  const formRef = useFocusFirstError(state, "issue-channel-message");
  return (
    <div className="space-y-3">
      <form key={state.attempt ?? 0} ref={formRef} action={action} noValidate className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby="issue-channel-title">
        <h2 id="issue-channel-title" className="text-base font-semibold">{t("issueTitle")}</h2>
        <FormMessage id="issue-channel-message" message={state.message} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="code" label={t("code")} hint={t("codeHint")} errors={state.errors?.code}>
            {(p) => <input {...p} name="code" defaultValue={values.code ?? ""} maxLength={20} className={`${inputClass} uppercase`} />}
          </Field>
          <Field name="name" label={t("name")} errors={state.errors?.name}>
            {(p) => <input {...p} name="name" defaultValue={values.name ?? ""} maxLength={100} className={inputClass} />}
          </Field>
          <Field name="kind" label={t("kind")} errors={state.errors?.kind}>
            {(p) => (
              <select {...p} name="kind" defaultValue={values.kind ?? ""} className={inputClass}>
                <option value="">{tm("choose")}</option>
                {PAYMENT_CHANNELS.map((k) => <option key={k} value={k}>{tc(k)}</option>)}
              </select>
            )}
          </Field>
          <Field name="penyalur" label={t("penyalur")} hint={t("penyalurHint")} errors={state.errors?.penyalur}>
            {(p) => (
              <select {...p} name="penyalur" defaultValue={values.penyalur ?? ""} className={inputClass}>
                <option value="">{t("noPenyalur")}</option>
                {penyalur.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
              </select>
            )}
          </Field>
        </div>
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? t("issuing") : t("issue")}</button>
      </form>
      {state.ok && state.data ? <ShownChannelPanel shown={state.data} id="issued" /> : null}
    </div>
  );
}

/** Rotate (new key and secret, the old ones refused at once) or revoke one channel, each after a confirmation. */
export function ChannelKeyActions({ id, label }: { id: string; label: string }) {
  const t = useTranslations("adminData.channels");
  const [rotated, rotate, rotating] = useActionState<FormState<ShownChannelKey>, FormData>(rotateChannelKeyAction, {});
  const [revoked, revoke, revoking] = useActionState<FormState, FormData>(revokeChannelKeyAction, {});
  const linkClass = "min-h-6 text-brand-700 underline disabled:opacity-60";
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-3">
        <form action={rotate}>
          <input type="hidden" name="id" value={id} />
          <ConfirmSubmit
            confirmation={{ title: t("rotateTitle", { label }), description: <p>{t("rotateWarning")}</p> }}
            confirmLabel={t("rotate")}
            disabled={rotating}
            aria-label={`${t("rotate")}: ${label}`}
            className={linkClass}
          >
            {t("rotate")}
          </ConfirmSubmit>
        </form>
        <form action={revoke}>
          <input type="hidden" name="id" value={id} />
          <ConfirmSubmit
            confirmation={{ title: t("revokeTitle", { label }), description: <p>{t("revokeWarning")}</p> }}
            confirmLabel={t("revoke")}
            disabled={revoking}
            aria-label={`${t("revoke")}: ${label}`}
            className={linkClass}
          >
            {t("revoke")}
          </ConfirmSubmit>
        </form>
      </div>
      {rotated.message ? <p role="alert" className="text-sm text-red-700">{rotated.message}</p> : null}
      {revoked.message ? <p role="alert" className="text-sm text-red-700">{revoked.message}</p> : null}
      {rotated.ok && rotated.data ? <ShownChannelPanel shown={rotated.data} id={`rotated-${id}`} /> : null}
    </div>
  );
}
