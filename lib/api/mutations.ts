import "server-only";
import { db, Prisma } from "@/lib/db";
import { displayPrefixOf, generateApiKey, hashApiKey } from "@/lib/api/keys";
import type { ApiPrincipal } from "@/lib/api/data";

/** lastUsedAt is refreshed at most this often per key, so a busy integration costs no writes. */
export const LAST_USED_GRANULARITY_MS = 60 * 60 * 1000;

/**
 * Notes that a key was used. Quoting is otherwise read-only; this writes only when the stored time is
 * missing or older than LAST_USED_GRANULARITY_MS (known from the lookup, so most requests issue no
 * query at all), and the WHERE clause makes concurrent requests update the row once.
 */
export async function recordApiKeyUse(principal: ApiPrincipal, now: Date): Promise<void> {
  const threshold = new Date(now.getTime() - LAST_USED_GRANULARITY_MS);
  if (principal.lastUsedAt && principal.lastUsedAt > threshold) return;
  await db().apiKey.updateMany({
    where: { id: principal.apiKeyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: threshold } }] },
    data: { lastUsedAt: now },
  });
}

export class UnknownPenyalurError extends Error {
  constructor(readonly penyalurCode: string) {
    super(`Penyalur dengan kode ${penyalurCode} tidak ditemukan.`);
  }
}

export interface CreatedApiKey {
  id: string;
  /** The key itself: shown once to whoever created it, never stored. */
  key: string;
  prefix: string;
  penyalurCode: string;
  penyalurName: string;
  name: string;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Issues a key for a penyalur (by its code, e.g. "BRI"), with an audit row in the same transaction.
 * `actorId` is the administrator's user id, or null when issued from the command line.
 */
export async function createApiKey(
  input: { penyalurCode: string; name: string; actorId?: string | null },
  now: Date = new Date(),
): Promise<CreatedApiKey> {
  const name = input.name.trim();
  if (name === "" || name.length > 100) throw new RangeError("Nama kunci API harus 1–100 karakter.");
  const penyalur = await db().penyalur.findUnique({
    where: { code: input.penyalurCode },
    select: { id: true, code: true, name: true },
  });
  if (!penyalur) throw new UnknownPenyalurError(input.penyalurCode);

  // The display prefix carries 54 random bits; a collision is astronomically unlikely but would
  // only cost a retry, never a shared prefix.
  for (let attempt = 1; ; attempt++) {
    const key = generateApiKey();
    const prefix = displayPrefixOf(key);
    try {
      const row = await db().$transaction(async (tx) => {
        const created = await tx.apiKey.create({
          data: { penyalurId: penyalur.id, name, prefix, keyHash: hashApiKey(key), createdAt: now },
          select: { id: true },
        });
        await tx.auditEvent.create({
          data: {
            actorId: input.actorId ?? null,
            action: "API_KEY_CREATED",
            entityType: "ApiKey",
            entityId: created.id,
            after: { penyalurCode: penyalur.code, name, prefix },
          },
        });
        return created;
      });
      return { id: row.id, key, prefix, penyalurCode: penyalur.code, penyalurName: penyalur.name, name };
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/**
 * Revokes a key by its display prefix; the next request with it gets 401. Returns false when no
 * active key has that prefix. The row stays (with revokedAt) for the audit trail.
 */
export async function revokeApiKey(
  prefix: string,
  now: Date = new Date(),
  actorId: string | null = null,
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { prefix }, select: { id: true } });
    if (!key) return false;
    // Conditional, so two concurrent revocations write one audit row between them.
    const { count } = await tx.apiKey.updateMany({ where: { id: key.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) return false;
    await tx.auditEvent.create({
      data: {
        actorId,
        action: "API_KEY_REVOKED",
        entityType: "ApiKey",
        entityId: key.id,
        before: { revokedAt: null },
        after: { revokedAt: now.toISOString() },
      },
    });
    return true;
  });
}
