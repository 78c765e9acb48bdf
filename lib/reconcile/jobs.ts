/**
 * The reconciliation's tracked job (lib/jobs): importing and matching a disbursed-debtor list. Safe
 * to retry: the import replaces the loans a failed try stored.
 */
import { defineJob } from "@/lib/jobs";
import { importDebtorList } from "@/lib/reconcile/mutations";

export const importDebtorListJob = defineJob<{ listId: string }>(
  "reconcile.import",
  async ({ listId }, ctx) => importDebtorList(listId, (done, total) => ctx.progress(done, total ?? undefined)),
  { retryLimit: 2, retryDelay: 10, expireInSeconds: 15 * 60 },
);
