import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { AppError, fieldError } from "@/lib/action/errors";
import { createApiKey, displayPrefixOf, generateApiKey, hashApiKey, revokeApiKey, UnknownPenyalurError, type CreatedApiKey } from "@/lib/api";
import { translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/config";
import type { IssueKeyInput, RotateKeyInput } from "@/lib/admin/keys/schema";

/** Issues a key for a penyalur in service; the key is in the answer only (shown once). */
export async function issueApiKey(actor: Actor, input: IssueKeyInput, locale: Locale, now: Date = new Date()): Promise<CreatedApiKey> {
  if (!can(actor, "apiKey:manage")) throw new AppError("FORBIDDEN");
  const unknown = () => fieldError({ penyalur: [translator(locale)("adminData.keys.errors.penyalurRequired")] });
  const live = await db().penyalur.findUnique({ where: { code: input.penyalur, retiredAt: null }, select: { id: true } });
  if (!live) throw unknown();
  try {
    return await createApiKey({ penyalurCode: input.penyalur, name: input.name, actorId: actor.id }, now);
  } catch (error) {
    if (error instanceof UnknownPenyalurError) throw unknown();
    throw error;
  }
}

/** Revokes a key at once: the next request with it is refused (401). */
export async function revokeKey(actor: Actor, id: string, now: Date = new Date()): Promise<void> {
  if (!can(actor, "apiKey:manage")) throw new AppError("FORBIDDEN");
  const key = await db().apiKey.findUnique({ where: { id }, select: { prefix: true } });
  if (!key) throw new AppError("NOT_FOUND");
  if (!(await revokeApiKey(key.prefix, now, actor.id))) throw new AppError("INVALID_STATE", { message: "apiKeyInactive" });
}

/**
 * Rotates a key: a new key for the same penyalur and name, shown once; the old one keeps working
 * for `overlapHours` (its expiresAt), so the bank can deploy the new one without an outage, then is
 * refused. One transaction, one audit row naming both.
 */
export async function rotateKey(actor: Actor, input: RotateKeyInput, now: Date = new Date()): Promise<CreatedApiKey & { expiresAt: string }> {
  if (!can(actor, "apiKey:manage")) throw new AppError("FORBIDDEN");
  const key = generateApiKey();
  const prefix = displayPrefixOf(key);
  const expiresAt = new Date(now.getTime() + input.overlapHours * 3_600_000);
  return db().$transaction(async (tx) => {
    const old = await tx.apiKey.findUnique({
      where: { id: input.id },
      select: { id: true, name: true, penyalurId: true, revokedAt: true, expiresAt: true, replacedById: true, penyalur: { select: { code: true, name: true } } },
    });
    if (!old) throw new AppError("NOT_FOUND");
    if (old.revokedAt || old.replacedById || (old.expiresAt && old.expiresAt <= now)) throw new AppError("INVALID_STATE", { message: "apiKeyInactive" });
    const created = await tx.apiKey.create({ data: { penyalurId: old.penyalurId, name: old.name, prefix, keyHash: hashApiKey(key), createdAt: now }, select: { id: true } });
    const { count } = await tx.apiKey.updateMany({ where: { id: old.id, replacedById: null, revokedAt: null }, data: { replacedById: created.id, expiresAt } });
    if (count !== 1) throw new AppError("CONFLICT");
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: "apikey.rotate",
        entityType: "ApiKey",
        entityId: old.id,
        before: { expiresAt: old.expiresAt?.toISOString() ?? null },
        after: { expiresAt: expiresAt.toISOString(), replacedBy: prefix, overlapHours: input.overlapHours } as Prisma.InputJsonValue,
      },
    });
    return { id: created.id, key, prefix, penyalurCode: old.penyalur.code, penyalurName: old.penyalur.name, name: old.name, expiresAt: expiresAt.toISOString() };
  });
}
