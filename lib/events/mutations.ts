/** Writing events into the outbox, inside the change's own transaction (docs/decisions/0024-jobs-and-events.md). */
import "server-only";
import { db, Prisma } from "@/lib/db";
import { randomUUID } from "node:crypto";
import { enqueue, enqueueMany } from "@/lib/jobs";
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

/**
 * Many events in one statement, and their fan-outs in one more, all in `tx` (a bulk commit's batch
 * records one event per created enrolment without a round trip each). The same guarantee as
 * `recordEvent`: rolled back, none of them or their deliveries ever existed. Returns the ids in order.
 */
export async function recordEvents(tx: Prisma.TransactionClient, events: readonly NewEvent[]): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({ id: randomUUID(), type: e.type, penyalurId: e.penyalurId, enrolmentId: e.enrolmentId ?? null, payload: e.payload }));
  // seq, txId and occurredAt take their defaults, as a single recordEvent's row does.
  await tx.$executeRaw`
    INSERT INTO "OutboxEvent" (id, type, "penyalurId", "enrolmentId", payload)
    SELECT x.id, x.type, x."penyalurId", x."enrolmentId", x.payload
    FROM ROWS FROM (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS (id uuid, type text, "penyalurId" uuid, "enrolmentId" uuid, payload jsonb))
      WITH ORDINALITY AS x(id, type, "penyalurId", "enrolmentId", payload, ord)
    ORDER BY x.ord`;
  await enqueueMany(dispatchEventJob, rows.map((r) => ({ eventId: r.id })), { tx });
  return rows.map((r) => r.id);
}

export async function markDispatched(eventId: string): Promise<void> {
  await db().outboxEvent.updateMany({ where: { id: eventId, dispatchedAt: null }, data: { dispatchedAt: new Date() } });
}
