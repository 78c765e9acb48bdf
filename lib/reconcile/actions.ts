"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { clientFor, formAction } from "@/lib/action/client";
import { fieldError } from "@/lib/action/errors";
import { isIsoDate } from "@/lib/rules";
import { MAX_LIST_BYTES } from "@/lib/reconcile/mutations";
import { uploadDebtorList } from "@/lib/reconcile/mutations/start";

const MAX_MB = MAX_LIST_BYTES / (1024 * 1024);

/** Uploads a bank's disbursed-debtor list for a period, queues its import and opens its report (which shows the import's progress). */
const uploadListSafe = clientFor("reconciliation:run")
  .metadata({ actionName: "reconciliation.upload" })
  .inputSchema(z.custom<FormData>((v) => v instanceof FormData))
  .action(async ({ parsedInput: form, ctx: { actor, locale } }) => {
    const t = await getTranslations("reconcile.upload");
    const file = form.get("file");
    const from = String(form.get("periodFrom") ?? "");
    const to = String(form.get("periodTo") ?? "");
    const errors: Record<string, string[]> = {};
    if (!(file instanceof File) || file.size === 0) errors.file = [t("fileMissing")];
    else if (!/\.(csv|xlsx)$/i.test(file.name)) errors.file = [t("fileType")];
    else if (file.size > MAX_MB * 1024 * 1024) errors.file = [t("fileTooLarge", { mb: MAX_MB })];
    if (!isIsoDate(from) || !isIsoDate(to) || to < from) errors.periodFrom = [t("period")];
    if (Object.keys(errors).length || !(file instanceof File)) throw fieldError(errors);
    const listId = await uploadDebtorList(actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { from, to }, locale);
    revalidatePath("/rekonsiliasi");
    redirect(`/rekonsiliasi/${listId}`);
  });

export const uploadDebtorListAction = formAction(uploadListSafe);
