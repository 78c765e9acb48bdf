/**
 * Every job the worker runs (scripts/worker.ts) and the tests can drain (tests/support/jobs.ts).
 * A feature defines its jobs in lib/<feature>/jobs.ts and adds them here, one line each.
 */
import { dispatchEventJob } from "@/lib/events/jobs";
import { deliverWebhookJob } from "@/lib/webhooks/jobs";
import { deliverDebtorMessageJob } from "@/lib/notify";
import { settlementImportJob } from "@/lib/payments";
import { commitBulkUploadJob, validateBulkUploadJob } from "@/lib/bulk/jobs";
import { importDebtorListJob } from "@/lib/reconcile/jobs";
import { purgeExpiredUploadsJob } from "@/lib/ops/jobs";
import { dailyScanJob } from "@/lib/notify";
import type { JobDefinition } from "./define";

export const JOBS: readonly JobDefinition<never>[] = [
  dispatchEventJob as JobDefinition<never>,
  deliverWebhookJob as JobDefinition<never>,
  deliverDebtorMessageJob as JobDefinition<never>,
  settlementImportJob as JobDefinition<never>,
  validateBulkUploadJob as JobDefinition<never>,
  commitBulkUploadJob as JobDefinition<never>,
  importDebtorListJob as JobDefinition<never>,
  purgeExpiredUploadsJob as JobDefinition<never>,
  dailyScanJob as JobDefinition<never>,
];
