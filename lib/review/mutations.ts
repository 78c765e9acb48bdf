import "server-only";
import { randomBytes } from "node:crypto";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import {
  allocatePayment,
  coverageStatus,
  formatMonthId,
  formatRupiah,
  kpjFromSerial,
  monthOf,
  monthRange,
  payableMonths,
  todayInZone,
} from "@/lib/rules";
import { contributionLineColumns, type LinePricing } from "@/lib/enrolment/lines";
import type { ApproveInput, FieldErrors, PaymentInput, RejectInput, ReturnInput } from "@/lib/review/schema";

/** The enrolment does not exist or lies outside the actor's Kantor Cabang (shown as 404). */
export class ReviewNotFoundError extends Error {}

/** The actor's role may not do this at all (shown as 403). */
export class ReviewNotAllowedError extends Error {}

/** Someone else changed the enrolment first (optimistic concurrency on `version`): nothing written. */
export class ReviewConflictError extends Error {
  constructor(readonly currentStatus: string | null) {
    super("enrolment changed by someone else");
  }
}

/** A problem the reviewer can fix, reported on a form field. */
export class ReviewFieldError extends Error {
  constructor(readonly errors: FieldErrors) {
    super("review field error");
  }
}

/** The request is well-formed but the enrolment's state does not allow it (a plain message). */
export class ReviewStateError extends Error {}

function reviewerBranch(actor: Actor, permission: "enrolment:review" | "payment:record"): string {
  if (!can(actor, permission) || actor.scope.kind !== "KANTOR_CABANG") {
    throw new ReviewNotAllowedError(`${permission} needs a branch reviewer`);
  }
  return actor.scope.kantorCabangId;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const monthDate = (month: string) => new Date(`${month}-01T00:00:00Z`);
const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** ≥ 128 bits from the OS's CSPRNG, URL-safe: unguessable and not enumerable. */
export function newVerificationCode(): string {
  return randomBytes(20).toString("base64url");
}

type Pricing = LinePricing;

/** One contribution line's row for a month, priced by the rules in force for that month. */
function lineFor(enrolmentId: string, e: Pricing, month: string): Prisma.ContributionLineCreateManyInput {
  return { enrolmentId, ...contributionLineColumns(e, month) };
}

type Tx = Prisma.TransactionClient;

/** Writes the lines missing for `months` (existing months are left as they are). */
async function createLines(tx: Tx, enrolmentId: string, e: Pricing, months: readonly string[]): Promise<void> {
  if (months.length === 0) return;
  await tx.contributionLine.createMany({ data: months.map((m) => lineFor(enrolmentId, e, m)), skipDuplicates: true });
}

const REVIEW_SELECT = {
  id: true,
  status: true,
  version: true,
  declaredIncome: true,
  jht: true,
  sector: true,
  fundedByBudget: true,
  kantorCabang: { select: { timeZone: true } },
  contributionLines: { select: { month: true }, orderBy: { month: "asc" }, take: 1 },
} satisfies Prisma.EnrolmentSelect;

async function loadForReview(kantorCabangId: string, enrolmentId: string) {
  const e = await db().enrolment.findFirst({ where: { id: enrolmentId, kantorCabangId }, select: REVIEW_SELECT });
  if (!e) throw new ReviewNotFoundError("enrolment not in this Kantor Cabang");
  return e;
}

/** The guarded state change every decision makes: 0 rows means someone else was first. */
async function transition(
  tx: Tx,
  where: { id: string; version: number; kantorCabangId: string },
  data: Prisma.EnrolmentUncheckedUpdateManyInput,
): Promise<void> {
  const updated = await tx.enrolment.updateMany({
    where: { ...where, status: "SUBMITTED" },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 0) {
    const now = await tx.enrolment.findUnique({ where: { id: where.id }, select: { status: true } });
    throw new ReviewConflictError(now?.status ?? null);
  }
}

export interface ApprovalResult {
  enrolmentId: string;
  kpj: string;
  verificationCode: string;
}

/**
 * Approves a submitted enrolment (contract §1, §3): issues the KPJ from the "KpjSerial" sequence
 * with its check digit, sets the verification code and the first month of cover (the earliest
 * contribution line), writes the lines up to the current month, and logs "enrolment.approve" — all
 * in one transaction, guarded by the version the reviewer saw.
 */
export async function approveEnrolment(actor: Actor, input: ApproveInput, now: Date): Promise<ApprovalResult> {
  const kantorCabangId = reviewerBranch(actor, "enrolment:review");
  return approveLoaded(actor, kantorCabangId, await loadForReview(kantorCabangId, input.enrolmentId), input, now);
}

type ForReview = Prisma.EnrolmentGetPayload<{ select: typeof REVIEW_SELECT }>;

async function approveLoaded(actor: Actor, kantorCabangId: string, e: ForReview, input: ApproveInput, now: Date): Promise<ApprovalResult> {
  if (e.status !== "SUBMITTED" || e.version !== input.version) throw new ReviewConflictError(e.status);

  const today = todayInZone(now, e.kantorCabang.timeZone);
  const currentMonth = monthOf(today);
  const firstLine = e.contributionLines[0];
  const coverStart = firstLine ? isoDay(firstLine.month).slice(0, 7) : currentMonth;

  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ serial: bigint }[]>`select nextval('"KpjSerial"') as serial`;
    const kpj = kpjFromSerial(row!.serial);
    const verificationCode = newVerificationCode();
    await transition(tx, { id: e.id, version: input.version, kantorCabangId }, {
      status: "APPROVED",
      kpj,
      verificationCode,
      reviewedById: actor.id,
      reviewedAt: now,
      approvedAt: now,
      coverStartMonth: monthDate(coverStart),
      returnReason: null,
    });
    await createLines(tx, e.id, e, monthRange(coverStart, currentMonth));
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: "enrolment.approve",
        entityType: "Enrolment",
        entityId: e.id,
        before: { status: "SUBMITTED", version: input.version },
        after: { status: "APPROVED", version: input.version + 1, kpj, coverStartMonth: coverStart },
      },
    });
    return { enrolmentId: e.id, kpj, verificationCode };
  });
}

/** Sends a submitted enrolment back to the officer with a reason they will see (contract §1). */
export async function returnEnrolment(actor: Actor, input: ReturnInput, now: Date): Promise<void> {
  const kantorCabangId = reviewerBranch(actor, "enrolment:review");
  const e = await loadForReview(kantorCabangId, input.enrolmentId);
  if (e.status !== "SUBMITTED" || e.version !== input.version) throw new ReviewConflictError(e.status);
  await db().$transaction(async (tx) => {
    await transition(tx, { id: e.id, version: input.version, kantorCabangId }, {
      status: "RETURNED",
      returnReason: input.reason,
      reviewedById: actor.id,
      reviewedAt: now,
    });
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: "enrolment.return",
        entityType: "Enrolment",
        entityId: e.id,
        before: { status: "SUBMITTED", version: input.version },
        after: { status: "RETURNED", version: input.version + 1, reason: input.reason },
      },
    });
  });
}

/** Rejects a submitted enrolment for good, with a reason code and a note (contract §1). */
export async function rejectEnrolment(actor: Actor, input: RejectInput, now: Date): Promise<void> {
  const kantorCabangId = reviewerBranch(actor, "enrolment:review");
  const e = await loadForReview(kantorCabangId, input.enrolmentId);
  if (e.status !== "SUBMITTED" || e.version !== input.version) throw new ReviewConflictError(e.status);
  await db().$transaction(async (tx) => {
    await transition(tx, { id: e.id, version: input.version, kantorCabangId }, {
      status: "REJECTED",
      rejectReason: input.reason,
      rejectNote: input.note,
      reviewedById: actor.id,
      reviewedAt: now,
    });
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: "enrolment.reject",
        entityType: "Enrolment",
        entityId: e.id,
        before: { status: "SUBMITTED", version: input.version },
        after: { status: "REJECTED", version: input.version + 1, reason: input.reason, note: input.note },
      },
    });
  });
}

export type BulkRowResult =
  | { enrolmentId: string; outcome: "APPROVED"; kpj: string }
  | { enrolmentId: string; outcome: "CHANGED"; currentStatus: string | null }
  | { enrolmentId: string; outcome: "NOT_FOUND" }
  | { enrolmentId: string; outcome: "ERROR"; errorId: string };

/**
 * Approves each selected enrolment on its own (one transaction each), so one that someone else
 * changed meanwhile does not stop the others; the rows are read in one query, not one per row. Returns one result per row, in the order given.
 */
export async function bulkApprove(
  actor: Actor,
  items: readonly ApproveInput[],
  now: Date,
  logError: (error: unknown, enrolmentId: string) => string,
): Promise<BulkRowResult[]> {
  const kantorCabangId = reviewerBranch(actor, "enrolment:review");
  // One read for every ticked row (scoped to the branch), then one transaction per row.
  const loaded = await db().enrolment.findMany({
    where: { id: { in: [...new Set(items.map((i) => i.enrolmentId))] }, kantorCabangId },
    select: REVIEW_SELECT,
  });
  const byId = new Map(loaded.map((e) => [e.id, e]));
  const results: BulkRowResult[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.enrolmentId)) continue;
    seen.add(item.enrolmentId);
    try {
      const e = byId.get(item.enrolmentId);
      if (!e) throw new ReviewNotFoundError("enrolment not in this Kantor Cabang");
      const r = await approveLoaded(actor, kantorCabangId, e, item, now);
      results.push({ enrolmentId: item.enrolmentId, outcome: "APPROVED", kpj: r.kpj });
    } catch (error) {
      if (error instanceof ReviewConflictError) {
        results.push({ enrolmentId: item.enrolmentId, outcome: "CHANGED", currentStatus: error.currentStatus });
      } else if (error instanceof ReviewNotFoundError) {
        results.push({ enrolmentId: item.enrolmentId, outcome: "NOT_FOUND" });
      } else {
        results.push({ enrolmentId: item.enrolmentId, outcome: "ERROR", errorId: logError(error, item.enrolmentId) });
      }
    }
  }
  return results;
}

function isUniqueViolation(error: unknown, target: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  return JSON.stringify(error.meta ?? {}).includes(target);
}

const REFERENCE_TAKEN = "Nomor referensi ini sudah tercatat untuk pembayaran lain. Periksa kembali bukti bayar.";

export interface PaymentResult {
  paymentId: string;
  months: string[];
}

/**
 * Records a contribution payment (RULES.md §3, docs/decisions/0008): it settles whole months,
 * oldest unpaid first and then months ahead; an amount that is not the exact sum of 1, 2, …
 * months is refused with the accepted amounts. The enrolment row is locked for the transaction, so
 * two payments for the same debtor settle one after the other; the reference is unique for ever.
 */
export async function recordPayment(actor: Actor, input: PaymentInput, now: Date): Promise<PaymentResult> {
  const kantorCabangId = reviewerBranch(actor, "payment:record");
  const e = await db().enrolment.findFirst({
    where: { id: input.enrolmentId, kantorCabangId },
    select: {
      id: true,
      status: true,
      submittedAt: true,
      coverStartMonth: true,
      declaredIncome: true,
      jht: true,
      sector: true,
      fundedByBudget: true,
      kantorCabang: { select: { timeZone: true } },
    },
  });
  if (!e) throw new ReviewNotFoundError("enrolment not in this Kantor Cabang");
  if (e.status !== "APPROVED" || !e.coverStartMonth) {
    throw new ReviewStateError("Iuran hanya dapat dicatat untuk pendaftaran yang sudah disetujui (KPJ sudah terbit).");
  }
  const zone = e.kantorCabang.timeZone;
  const today = todayInZone(now, zone);
  if (input.paidOn > today) throw new ReviewFieldError({ paidOn: ["Tanggal bayar tidak boleh setelah hari ini."] });
  const earliest = e.submittedAt ? todayInZone(e.submittedAt, zone) : today;
  if (input.paidOn < earliest) {
    throw new ReviewFieldError({ paidOn: ["Tanggal bayar tidak boleh sebelum pendaftaran diajukan."] });
  }
  const taken = await db().payment.findUnique({ where: { reference: input.reference }, select: { id: true } });
  if (taken) throw new ReviewFieldError({ reference: [REFERENCE_TAKEN] });

  const startMonth = isoDay(e.coverStartMonth).slice(0, 7);
  const currentMonth = monthOf(today);
  try {
    return await db().$transaction(async (tx) => {
      // Serialises payments of one enrolment: the second sees the months the first settled.
      await tx.$queryRaw`select id from "Enrolment" where id = ${e.id}::uuid for update`;
      await createLines(tx, e.id, e, monthRange(startMonth, currentMonth));
      const lines = await tx.contributionLine.findMany({
        where: { enrolmentId: e.id },
        select: { month: true, status: true, total: true },
        orderBy: { month: "asc" },
      });
      const months = lines.map((l) => ({ month: isoDay(l.month).slice(0, 7), status: l.status, total: l.total }));
      const paidMonths = months.filter((l) => l.status === "PAID").map((l) => l.month);
      if (coverageStatus({ startMonth, paidMonths, today: input.paidOn }).status === "ENDED") {
        throw new ReviewStateError(
          "Kepesertaan sudah berhenti (lebih dari 3 bulan berturut-turut tidak dibayar); iuran tidak dapat dicatat. Debitur perlu didaftarkan ulang.",
        );
      }
      const payable = payableMonths({
        unpaidLines: months.filter((l) => l.status === "DUE"),
        lastLineMonth: months.at(-1)?.month ?? null,
        currentMonth,
        price: (month) => lineFor(e.id, e, month).total,
      });
      const allocation = allocatePayment(payable, input.amount);
      if (!allocation.ok) {
        const shown = allocation.validAmounts.slice(0, 6).map((v) => `${formatRupiah(v.amount)} (${v.months} bulan, s.d. ${formatMonthId(v.through)})`);
        throw new ReviewFieldError({
          amount: [
            `Jumlah harus sama dengan iuran sejumlah bulan penuh, dari bulan tertua yang belum dibayar: ${shown.join(", ")}${allocation.validAmounts.length > 6 ? ", …" : ""}.`,
          ],
        });
      }
      const settled = allocation.months.map((m) => m.month);
      const payment = await tx.payment.create({
        data: {
          enrolmentId: e.id,
          amount: input.amount,
          paidOn: dayDate(input.paidOn),
          channel: input.channel,
          reference: input.reference,
          recordedById: actor.id,
        },
        select: { id: true },
      });
      await createLines(tx, e.id, e, settled);
      const updated = await tx.contributionLine.updateMany({
        where: { enrolmentId: e.id, month: { in: settled.map(monthDate) }, status: "DUE" },
        data: { status: "PAID", paidAt: now, paymentId: payment.id },
      });
      if (updated.count !== settled.length) throw new Error(`payment settled ${updated.count} of ${settled.length} months`);
      await tx.auditEvent.create({
        data: {
          actorId: actor.id,
          action: "payment.record",
          entityType: "Enrolment",
          entityId: e.id,
          after: { paymentId: payment.id, amount: input.amount, reference: input.reference, months: settled, channel: input.channel, paidOn: input.paidOn },
        },
      });
      return { paymentId: payment.id, months: settled };
    });
  } catch (error) {
    if (isUniqueViolation(error, "reference")) throw new ReviewFieldError({ reference: [REFERENCE_TAKEN] });
    throw error;
  }
}
