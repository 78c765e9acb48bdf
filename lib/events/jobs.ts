/**
 * The fan-out job: one per event, queued in the event's transaction (lib/events/mutations.ts).
 * The handler is loaded on first run, so that defining the job does not pull every subscriber
 * (and their features) into each module that records an event.
 */
import { defineJob } from "@/lib/jobs";

export const dispatchEventJob = defineJob<{ eventId: string }>(
  "events.dispatch",
  async ({ eventId }) => (await import("./dispatch")).dispatchEvent(eventId),
  { retryLimit: 8, retryDelay: 10, retryBackoff: true, retryDelayMax: 3600 },
);
