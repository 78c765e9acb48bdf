/**
 * The bulk upload's two tracked jobs (lib/jobs): validating a file and committing its valid rows.
 * Both are safe to retry: validation replaces the row errors it stored, and the commit finds the
 * rows a failed try already wrote as existing (each row's submission key and loan number are unique).
 */
import { defineJob } from "@/lib/jobs";
import { commitUpload, validateUpload } from "@/lib/bulk/mutations";

export interface BulkJobData {
  uploadId: string;
}

const progressOf = (ctx: { progress(done: number, total?: number): Promise<void> }) => (done: number, total: number | null) =>
  ctx.progress(done, total ?? undefined);

export const validateBulkUploadJob = defineJob<BulkJobData>(
  "bulk.validate",
  async ({ uploadId }, ctx) => validateUpload(uploadId, new Date(), progressOf(ctx)),
  { retryLimit: 2, retryDelay: 10, expireInSeconds: 15 * 60 },
);

export const commitBulkUploadJob = defineJob<BulkJobData>(
  "bulk.commit",
  async ({ uploadId }, ctx) => commitUpload(uploadId, new Date(), progressOf(ctx)),
  { retryLimit: 2, retryDelay: 10, expireInSeconds: 30 * 60 },
);
