import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/rules";
import { startTrackedJob } from "@/lib/jobs";
import { commitBulkUploadJob, validateBulkUploadJob } from "@/lib/bulk/jobs";
import { beginCommit, createUpload } from "@/lib/bulk/mutations";

/**
 * Starting the bulk upload's jobs: the upload (or its COMMITTING status), its audit row and the
 * tracked run are written in one transaction, so a run never exists without its upload and an
 * upload never waits for a job that was not queued. The page finds the run through the upload.
 */
export async function uploadAndValidate(actor: Actor, file: { name: string; bytes: Uint8Array }, locale: Locale): Promise<string> {
  return db().$transaction(async (tx) => {
    const uploadId = await createUpload(actor, file, locale, tx);
    const label = translator(locale)("bulk.jobs.validate", { file: file.name.slice(0, 200) });
    const runId = await startTrackedJob(validateBulkUploadJob, { uploadId }, { ownerUserId: actor.id, label, tx });
    await tx.bulkUpload.update({ where: { id: uploadId }, data: { validateRunId: runId } });
    return uploadId;
  });
}

export async function startCommit(actor: Actor, uploadId: string, locale: Locale): Promise<void> {
  await db().$transaction(async (tx) => {
    await beginCommit(actor, uploadId, tx);
    const { fileName } = await tx.bulkUpload.findUniqueOrThrow({ where: { id: uploadId }, select: { fileName: true } });
    const label = translator(locale)("bulk.jobs.commit", { file: fileName });
    const runId = await startTrackedJob(commitBulkUploadJob, { uploadId }, { ownerUserId: actor.id, label, tx });
    await tx.bulkUpload.update({ where: { id: uploadId }, data: { commitRunId: runId } });
  });
}
