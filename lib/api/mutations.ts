import "server-only";
import { db, Prisma } from "@/lib/db";
import { displayPrefixOf, generateApiKey, generateChannelKey, generateSigningSecret, hashApiKey } from "@/lib/api/keys";
import type { ApiPrincipal, ChannelPrincipal } from "@/lib/api/data";
import type { PaymentNotification } from "@/lib/api/payment-notification-schema";
import { AmountNotDueError, PAYABLE_ENROLMENT_SELECT, paymentProblem, settlePayment } from "@/lib/review";

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

export interface CreatedChannelKey {
  id: string;
  code: string;
  /** The key and the signing secret: shown once to whoever created them; the key is never stored. */
  key: string;
  signingSecret: string;
}

/** Issues a payment channel's key and signing secret (docs/decisions/0016 §2), audited in the same transaction. */
export async function createPaymentChannelKey(
  input: { code: string; name: string; kind: ChannelPrincipal["kind"]; penyalurId?: string | null; actorId?: string | null },
): Promise<CreatedChannelKey> {
  if (!/^[A-Z0-9-]{2,20}$/.test(input.code)) throw new RangeError("Kode kanal: 2–20 huruf besar, angka atau tanda hubung.");
  // A bound channel is a lending bank's auto-debit (the CHECK on the table says the same).
  if (input.penyalurId && input.kind !== "AUTODEBIT") throw new RangeError("Hanya kanal autodebet yang terikat pada penyalur.");
  const key = generateChannelKey();
  const signingSecret = generateSigningSecret();
  return db().$transaction(async (tx) => {
    const row = await tx.paymentChannelKey.create({
      data: { code: input.code, name: input.name.trim(), kind: input.kind, penyalurId: input.penyalurId ?? null, prefix: displayPrefixOf(key), keyHash: hashApiKey(key), signingSecret },
      select: { id: true, code: true },
    });
    await tx.auditEvent.create({
      data: { actorId: input.actorId ?? null, action: "paymentChannel.create", entityType: "PaymentChannelKey", entityId: row.id, after: { code: row.code, kind: input.kind, penyalurId: input.penyalurId ?? null } },
    });
    return { id: row.id, code: row.code, key, signingSecret };
  });
}

/** The answer to a notification: its status and JSON body (stored when it settled a payment). */
export interface NotificationAnswer {
  status: number;
  body: Record<string, unknown>;
}

export type NotificationOutcome =
  | { kind: "settled" | "repeated"; answer: NotificationAnswer }
  | { kind: "conflict" }
  | { kind: "unknownCode" }
  /** A penyalur-bound (auto-debit) key and a billing code of another penyalur, or none: answered as not found. */
  | { kind: "notFound" }
  /** A penyalur-bound (auto-debit) key and a debtor who did not agree to auto-debit on the e-form. */
  | { kind: "noAutoDebitConsent" }
  | { kind: "problem"; problem: "paymentNotApproved" | "paidOnFuture" | "paidOnBeforeSubmit" }
  | { kind: "amountNotDue"; validAmounts: { months: number; amount: number; through: string }[] };

/**
 * A channel's payment notification (docs/api.md, docs/decisions/0016 §2), in one transaction: an advisory
 * lock on (channel, reference) serialises repeats; a reference already answered returns that answer
 * (same body) or a conflict (another body); otherwise the payment settles through the review's one
 * settlement (`settlePayment`, the reviewer's manual entry's too) and the answer is stored with it.
 * Refusals are not stored: nothing was written, so a repeat is refused the same way.
 */
export async function receivePaymentNotification(
  channel: ChannelPrincipal,
  body: PaymentNotification,
  bodyHash: string,
  now: Date,
): Promise<NotificationOutcome> {
  try {
    return await db().$transaction(async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${`payment-notification:${channel.channelKeyId}:${body.reference}`}, 0))`;
      const seen = await tx.paymentNotification.findUnique({
        where: { channelKeyId_reference: { channelKeyId: channel.channelKeyId, reference: body.reference } },
        select: { bodyHash: true, status: true, response: true },
      });
      if (seen) {
        return seen.bodyHash === bodyHash ? { kind: "repeated", answer: { status: seen.status, body: seen.response as Record<string, unknown> } } : { kind: "conflict" };
      }
      const e = await tx.enrolment.findUnique({ where: { billingCode: body.billingCode }, select: PAYABLE_ENROLMENT_SELECT });
      // A lending bank's auto-debit key sees its own penyalur's enrolments only: another's is as unknown
      // as a code that does not exist (404 both), so the key learns nothing of it (docs/decisions/0025).
      if (channel.penyalurId !== null) {
        if (!e || e.penyalurId !== channel.penyalurId) return { kind: "notFound" };
        if (!e.autoDebitConsent) return { kind: "noAutoDebitConsent" };
      }
      if (!e) return { kind: "unknownCode" };
      const problem = paymentProblem(e, body.paidOn, now);
      if (problem) return { kind: "problem", problem };
      const result = await settlePayment(
        tx,
        e,
        { amount: body.amount, paidOn: body.paidOn, channel: channel.kind, reference: `${channel.code}:${body.reference}` },
        { channelKeyId: channel.channelKeyId },
        now,
      );
      const answer: NotificationAnswer = {
        status: 200,
        body: {
          status: "SETTLED",
          paymentId: result.paymentId,
          billingCode: body.billingCode,
          reference: body.reference,
          amount: body.amount,
          paidOn: body.paidOn,
          months: result.months,
          resumed: result.resumed,
          writtenOff: result.writtenOff,
        },
      };
      await tx.paymentNotification.create({
        data: { channelKeyId: channel.channelKeyId, reference: body.reference, bodyHash, status: answer.status, response: answer.body as Prisma.InputJsonObject, paymentId: result.paymentId },
      });
      return { kind: "settled", answer };
    });
  } catch (error) {
    if (error instanceof AmountNotDueError) return { kind: "amountNotDue", validAmounts: error.validAmounts };
    // "<code>:<reference>" typed by a reviewer by hand first: the reference is taken, as for another body.
    if (isUniqueViolation(error)) return { kind: "conflict" };
    throw error;
  }
}
