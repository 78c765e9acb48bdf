import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { AppError, fieldError } from "@/lib/action/errors";
import { createPaymentChannelKey, displayPrefixOf, generateChannelKey, generateSigningSecret, hashApiKey } from "@/lib/api";
import { translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/config";
import type { IssueChannelInput } from "@/lib/admin/channels/schema";

/** What the page shows once after issuing or rotating: the key and its signing secret, never shown again. */
export interface ShownChannelKey {
  code: string;
  name: string;
  key: string;
  signingSecret: string;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Issues a channel's key and signing secret (docs/decisions/0016 §2), audited; an auto-debit channel is
 * bound to the lending bank's penyalur (docs/decisions/0025). A code already taken is a field error.
 */
export async function issueChannelKey(actor: Actor, input: IssueChannelInput, locale: Locale): Promise<ShownChannelKey> {
  if (!can(actor, "paymentChannel:manage")) throw new AppError("FORBIDDEN");
  const t = translator(locale);
  let penyalurId: string | null = null;
  if (input.penyalur) {
    const live = await db().penyalur.findUnique({ where: { code: input.penyalur, retiredAt: null }, select: { id: true } });
    if (!live) throw fieldError({ penyalur: [t("adminData.channels.errors.penyalurRequired")] });
    penyalurId = live.id;
  }
  try {
    const created = await createPaymentChannelKey({ code: input.code, name: input.name, kind: input.kind, penyalurId, actorId: actor.id });
    return { code: created.code, name: input.name, key: created.key, signingSecret: created.signingSecret };
  } catch (error) {
    if (isUniqueViolation(error)) throw fieldError({ code: [t("adminData.channels.errors.codeTaken", { code: input.code })] });
    throw error;
  }
}

/**
 * Gives an active channel a new key and a new signing secret, in place: the channel keeps its code (its
 * references' namespace) and its notifications, so a repeat of an earlier reference is still recognised.
 * The old key and secret are refused from this moment (the bank deploys the new pair first). Audited.
 */
export async function rotateChannelKey(actor: Actor, id: string): Promise<ShownChannelKey> {
  if (!can(actor, "paymentChannel:manage")) throw new AppError("FORBIDDEN");
  const key = generateChannelKey();
  const signingSecret = generateSigningSecret();
  const prefix = displayPrefixOf(key);
  return db().$transaction(async (tx) => {
    const old = await tx.paymentChannelKey.findUnique({ where: { id }, select: { id: true, code: true, name: true, prefix: true, revokedAt: true } });
    if (!old) throw new AppError("NOT_FOUND");
    const { count } = await tx.paymentChannelKey.updateMany({ where: { id, revokedAt: null, prefix: old.prefix }, data: { prefix, keyHash: hashApiKey(key), signingSecret } });
    if (count !== 1) throw new AppError("INVALID_STATE", { message: "channelKeyInactive" });
    await tx.auditEvent.create({
      data: { actorId: actor.id, action: "paymentChannel.rotate", entityType: "PaymentChannelKey", entityId: id, before: { prefix: old.prefix }, after: { prefix, secretRotated: true } },
    });
    return { code: old.code, name: old.name, key, signingSecret };
  });
}

/** Revokes a channel at once: its next notification is refused (401). The row stays, with its payments. Audited. */
export async function revokeChannelKey(actor: Actor, id: string, now: Date = new Date()): Promise<void> {
  if (!can(actor, "paymentChannel:manage")) throw new AppError("FORBIDDEN");
  await db().$transaction(async (tx) => {
    const key = await tx.paymentChannelKey.findUnique({ where: { id }, select: { id: true } });
    if (!key) throw new AppError("NOT_FOUND");
    // Conditional, so two concurrent revocations write one audit row between them.
    const { count } = await tx.paymentChannelKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) throw new AppError("INVALID_STATE", { message: "channelKeyInactive" });
    await tx.auditEvent.create({
      data: { actorId: actor.id, action: "paymentChannel.revoke", entityType: "PaymentChannelKey", entityId: id, before: { revokedAt: null }, after: { revokedAt: now.toISOString() } },
    });
  });
}
