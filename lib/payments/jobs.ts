/**
 * The settlement-file import as a tracked job (docs/decisions/0021 §1): the person who uploaded it
 * watches its progress; its result (counts) is the run's, the items are the import's own row.
 */
import { defineJob } from "@/lib/jobs";

export const settlementImportJob = defineJob<{ importId: string }>(
  "payments.settlement-import",
  async ({ importId }, ctx) => {
    const { runSettlementImport } = await import("@/lib/payments/mutations/settlement");
    const result = await runSettlementImport(importId, new Date(), (done, total) => ctx.progress(done, total));
    return result.ok ? { ok: true, counts: result.counts, settled: result.settled, refused: result.refused, invalid: result.invalid.length } : result;
  },
  // A retry after a crash is safe: every settlement is idempotent on the channel's reference.
  { retryLimit: 1, retryDelay: 30 },
);
