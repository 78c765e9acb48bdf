import "server-only";
import { eventById } from "./data";
import { markDispatched } from "./mutations";
import { EVENT_SUBSCRIBERS } from "./subscribers";

/** Hands the event to every subscriber; a throw fails the job, and pg-boss retries it with backoff. */
export async function dispatchEvent(eventId: string): Promise<{ subscribers: number } | { missing: true }> {
  const event = await eventById(eventId);
  if (!event) return { missing: true };
  for (const subscriber of EVENT_SUBSCRIBERS) await subscriber.handle(event);
  await markDispatched(eventId);
  return { subscribers: EVENT_SUBSCRIBERS.length };
}
