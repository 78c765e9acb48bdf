import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { idempotencyClaim, integrationEmail, officeReader, type ApiOffice } from "@/lib/api/enrolments/data";

/**
 * The office's integration user: the officer of record (Enrolment.officerId, AuditEvent.actorId) of
 * what a bank's system enrols through the API (docs/decisions/0019 §1). One per penyalur office,
 * created on first use; it is inactive and has no password, so nobody can sign in as it.
 */
export async function integrationOfficer(office: ApiOffice): Promise<Actor> {
  const email = integrationEmail(office);
  const user = await db().user.upsert({
    where: { email },
    update: {},
    create: { email, name: `Integrasi H2H ${office.penyalurCode} — ${office.name}`, role: "BANK_OFFICER", active: false, penyalurOfficeId: office.id },
    select: { id: true, name: true },
  });
  return { ...officeReader(office, user.id), name: user.name };
}

/**
 * The submission key an Idempotency-Key stands for: a UUID derived from the penyalur and the key, so
 * every retry (and every concurrent copy) of one request writes under the same Enrolment.submissionKey
 * and the submit's own unique constraint makes it one enrolment.
 */
export function submissionKeyFor(penyalurId: string, key: string): string {
  const h = createHash("sha256").update(`h2h:${penyalurId}:${key}`, "utf8").digest("hex");
  // RFC 9562 version 8 (custom) layout, variant 10.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Claims an Idempotency-Key for a request body (its sha256): the first request fixes the body, a
 * concurrent or later one reads what the first wrote. ON CONFLICT DO NOTHING, so 16 copies arriving
 * at once neither fail nor overwrite each other.
 */
export async function claimIdempotencyKey(penyalurId: string, key: string, requestHash: string): Promise<{ sameBody: boolean }> {
  const submissionKey = submissionKeyFor(penyalurId, key);
  await db().apiIdempotencyKey.createMany({ data: [{ penyalurId, key, requestHash, submissionKey }], skipDuplicates: true });
  const claim = await idempotencyClaim(penyalurId, key);
  return { sameBody: claim?.requestHash === requestHash };
}
