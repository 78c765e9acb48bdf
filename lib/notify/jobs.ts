/**
 * The debtor-message jobs (docs/decisions/0021 §3): delivering one outbox row through its channel,
 * retried with backoff until MAX_ATTEMPTS (lib/notify/mutations.ts marks it FAILED then).
 */
import { defineJob } from "@/lib/jobs";

/** A message that failed this often is left FAILED (the delivery job's retries are spent). */
export const MAX_ATTEMPTS = 3;

export const deliverDebtorMessageJob = defineJob<{ messageId: string }>(
  "notify.deliver",
  async ({ messageId }) => {
    const [{ deliverDebtorMessage }, { configuredChannels }] = await Promise.all([import("@/lib/notify/mutations"), import("@/lib/notify/channels")]);
    return { outcome: await deliverDebtorMessage(messageId, configuredChannels(), new Date()) };
  },
  { retryLimit: MAX_ATTEMPTS - 1, retryDelay: 60, retryBackoff: true, concurrency: 4 },
);
