"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { buttonClass, FormMessage, useFocusFirstError } from "@/components/admin/form-bits";
import { issueApiKeyAction, revokeApiKeyAction, rotateApiKeyAction, type ShownKey } from "@/lib/admin/keys/actions";
import type { FormState } from "@/lib/action/result";
import { OVERLAP_HOURS } from "@/lib/admin/keys/schema";
import { formatInstant } from "@/lib/format";

function ShownKeyPanel({ shown, formatAt }: { shown: ShownKey; formatAt?: (iso: string) => string }) {
  const t = useTranslations("adminData.keys");
  return (
    <section role="status" aria-labelledby="shown-key-title" className="space-y-2 rounded border border-emerald-400 bg-emerald-50 p-3 text-sm">
      <h3 id="shown-key-title" className="font-semibold">{t("shownTitle")}</h3>
      <p>{t("shownNote", { penyalur: shown.penyalurName, name: shown.name })}</p>
      <label htmlFor="shown-key" className="block font-medium">{t("keyLabel")}</label>
      <input id="shown-key" readOnly value={shown.key} className={`${inputClass} font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} data-testid="shown-key" />
      {shown.oldExpiresAt && formatAt ? <p>{t("oldUntil", { at: formatAt(shown.oldExpiresAt) })}</p> : null}
    </section>
  );
}

/** Issues a key; the answer shows it once. */
export function IssueKeyForm({ penyalur }: { penyalur: { code: string; name: string }[] }) {
  const t = useTranslations("adminData.keys");
  const tm = useTranslations("adminData.master");
  const [state, action, pending] = useActionState<FormState<ShownKey>, FormData>(issueApiKeyAction, {});
  const values = state.values ?? {};
  const formRef = useFocusFirstError(state, "issue-message");
  return (
    <div className="space-y-3">
      <form key={state.attempt ?? 0} ref={formRef} action={action} noValidate className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby="issue-title">
        <h2 id="issue-title" className="text-base font-semibold">{t("issueTitle")}</h2>
        <FormMessage id="issue-message" message={state.message} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="penyalur" label={t("penyalur")} errors={state.errors?.penyalur}>
            {(p) => (
              <select {...p} name="penyalur" defaultValue={values.penyalur ?? ""} className={inputClass}>
                <option value="">{tm("choose")}</option>
                {penyalur.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
              </select>
            )}
          </Field>
          <Field name="name" label={t("name")} hint={t("nameHint")} errors={state.errors?.name}>
            {(p) => <input {...p} name="name" defaultValue={values.name ?? ""} className={inputClass} />}
          </Field>
        </div>
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? t("issuing") : t("issue")}</button>
      </form>
      {state.ok && state.data ? <ShownKeyPanel shown={state.data} /> : null}
    </div>
  );
}

/** Revoke one key (a small form per row). */
export function RevokeKeyButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations("adminData.keys");
  const [state, action, pending] = useActionState<FormState, FormData>(revokeApiKeyAction, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="inline-flex min-h-6 items-center text-brand-700 underline disabled:opacity-60" aria-label={`${t("revoke")}: ${label}`}>{t("revoke")}</button>
      {state.message ? <p role="alert" className="text-sm text-red-700">{state.message}</p> : null}
    </form>
  );
}

/** Rotate one key with an overlap; the new key is shown once, below the row's form. */
export function RotateKeyForm({ id, label, timeZone }: { id: string; label: string; timeZone: string }) {
  const t = useTranslations("adminData.keys");
  const [state, action, pending] = useActionState<FormState<ShownKey>, FormData>(rotateApiKeyAction, {});
  const selectId = `overlap-${id}`;
  return (
    <div className="space-y-2">
      <form action={action} className="flex max-w-full flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={id} />
        <label htmlFor={selectId} className="sr-only">{t("overlap")}: {label}</label>
        <select id={selectId} name="overlapHours" defaultValue="24" className="min-h-6 max-w-full min-w-0 rounded border border-slate-400 px-2 py-1 text-sm">
          {OVERLAP_HOURS.map((h) => <option key={h} value={h}>{t("overlapHours", { hours: h })}</option>)}
        </select>
        <button type="submit" disabled={pending} className="inline-flex min-h-6 items-center text-brand-700 underline disabled:opacity-60" aria-label={`${t("rotate")}: ${label}`}>{t("rotate")}</button>
      </form>
      {state.message ? <p role="alert" className="text-sm text-red-700">{state.message}</p> : null}
      {state.ok && state.data ? <ShownKeyPanel shown={state.data} formatAt={(iso) => formatInstant(iso, timeZone)} /> : null}
    </div>
  );
}
