"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { CheckboxField, Field, inputClass } from "@/components/ui/field";
import { buttonClass, FormMessage, secondaryButtonClass, useFocusFirstError } from "@/components/admin/form-bits";
import { savePhaseRuleAction, type PhasePreview } from "@/lib/admin/phase/actions";
import type { FormState } from "@/lib/action/result";
import { formatDateId } from "@/lib/rules";
import { DateInput } from "@/components/ui/date-input";

export interface PhaseRuleFormProps {
  options: { penyalur: { code: string; name: string }[]; kanwil: { code: string; name: string }[]; provinces: { code: string; name: string }[] };
  /** The rule being edited, or absent for a new one. */
  id?: string;
  initial: Record<string, string>;
  title: string;
  lead?: string;
}

/**
 * Creates or edits a phase rule in two steps: "Preview impact" asks the server what saving would do
 * (how many pending debtors, in which Kanwil, become required), and only then "Save rule" appears;
 * the save is refused if that impact has changed meanwhile.
 */
export function PhaseRuleForm({ options, id, initial, title, lead }: PhaseRuleFormProps) {
  const t = useTranslations("adminData.phase");
  const [state, action, pending] = useActionState<FormState<PhasePreview>, FormData>(savePhaseRuleAction, {});
  const preview = state.data;
  const values = state.values ?? preview?.echo ?? initial;
  const formRef = useFocusFirstError(state, "phase-message");
  const err = (k: string) => state.errors?.[k];
  return (
    <form key={state.attempt ?? 0} ref={formRef} action={action} noValidate className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby="phase-form-title">
      <h2 id="phase-form-title" className="text-base font-semibold">{title}</h2>
      {lead ? <p className="text-sm text-slate-700">{lead}</p> : null}
      <FormMessage id="phase-message" message={state.message} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {values.replaces ? <input type="hidden" name="replaces" value={values.replaces} /> : null}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t("form.schemes")}</legend>
        <div className="flex flex-wrap gap-4">
          <CheckboxField name="schemeSuperMikro" label={t("form.superMikro")} defaultChecked={values.schemeSuperMikro === "on"} />
          <CheckboxField name="schemeMikro" label={t("form.mikro")} defaultChecked={values.schemeMikro === "on"} errors={err("schemeMikro")} />
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="penyalur" label={t("form.penyalur")} errors={err("penyalur")}>
          {(p) => (
            <select {...p} name="penyalur" defaultValue={values.penyalur ?? ""} className={inputClass}>
              <option value="">{t("allPenyalur")}</option>
              {options.penyalur.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
            </select>
          )}
        </Field>
        <div className="hidden sm:block" />
        <Field name="kanwil" label={t("form.kanwil")} hint={t("form.regionHint")} errors={err("kanwil")}>
          {(p) => (
            <select {...p} name="kanwil" defaultValue={values.kanwil ?? ""} className={inputClass}>
              <option value="">{t("allRegions")}</option>
              {options.kanwil.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
            </select>
          )}
        </Field>
        <Field name="province" label={t("form.province")} errors={err("province")}>
          {(p) => (
            <select {...p} name="province" defaultValue={values.province ?? ""} className={inputClass}>
              <option value="">{t("allRegions")}</option>
              {options.provinces.map((o) => <option key={o.code} value={o.code}>{o.name}</option>)}
            </select>
          )}
        </Field>
        <Field name="startDate" label={t("form.startDate")} errors={err("startDate")}>
          {(p) => <DateInput {...p} name="startDate" defaultValue={values.startDate ?? ""} className={inputClass} />}
        </Field>
        <Field name="endDate" label={t("form.endDate")} errors={err("endDate")}>
          {(p) => <DateInput {...p} name="endDate" defaultValue={values.endDate ?? ""} className={inputClass} />}
        </Field>
      </div>
      <Field name="legalInstrument" label={t("form.legalInstrument")} hint={t("form.legalHint")} errors={err("legalInstrument")}>
        {(p) => <input {...p} name="legalInstrument" defaultValue={values.legalInstrument ?? ""} className={inputClass} />}
      </Field>
      <Field name="note" label={t("form.note")} errors={err("note")}>
        {(p) => <textarea {...p} name="note" rows={2} defaultValue={values.note ?? ""} className={inputClass} />}
      </Field>
      {preview ? (
        <section aria-labelledby="phase-preview-title" role="status" className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <h3 id="phase-preview-title" className="font-semibold">{t("preview.title")}</h3>
          {preview.total === 0 ? (
            <p>{t("preview.none", { date: formatDateId(preview.requiredFrom) })}</p>
          ) : (
            <>
              <p>{t("preview.total", { count: preview.total, date: formatDateId(preview.requiredFrom) })}</p>
              <ul className="list-disc pl-5">
                {preview.byKanwil.map((k) => <li key={k.kanwilName}>{t("preview.line", { count: k.count, kanwil: k.kanwilName })}</li>)}
              </ul>
            </>
          )}
          <p>{t("preview.confirm")}</p>
          <input type="hidden" name="expectTotal" value={String(preview.total)} />
        </section>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="preview" disabled={pending} className={preview ? secondaryButtonClass : buttonClass}>
          {pending ? t("form.previewing") : t("form.preview")}
        </button>
        {preview ? (
          <button type="submit" name="intent" value="save" disabled={pending} className={buttonClass}>
            {pending ? t("form.saving") : t("form.save")}
          </button>
        ) : null}
      </div>
    </form>
  );
}
