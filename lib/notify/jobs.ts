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

/**
 * The daily scan (docs/decisions/0025; lib/notify/scan.ts): due-date reminders and the cover transitions'
 * events (coverage.arrears, coverage.lapsed), batched in the worker, never in a request. Scheduled by the
 * worker through pg-boss (scripts/worker.ts schedules every job with a cron) at 23:00 UTC: 06:00 WIB,
 * 07:00 WITA, 08:00 WIT — one calendar day in every Indonesian zone. A rerun the same day tells nothing twice.
 */
export const dailyScanJob = defineJob<{ only?: string[] }>(
  "notify.daily-scan",
  async (data, ctx) => {
    const { runDailyScan } = await import("@/lib/notify/scan");
    // The cron run scans every enrolment; an operator may queue it for named enrolments (`only`).
    const only = Array.isArray(data?.only) ? data.only.filter((id) => typeof id === "string") : undefined;
    return runDailyScan(new Date(), { progress: (done) => ctx.progress(done), only });
  },
  { cron: "0 23 * * *", retryLimit: 2, retryDelay: 600, expireInSeconds: 2 * 60 * 60 },
);
