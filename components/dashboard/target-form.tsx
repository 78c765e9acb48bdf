"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { setTargetAction } from "@/lib/dashboard/actions";
import type { FormState } from "@/lib/action/result";

export interface KanwilOption {
  code: string;
  name: string;
  branches: { code: string; name: string }[];
}

/**
 * Sets one yearly target. Errors are shown on their fields, with the input kept, and focus moves to
 * the first field in error; a plain message at the top otherwise.
 */
export function TargetForm({ kanwil, year }: { kanwil: KanwilOption[]; year: number }) {
  const t = useTranslations("targets.form");
  const [state, action, pending] = useActionState<FormState, FormData>(setTargetAction, {});
  const values = state.values ?? {};
  const [chosen, setChosen] = useState(values.kanwil ?? "");
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state.errors) return;
    const first = formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]");
    (first ?? document.getElementById("target-message"))?.focus();
  }, [state]);
  const branches = kanwil.find((k) => k.code === chosen)?.branches ?? [];
  const err = (k: string) => state.errors?.[k];
  return (
    <form key={state.attempt ?? 0} ref={formRef} action={action} noValidate className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby="target-form-title">
      <h2 id="target-form-title" className="text-base font-semibold">{t("title")}</h2>
      {state.message ? (
        <p id="target-message" tabIndex={-1} role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">{state.message}</p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="year" label={t("year")} errors={err("year")}>
          {(p) => <input {...p} name="year" inputMode="numeric" defaultValue={values.year ?? String(year)} className={inputClass} />}
        </Field>
        <Field name="kanwil" label={t("kanwil")} errors={err("kanwil")}>
          {(p) => (
            <select {...p} name="kanwil" defaultValue={values.kanwil ?? ""} onChange={(e) => setChosen(e.target.value)} className={inputClass}>
              <option value="">{t("chooseKanwil")}</option>
              {kanwil.map((k) => <option key={k.code} value={k.code}>{k.name}</option>)}
            </select>
          )}
        </Field>
        <Field name="kc" label={t("kc")} errors={err("kc")}>
          {(p) => (
            <select {...p} name="kc" defaultValue={values.kc ?? ""} className={inputClass}>
              <option value="">{t("wholeKanwil")}</option>
              {branches.map((b) => <option key={b.code} value={b.code}>{b.name}</option>)}
            </select>
          )}
        </Field>
        <Field name="approvedTarget" label={t("approvedTarget")} errors={err("approvedTarget")}>
          {(p) => <input {...p} name="approvedTarget" inputMode="numeric" defaultValue={values.approvedTarget ?? ""} className={inputClass} />}
        </Field>
        <Field name="complianceTargetPct" label={t("complianceTargetPct")} errors={err("complianceTargetPct")}>
          {(p) => <input {...p} name="complianceTargetPct" inputMode="numeric" defaultValue={values.complianceTargetPct ?? ""} className={inputClass} />}
        </Field>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
