"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { clientFor, formAction, formInput } from "@/lib/action/client";
import { fieldError } from "@/lib/action/errors";
import { MAX_FILE_BYTES } from "@/lib/bulk/mutations";
import { startCommit, uploadAndValidate } from "@/lib/bulk/mutations/start";

/** The posted form as it is: the file is a File, which the text-field preprocessing would drop. */
const PostedFile = z.custom<FormData>((v) => v instanceof FormData);

/**
 * Uploads a bulk file (/pendaftaran/unggah): officers of a bank office, for their own office. The
 * file is stored and its validation queued as a tracked job; the officer lands on the upload's page,
 * which shows the progress (and keeps showing it after a reload).
 */
const uploadSafe = clientFor("enrolment:create")
  .metadata({ actionName: "bulk.upload" })
  .inputSchema(PostedFile)
  .action(async ({ parsedInput: form, ctx: { actor, locale } }) => {
    const t = await getTranslations("bulk.upload");
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw fieldError({ file: [t("fileMissing")] });
    if (!/\.(csv|xlsx)$/i.test(file.name)) throw fieldError({ file: [t("fileType")] });
    if (file.size > MAX_FILE_BYTES) throw fieldError({ file: [t("fileTooLarge", { mb: MAX_FILE_BYTES / 1024 / 1024 })] });
    const id = await uploadAndValidate(actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, locale);
    revalidatePath("/pendaftaran/unggah");
    redirect(`/pendaftaran/unggah/${id}`);
  });

export const uploadBulkAction = formAction(uploadSafe);

/** Commits an upload's valid rows as a tracked job (each row its own idempotent enrolment). */
const commitSafe = clientFor("enrolment:create")
  .metadata({ actionName: "bulk.commit" })
  .inputSchema(formInput(z.object({ uploadId: z.uuid() })))
  .action(async ({ parsedInput: { uploadId }, ctx: { actor, locale } }) => {
    await startCommit(actor, uploadId, locale);
    revalidatePath(`/pendaftaran/unggah/${uploadId}`);
    redirect(`/pendaftaran/unggah/${uploadId}`);
  });

export const commitBulkAction = formAction(commitSafe);
