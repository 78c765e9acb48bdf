import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";

/** The database client or an open transaction: the reads below are also used inside submit's transaction. */
export type Client = ReturnType<typeof db> | Prisma.TransactionClient;

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const isoDayOrNull = (d: Date | null) => (d ? isoDay(d) : null);

/**
 * Names of the other penyalur at which this participant has an active enrolment (SUBMITTED or
 * APPROVED): the "no KUR at another penyalur" warning. Only the name leaves: no other bank's
 * office, loan or amounts.
 */
export async function otherPenyalurActiveNames(client: Client, participantId: string, penyalurId: string): Promise<string[]> {
  const rows = await client.enrolment.findMany({
    where: { participantId, penyalurId: { not: penyalurId }, status: { in: ["SUBMITTED", "APPROVED"] } },
    select: { penyalur: { select: { name: true } } },
    distinct: ["penyalurId"],
    take: 10,
  });
  return rows.map((r) => r.penyalur.name).sort();
}

/**
 * The warning as `actor` may see it: BPJS staff see the other penyalur's names; a bank's own staff
 * see none, since which other banks lend to a person is theirs, not ours, to tell
 * (docs/decisions/0012-nik-lookup-disclosure.md).
 */
export async function otherPenyalurActiveFor(actor: Actor, participantId: string, penyalurId: string): Promise<string[]> {
  if (actor.scope.kind === "PENYALUR_OFFICE") return [];
  return otherPenyalurActiveNames(db(), participantId, penyalurId);
}
