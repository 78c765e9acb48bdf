import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { maskNik } from "@/lib/auth/permissions";
import { logger } from "@/lib/log";
import { officerScope } from "@/lib/enrolment/mutations/shared";

/** What a lookup found: the audit row says it, so misses (probing) are as visible as hits. */
export type LookupOutcome = "own" | "elsewhere" | "unknown";

/**
 * Lookups per window above which an administrator is alerted (one "security.nikLookupVolume"
 * audit event per subject and window, docs/decisions/0012-nik-lookup-disclosure.md). Far above an
 * officer's day: a busy desk enrols a few dozen debtors; 100 NIKs an hour is a list being walked.
 */
export const LOOKUP_ALERTS = [
  { per: "user", count: 100, minutes: 60 },
  { per: "office", count: 300, minutes: 60 },
] as const;

const LOOKUP_ACTIONS = ["participant.lookup", "participant.nameCheck"];

/**
 * Records that an officer looked up a NIK from the e-form (UU 27/2022: who asked about whose
 * personal data, and when): a hit names the participant; a miss keeps the NIK masked (the number
 * may be a typo of someone else's). Then alerts on unusual volumes.
 */
export async function recordNikLookup(actor: Actor, nik: string, outcome: LookupOutcome, now = new Date()): Promise<void> {
  await recordLookupEvent(actor, "participant.lookup", nik, { outcome }, now);
}

/** Records a name confirmation (the answer to "is this the registered participant's name?"). */
export async function recordNameCheck(actor: Actor, nik: string, matched: boolean | null, now = new Date()): Promise<void> {
  await recordLookupEvent(actor, "participant.nameCheck", nik, { matched }, now);
}

async function recordLookupEvent(actor: Actor, action: string, nik: string, after: Record<string, unknown>, now: Date): Promise<void> {
  const office = officerScope(actor);
  const participant = await db().participant.findUnique({ where: { nik }, select: { id: true } });
  await db().auditEvent.create({
    data: {
      at: now,
      actorId: actor.id,
      action,
      entityType: participant ? "Participant" : "Nik",
      entityId: participant ? participant.id : maskNik(nik),
      after: { ...after, penyalurOfficeId: office.penyalurOfficeId },
    },
  });
  await alertOnVolume(actor, office.penyalurOfficeId, now);
}

async function alertOnVolume(actor: Actor, penyalurOfficeId: string, now: Date): Promise<void> {
  for (const alert of LOOKUP_ALERTS) {
    const since = new Date(now.getTime() - alert.minutes * 60_000);
    const subject = alert.per === "user" ? { entityType: "User", entityId: actor.id } : { entityType: "PenyalurOffice", entityId: penyalurOfficeId };
    const count =
      alert.per === "user"
        ? await db().auditEvent.count({ where: { action: { in: LOOKUP_ACTIONS }, at: { gt: since, lte: now }, actorId: actor.id } })
        : await db().auditEvent.count({
            where: { action: { in: LOOKUP_ACTIONS }, at: { gt: since, lte: now }, after: { path: ["penyalurOfficeId"], equals: penyalurOfficeId } },
          });
    if (count < alert.count) continue;
    // One alert per subject and window: the first lookup past the threshold raises it.
    const already = await db().auditEvent.count({
      where: { action: "security.nikLookupVolume", ...subject, at: { gt: since } },
    });
    if (already) continue;
    await db().auditEvent.create({
      data: {
        at: now,
        actorId: actor.id,
        action: "security.nikLookupVolume",
        ...subject,
        after: { lookups: count, threshold: alert.count, windowMinutes: alert.minutes, per: alert.per },
      },
    });
    logger.warn({ alert: "nikLookupVolume", per: alert.per, subject: subject.entityId, lookups: count }, "unusual NIK lookup volume");
  }
}
