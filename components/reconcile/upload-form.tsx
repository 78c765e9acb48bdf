"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { buttonClass, FormMessage, useFocusFirstError } from "@/components/admin/form-bits";
import { uploadDebtorListAction } from "@/lib/reconcile/actions";
import type { FormState } from "@/lib/action/result";
import { DateInput } from "@/components/ui/date-input";

/** The disbursed-debtor list's upload: the file and the period it covers. */
export function DebtorListForm({ defaultFrom, defaultTo }: { defaultFrom: string; defaultTo: string }) {
  const t = useTranslations("reconcile.upload");
  const [state, action, pending] = useActionState<FormState, FormData>(uploadDebtorListAction, {});
  const formRef = useFocusFirstError(state, "list-message");
  const values = state.values ?? { periodFrom: defaultFrom, periodTo: defaultTo };
  return (
    <form key={state.attempt ?? 0} ref={formRef} action={action} noValidate className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby="list-title">
      <h2 id="list-title" className="text-lg font-semibold">{t("heading")}</h2>
      <FormMessage id="list-message" message={state.message} />
      <Field name="file" label={t("file")} errors={state.errors?.file}>
        {(p) => <input {...p} name="file" type="file" accept=".csv,.xlsx" className={inputClass} />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="periodFrom" label={t("from")} errors={state.errors?.periodFrom}>
          {(p) => <DateInput {...p} name="periodFrom" defaultValue={values.periodFrom ?? ""} className={inputClass} />}
        </Field>
        <Field name="periodTo" label={t("to")}>
          {(p) => <DateInput {...p} name="periodTo" defaultValue={values.periodTo ?? ""} className={inputClass} />}
        </Field>
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>{t("submit")}</button>
    </form>
  );
}
