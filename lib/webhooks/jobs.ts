/**
 * The delivery job: one per webhook delivery, retried by pg-boss with exponential backoff
 * (RETRY_DELAY_SECONDS doubling, at most an hour) until MAX_ATTEMPTS, after which the delivery is
 * marked FAILED and waits for an administrator's re-send. The handler is loaded on first run so that
 * defining the job does not load the delivery code into everything that queues it.
 */
import { defineJob, RetryLater } from "@/lib/jobs";
import { MAX_ATTEMPTS, RETRY_DELAY_SECONDS } from "@/lib/webhooks/schema";

export const deliverWebhookJob = defineJob<{ deliveryId: string }>(
  "webhooks.deliver",
  async ({ deliveryId }) => {
    const outcome = await (await import("@/lib/webhooks/mutations")).attemptDelivery(deliveryId, new Date());
    // A failed attempt fails the job, so that pg-boss schedules the next one with its backoff.
    if (outcome === "retry") throw new RetryLater(`webhook delivery ${deliveryId}: the receiver did not accept it; retrying`);
    return { outcome };
  },
  { retryLimit: MAX_ATTEMPTS - 1, retryDelay: RETRY_DELAY_SECONDS, retryBackoff: true, expireInSeconds: 60, concurrency: 4 },
);
