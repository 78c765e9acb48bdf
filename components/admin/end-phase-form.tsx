"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { buttonClass, FormMessage, useFocusFirstError } from "@/components/admin/form-bits";
import { endPhaseRuleAction } from "@/lib/admin/phase/actions";
import type { FormState } from "@/lib/action/result";
import { DateInput } from "@/components/ui/date-input";

/** Ends one phase rule on a chosen last day. */
export function EndPhaseForm({ id, scope, defaultEnd }: { id: string; scope: string; defaultEnd: string }) {
  const t = useTranslations("adminData.phase");
  const [state, action, pending] = useActionState<FormState, FormData>(endPhaseRuleAction, {});
  const values = state.values ?? { endDate: defaultEnd };
  const formRef = useFocusFirstError(state, "end-message");
  return (
    <form key={state.attempt ?? 0} ref={formRef} action={action} noValidate className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby="end-form-title">
      <h2 id="end-form-title" className="text-base font-semibold">{t("endTitle")}: {scope}</h2>
      <FormMessage id="end-message" message={state.message} />
      <input type="hidden" name="id" value={id} />
      <Field name="endDate" label={t("endDate")} errors={state.errors?.endDate}>
        {(p) => <DateInput {...p} name="endDate" defaultValue={values.endDate ?? ""} className={inputClass} />}
      </Field>
      <button type="submit" disabled={pending} className={buttonClass}>{t("endSubmit")}</button>
    </form>
  );
}
