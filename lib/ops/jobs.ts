import { defineJob } from "@/lib/jobs";

/**
 * Every night at 02:30 WIB (19:30 UTC) the worker removes uploaded files past their retention
 * (lib/ops/retention.ts, docs/decisions/0027). Retried like any job; a rerun finds nothing new.
 */
export const purgeExpiredUploadsJob = defineJob<Record<string, never>>(
  "ops.purge-expired-uploads",
  async () => {
    const { purgeExpiredUploads } = await import("@/lib/ops/mutations");
    return purgeExpiredUploads(new Date());
  },
  { cron: "30 19 * * *", retryLimit: 2, retryDelay: 300, expireInSeconds: 60 * 60 },
);
