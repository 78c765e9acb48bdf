import "server-only";
import { isUuid } from "@/lib/search-params";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { enrolmentWhere } from "@/lib/auth/scope";
import type { RejectReason } from "@/lib/review/schema";

export interface HistoryEntry {
  id: string;
  at: string;
  action: string;
  actorName: string | null;
  /** The reason or note written with a return or rejection, or a payment's summary. */
  reason: string | null;
  rejectReason: RejectReason | null;
  /** `writtenOff`: the payment resumed lapsed cover ("iuran lanjutan") and these months are not billed. */
  payment: { amount: number; reference: string; months: string[]; writtenOff: string[] } | null;
}

/** Actions written before these names (docs/decisions/0009-enrolment-lifecycle.md §2) read as their new names. */
const LEGACY_ACTIONS: Record<string, string> = { ENROLMENT_SUBMITTED: "enrolment.submit" };

function jsonObject(value: Prisma.JsonValue | null): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The AuditEvents of an enrolment the caller has already found in the actor's scope, oldest first.
 * Not exported from the barrel: every public reader checks the scope before calling it.
 */
export async function historyOf(enrolmentId: string): Promise<HistoryEntry[]> {
  const events = await db().auditEvent.findMany({
    where: { entityType: "Enrolment", entityId: enrolmentId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, at: true, action: true, after: true, actor: { select: { name: true } } },
  });
  return events.map((ev) => {
    const after = jsonObject(ev.after);
    const action = LEGACY_ACTIONS[ev.action] ?? ev.action;
    const str = (v: unknown) => (typeof v === "string" && v ? v : null);
    return {
      id: String(ev.id),
      at: ev.at.toISOString(),
      action,
      actorName: ev.actor?.name ?? null,
      reason: action === "enrolment.reject" ? str(after.note) : str(after.reason),
      rejectReason: action === "enrolment.reject" ? (str(after.reason) as RejectReason | null) : null,
      payment:
        action === "payment.record" && typeof after.amount === "number"
          ? {
              amount: after.amount,
              reference: String(after.reference ?? ""),
              months: Array.isArray(after.months) ? after.months.map(String) : [],
              writtenOff: Array.isArray(after.writtenOff) ? after.writtenOff.map(String) : [],
            }
          : null,
    };
  });
}

/**
 * The status history of an enrolment, read from its AuditEvents (docs/decisions/0009-enrolment-lifecycle.md §2), oldest first; only
 * when the actor's scope covers the enrolment (null otherwise). Pages get it inside their record's
 * DTO (reviewDetail, enrolmentRecord); this stand-alone reader is for callers without one.
 */
export async function enrolmentHistory(actor: Actor, enrolmentId: string): Promise<HistoryEntry[] | null> {
  const scopeWhere = enrolmentWhere(actor);
  if (!scopeWhere || !isUuid(enrolmentId)) return null;
  // The scope check and the events in parallel (one round trip of latency); events are dropped unless visible.
  const [visible, events] = await Promise.all([
    db().enrolment.count({ where: { AND: [{ id: enrolmentId }, scopeWhere] } }),
    historyOf(enrolmentId),
  ]);
  return visible ? events : null;
}
