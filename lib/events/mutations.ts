/** Writing events into the outbox, inside the change's own transaction (docs/decisions/0024-jobs-and-events.md). */
import "server-only";
import { db, Prisma } from "@/lib/db";
import { enqueue } from "@/lib/jobs";
import { dispatchEventJob } from "./jobs";
import type { NewEvent } from "./types";

/**
 * Records the event and queues its fan-out, both in `tx`: if the change rolls back, neither the
 * event nor its delivery ever existed; if it commits, the fan-out job runs (and is retried) until
 * every subscriber has taken it.
 */
export async function recordEvent(tx: Prisma.TransactionClient, event: NewEvent): Promise<string> {
  const row = await tx.outboxEvent.create({
    data: { type: event.type, penyalurId: event.penyalurId, enrolmentId: event.enrolmentId ?? null, payload: event.payload },
    select: { id: true },
  });
  await enqueue(dispatchEventJob, { eventId: row.id }, { tx });
  return row.id;
}

export async function markDispatched(eventId: string): Promise<void> {
  await db().outboxEvent.updateMany({ where: { id: eventId, dispatchedAt: null }, data: { dispatchedAt: new Date() } });
}
