"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import { buttonClass, FormMessage, useFocusFirstError } from "@/components/admin/form-bits";
import { uploadBulkAction } from "@/lib/bulk/actions";
import type { FormState } from "@/lib/action/result";

/** The bulk file's upload: one file input; the server checks it and queues its validation. */
export function BulkUploadForm({ maxMb }: { maxMb: number }) {
  const t = useTranslations("bulk.upload");
  const [state, action, pending] = useActionState<FormState, FormData>(uploadBulkAction, {});
  const formRef = useFocusFirstError(state, "upload-message");
  return (
    <form key={state.attempt ?? 0} ref={formRef} action={action} noValidate className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-labelledby="upload-title">
      <h2 id="upload-title" className="text-lg font-semibold">{t("heading")}</h2>
      <FormMessage id="upload-message" message={state.message} />
      <Field name="file" label={t("file")} hint={t("hint", { mb: maxMb })} errors={state.errors?.file}>
        {(p) => <input {...p} name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className={inputClass} />}
      </Field>
      <button type="submit" disabled={pending} className={buttonClass} data-testid="bulk-upload-submit">{t("submit")}</button>
    </form>
  );
}
