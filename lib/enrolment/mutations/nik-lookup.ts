import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { officerScope } from "@/lib/enrolment/mutations/shared";

/**
 * Records that an officer looked up a registered participant by NIK from the e-form (UU 27/2022:
 * who saw whose personal data, and when). Nothing is written for an unknown NIK.
 */
export async function recordNikLookup(actor: Actor, nik: string): Promise<void> {
  officerScope(actor);
  const participant = await db().participant.findUnique({ where: { nik }, select: { id: true } });
  if (!participant) return;
  await db().auditEvent.create({
    data: { actorId: actor.id, action: "participant.lookup", entityType: "Participant", entityId: participant.id },
  });
}
