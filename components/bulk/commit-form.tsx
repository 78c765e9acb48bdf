"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass, FormMessage } from "@/components/admin/form-bits";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { commitBulkAction } from "@/lib/bulk/actions";
import type { FormState } from "@/lib/action/result";

/** Saves an upload's valid rows, after a confirmation that names how many enrolments it creates. */
export function BulkCommitForm({ uploadId, count, retry }: { uploadId: string; count: number; retry?: boolean }) {
  const t = useTranslations("bulk.detail");
  const [state, action] = useActionState<FormState, FormData>(commitBulkAction, {});
  const label = retry ? t("retryCommit") : t("commit", { count });
  return (
    <form action={action} className="space-y-2">
      <FormMessage id="commit-message" message={state.message} />
      <input type="hidden" name="uploadId" value={uploadId} />
      <ConfirmSubmit
        tone="approve"
        className={buttonClass}
        confirmLabel={label}
        confirmation={{ title: t("commitTitle"), description: t("commitDescription", { count }) }}
      >
        {label}
      </ConfirmSubmit>
    </form>
  );
}
