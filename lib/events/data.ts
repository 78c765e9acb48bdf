/** Reading the outbox (docs/decisions/0024-jobs-and-events.md). */
import "server-only";
import { db } from "@/lib/db";
import type { DomainEvent, EventPayload, EventType } from "./types";

interface Row {
  id: string;
  seq: bigint;
  type: string;
  penyalurId: string;
  enrolmentId: string | null;
  payload: unknown;
  occurredAt: Date;
}

function toEvent(r: Row): DomainEvent {
  return { ...r, seq: r.seq.toString(), type: r.type as EventType, payload: r.payload as EventPayload };
}

export async function eventById(id: string): Promise<DomainEvent | null> {
  const r = await db().outboxEvent.findUnique({
    where: { id },
    select: { id: true, seq: true, type: true, penyalurId: true, enrolmentId: true, payload: true, occurredAt: true },
  });
  return r ? toEvent(r) : null;
}

/**
 * One penyalur's events after `afterSeq`, oldest first. Only events whose writing transaction is
 * older than every transaction still running are served: a transaction that took its seq earlier
 * but commits later would otherwise appear behind a cursor a reader has already passed. So a
 * reader that stores the last seq it got never misses an event.
 */
export async function eventsSince(penyalurId: string, afterSeq: bigint, limit: number): Promise<DomainEvent[]> {
  const rows = await db().$queryRaw<Row[]>`
    select id, seq, type, "penyalurId", "enrolmentId", payload, "occurredAt"
    from "OutboxEvent"
    where "penyalurId" = ${penyalurId}::uuid and seq > ${afterSeq}
      and "txId" < pg_snapshot_xmin(pg_current_snapshot())
    order by seq
    limit ${limit}`;
  return rows.map(toEvent);
}
