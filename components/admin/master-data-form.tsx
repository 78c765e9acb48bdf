"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { buttonClass, FormMessage, useFocusFirstError } from "@/components/admin/form-bits";
import { retireMasterDataAction, saveMasterDataAction } from "@/lib/admin/masterdata/actions";
import type { FormState } from "@/lib/action/result";
import type { MasterEntity } from "@/lib/admin/masterdata/schema";

export interface MasterField {
  name: string;
  label: string;
  hint?: string;
  /** A select's choices; a text input when absent. */
  options?: { value: string; label: string }[];
  /** Shown but not sent (a code once created). */
  readOnly?: boolean;
  inputMode?: "numeric" | "text";
}

/** Creates or edits one master-data record; errors on their fields, the input kept. */
export function MasterDataForm({ entity, id, title, fields, initial, cancelHref }: { entity: MasterEntity; id?: string; title: string; fields: MasterField[]; initial: Record<string, string>; cancelHref?: string }) {
  const t = useTranslations("adminData");
  const [state, action, pending] = useActionState<FormState, FormData>(saveMasterDataAction, {});
  const values = state.values ?? initial;
  const formRef = useFocusFirstError(state, "master-message");
  return (
    <form key={state.attempt ?? 0} ref={formRef} action={action} noValidate className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby="master-form-title">
      <h2 id="master-form-title" className="text-base font-semibold">{title}</h2>
      <FormMessage id="master-message" message={state.message} />
      <input type="hidden" name="entity" value={entity} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map((f) => (
          <Field key={f.name} name={f.name} label={f.label} hint={f.hint} errors={state.errors?.[f.name]}>
            {(p) =>
              f.readOnly ? (
                <input {...p} readOnly value={values[f.name] ?? ""} className={`${inputClass} bg-slate-100`} />
              ) : f.options ? (
                <select {...p} name={f.name} defaultValue={values[f.name] ?? ""} className={inputClass}>
                  <option value="">{t("master.choose")}</option>
                  {f.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              ) : (
                <input {...p} name={f.name} inputMode={f.inputMode} defaultValue={values[f.name] ?? ""} className={inputClass} />
              )
            }
          </Field>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? t("common.saving") : t("common.save")}</button>
        {cancelHref ? <a href={cancelHref} className="text-brand-700 underline">{t("common.cancel")}</a> : null}
      </div>
    </form>
  );
}

/** Retire or reactivate one record (a small form per row). */
export function RetireButton({ entity, id, retired, label }: { entity: MasterEntity; id: string; retired: boolean; label: string }) {
  const t = useTranslations("adminData.common");
  const [state, action, pending] = useActionState<FormState, FormData>(retireMasterDataAction, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="entity" value={entity} />
      <input type="hidden" name="id" value={id} />
      {retired ? <input type="hidden" name="restore" value="1" /> : null}
      <button type="submit" disabled={pending} className="inline-flex min-h-6 items-center text-brand-700 underline disabled:opacity-60" aria-label={`${retired ? t("restore") : t("retire")}: ${label}`}>
        {retired ? t("restore") : t("retire")}
      </button>
      {state.message ? <p role="alert" className="mt-1 max-w-xs text-sm text-red-700">{state.message}</p> : null}
    </form>
  );
}
