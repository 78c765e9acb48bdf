import "server-only";
import { createHash } from "node:crypto";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/action/errors";
import { receivePaymentNotification, type ChannelPrincipal } from "@/lib/api";
import {
  countByKind,
  parseSettlementFile,
  reconcileSettlement,
  fileDays,
  type InvalidRow,
  type PortalPayment,
  type ReconcileItem,
  type ReconcileKind,
} from "@/lib/payments/settlement";

/** Why the import could not settle a row the portal lacked (the notification's own refusals). */
export type SettleRefusal = "unknownCode" | "paymentNotApproved" | "paidOnFuture" | "paidOnBeforeSubmit" | "amountNotDue" | "conflict" | "notFound" | "noAutoDebitConsent";

export interface SettlementItemResult extends ReconcileItem {
  /** For a SETTLE item: what the settlement did. */
  outcome?: { settled: true; months: string[]; paymentId: string } | { settled: false; refusal: SettleRefusal };
}

/** What a finished import stores (SettlementImport.result, and the job run's result). */
export type SettlementResult =
  | { ok: false; problem: "empty" | "tooLarge" | "tooManyRows" | "columnsMissing"; missing?: string[] }
  | {
      ok: true;
      counts: Record<ReconcileKind, number>;
      invalid: InvalidRow[];
      settled: number;
      refused: number;
      days: { from: string; to: string } | null;
      /** Every item but the matched ones (those are counted only), in the file's order. */
      items: SettlementItemResult[];
    };

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * Stores an uploaded settlement file for a channel (head office, `settlement:import`); the same bytes for
 * the same channel are the same import (`existing: true`, nothing stored again). The caller starts the
 * import job with the id.
 */
export async function storeSettlementFile(
  actor: Actor,
  input: { channelKeyId: string; fileName: string; content: string },
): Promise<{ importId: string; existing: boolean }> {
  if (!can(actor, "settlement:import")) throw new AppError("FORBIDDEN");
  const channel = await db().paymentChannelKey.findUnique({ where: { id: input.channelKeyId }, select: { id: true } });
  if (!channel) throw new AppError("NOT_FOUND");
  const fileSha256 = sha256(input.content);
  const seen = await db().settlementImport.findUnique({ where: { channelKeyId_fileSha256: { channelKeyId: channel.id, fileSha256 } }, select: { id: true } });
  if (seen) return { importId: seen.id, existing: true };
  try {
    return await db().$transaction(async (tx) => {
      const row = await tx.settlementImport.create({
        data: { channelKeyId: channel.id, fileName: input.fileName.slice(0, 200), fileSha256, content: input.content, uploadedById: actor.id },
        select: { id: true },
      });
      await tx.auditEvent.create({
        data: { actorId: actor.id, action: "settlement.upload", entityType: "SettlementImport", entityId: row.id, after: { channelKeyId: channel.id, fileName: input.fileName, fileSha256 } },
      });
      return { importId: row.id, existing: false };
    });
  } catch (error) {
    // Two uploads of the same file at once: the other one stored it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const row = await db().settlementImport.findUniqueOrThrow({ where: { channelKeyId_fileSha256: { channelKeyId: channel.id, fileSha256 } }, select: { id: true } });
      return { importId: row.id, existing: true };
    }
    throw error;
  }
}

/** The channel's payments the file could speak of: its references, and every payment on the file's days. */
async function portalPayments(channel: ChannelPrincipal, references: string[], days: { from: string; to: string } | null): Promise<PortalPayment[]> {
  const prefix = `${channel.code}:`;
  const or: Prisma.PaymentWhereInput[] = [{ reference: { in: references.map((r) => prefix + r) } }];
  if (days) or.push({ paidOn: { gte: new Date(`${days.from}T00:00:00Z`), lte: new Date(`${days.to}T00:00:00Z`) } });
  const rows = await db().payment.findMany({
    where: { channelKeyId: channel.channelKeyId, OR: or },
    select: { id: true, enrolmentId: true, reference: true, amount: true, paidOn: true, reversedAt: true, enrolment: { select: { billingCode: true } } },
  });
  return rows.map((p) => ({
    paymentId: p.id,
    enrolmentId: p.enrolmentId,
    reference: p.reference.startsWith(prefix) ? p.reference.slice(prefix.length) : p.reference,
    billingCode: p.enrolment.billingCode ?? "",
    amount: p.amount,
    paidOn: p.paidOn.toISOString().slice(0, 10),
    reversed: p.reversedAt !== null,
  }));
}

/**
 * The import job's work (docs/decisions/0021 §1): parse the stored file, reconcile it against the
 * channel's payments, settle each row the portal never recorded through the channel notification's own
 * idempotent path (its reference is then taken for that channel: a second import, a concurrent one or
 * the channel's own late notification cannot settle it again), and store the result. `progress` is
 * told after each settled row. Running it again for the same import changes nothing new.
 */
export async function runSettlementImport(importId: string, now: Date, progress: (done: number, total: number) => Promise<void> | void = () => {}): Promise<SettlementResult> {
  const row = await db().settlementImport.findUniqueOrThrow({
    where: { id: importId },
    select: { content: true, channelKey: { select: { id: true, code: true, kind: true, signingSecret: true, penyalurId: true } } },
  });
  const channel: ChannelPrincipal = { channelKeyId: row.channelKey.id, code: row.channelKey.code, kind: row.channelKey.kind, signingSecret: row.channelKey.signingSecret, penyalurId: row.channelKey.penyalurId };
  const parsed = parseSettlementFile(row.content);
  let result: SettlementResult;
  if (!parsed.ok) {
    result = { ok: false, problem: parsed.problem, ...(parsed.missing ? { missing: parsed.missing } : {}) };
  } else {
    const days = fileDays(parsed.rows);
    const items: SettlementItemResult[] = reconcileSettlement(parsed.rows, await portalPayments(channel, parsed.rows.map((r) => r.reference), days));
    const toSettle = items.filter((i) => i.action === "SETTLE");
    let done = 0;
    let settled = 0;
    for (const item of toSettle) {
      const body = { billingCode: item.file!.billingCode, amount: item.file!.amount, paidOn: item.file!.paidOn, reference: item.reference };
      const outcome = await receivePaymentNotification(channel, body, sha256(`settlement-file:${JSON.stringify(body)}`), now);
      if (outcome.kind === "settled" || outcome.kind === "repeated") {
        const answer = outcome.answer.body as { paymentId: string; months: string[] };
        item.outcome = { settled: true, months: answer.months, paymentId: answer.paymentId };
        settled += 1;
      } else {
        item.outcome = { settled: false, refusal: outcome.kind === "problem" ? outcome.problem : outcome.kind };
      }
      await progress(++done, toSettle.length);
    }
    result = {
      ok: true,
      counts: countByKind(items),
      invalid: parsed.invalid,
      settled,
      refused: toSettle.length - settled,
      days,
      items: items.filter((i) => i.kind !== "MATCHED"),
    };
  }
  await db().$transaction(async (tx) => {
    await tx.settlementImport.update({ where: { id: importId }, data: { finishedAt: now, result: result as unknown as Prisma.InputJsonObject } });
    await tx.auditEvent.create({
      data: {
        actorId: null,
        action: "settlement.reconcile",
        entityType: "SettlementImport",
        entityId: importId,
        after: result.ok ? { counts: result.counts, settled: result.settled, refused: result.refused, invalid: result.invalid.length } : { problem: result.problem },
      },
    });
  });
  return result;
}
