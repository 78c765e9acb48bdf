import "server-only";
import { randomBytes } from "node:crypto";
import { db, Prisma } from "@/lib/db";
import { recordEvent } from "@/lib/events";
import type { Actor } from "@/lib/auth/data";
import { enrolmentWhere } from "@/lib/auth/scope";
import { AppError, fieldError } from "@/lib/action/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { isUuid } from "@/lib/search-params";
import {
  addMonths,
  allocatePayment,
  billingCodeFor,
  firstMonthDueDate,
  formatMonthId,
  formatRupiah,
  kpjFromSerial,
  monthOf,
  monthRange,
  planPayment,
  reliefCredit,
  settledByCredit,
  todayInZone,
  type PayableMonth,
} from "@/lib/rules";
import { contributionLineColumns, type LinePricing } from "@/lib/enrolment/lines";
import { REVERSAL_REASON, type ApproveInput, type PaymentInput, type RejectInput, type ReturnInput, type ValidationKey } from "@/lib/review/schema";
import { checklistValues } from "@/lib/review/checklist";
import { CHECKLIST_SELECT } from "@/lib/review/data/checklist";

/**
 * The review's writes. Expected failures are `AppError`s (lib/action/errors.ts): NOT_FOUND for an
 * enrolment missing or outside the actor's scope, FORBIDDEN for a role that may not do this at all,
 * CONFLICT (with the status now stored) when someone else changed it first, INVALID_STATE when its
 * state does not allow the action, VALIDATION with field errors in the user's language.
 */

/** The scope filter for `permission`, or FORBIDDEN when the role may not do it at all. */
function scopeFor(actor: Actor, permission: "enrolment:review" | "payment:record"): Prisma.EnrolmentWhereInput {
  const where = enrolmentWhere(actor, permission);
  if (!where) throw new AppError("FORBIDDEN", { message: "reviewForbidden" });
  return where;
}

const notFound = () => new AppError("NOT_FOUND", { message: "reviewNotFound" });

/** Someone else changed the enrolment first (optimistic concurrency on `version`): nothing written. */
export function conflict(currentStatus: string | null): AppError {
  return new AppError("CONFLICT", { message: "reviewConflict", params: { status: currentStatus ?? "none" } });
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

export interface RepriceResult {
  /** DUE lines whose price changed (a relief rule deployed after they were written). */
  repriced: string[];
  /** PAID lines newly credited (paid at full price, now relieved). */
  credited: { month: string; credit: number }[];
  /** Relief credit not yet spent, whole rupiah. */
  creditBalance: number;
  /** Months whose whole price the credit covered, settled by it now (docs/decisions/0011 §4). */
  settledByCredit: string[];
}

/** The cover a repricing judges on: its first month, the branch's calendar day, the clock and who acts (none: db:reprice). */
export interface RepriceCover {
  startMonth: string;
  today: string;
  now: Date;
  actorId?: string;
}

/**
 * Brings an approved enrolment's lines up to the relief rules deployed now (docs/regulation.md §3.3,
 * docs/decisions/0011 §3): a DUE line is priced again for its month (its due date kept); a PAID line
 * paid at full price for a month a relief rule now discounts is credited with the difference, once.
 * Then the months the credit pays in full are settled by it (settleByCredit). Returns the unspent credit.
 * Runs inside every payment's transaction and from `npm run db:reprice` (scripts/reprice-contributions.ts)
 * after a deploy; rerunning changes nothing.
 */
export async function repriceLines(tx: Tx, enrolmentId: string, e: Pricing, cover: RepriceCover): Promise<RepriceResult> {
  const lines = await tx.contributionLine.findMany({
    where: { enrolmentId },
    select: { id: true, month: true, status: true, jkkGross: true, jkmGross: true, jht: true, total: true, discount: true, reliefRuleId: true, reliefCredit: true, creditUsed: true },
    orderBy: { month: "asc" },
  });
  const result: RepriceResult = { repriced: [], credited: [], creditBalance: 0, settledByCredit: [] };
  for (const l of lines) {
    let granted = l.reliefCredit;
    const month = isoDay(l.month).slice(0, 7);
    if (l.status === "DUE") {
      const fresh = contributionLineColumns(e, month);
      if (fresh.total !== l.total || fresh.reliefRuleId !== l.reliefRuleId || fresh.discount !== l.discount) {
        // The price changes; the month and its due date (the first month's may be the approval month's end) stay.
        const { tierTableVersion, tierBasis, jkkGross, jkmGross, jhtGross, jkk, jkm, jht, discount, reliefRuleId, total } = fresh;
        await tx.contributionLine.update({
          where: { id: l.id },
          data: { tierTableVersion, tierBasis, jkkGross, jkmGross, jhtGross, jkk, jkm, jht, discount, reliefRuleId, total },
        });
        result.repriced.push(month);
      }
    } else if (l.status === "PAID" && l.reliefCredit === 0) {
      const credit = reliefCredit({ month, jkkGross: l.jkkGross, jkmGross: l.jkmGross, jht: l.jht, total: l.total, reliefRuleId: l.reliefRuleId }, e.sector, e.fundedByBudget);
      if (credit) {
        await tx.contributionLine.update({ where: { id: l.id }, data: { reliefCredit: credit.credit } });
        result.credited.push({ month, credit: credit.credit });
        granted = credit.credit;
      }
    }
    result.creditBalance += (l.status === "PAID" ? granted : 0) - l.creditUsed;
  }
  if (result.creditBalance > 0) {
    const settled = await settleByCredit(tx, enrolmentId, e, result.creditBalance, cover);
    result.settledByCredit = settled.map((m) => m.month);
    result.creditBalance -= settled.reduce((sum, m) => sum + (m.credit ?? 0), 0);
  }
  return result;
}

/**
 * Settles the months whose whole price `credit` covers, oldest payable first (settledByCredit in
 * lib/rules/payments.ts; PP 50/2025 Pasal 4, docs/regulation.md §3.3, docs/decisions/0011 §4): PAID with
 * the credit spent and no payment, so such a month is never overdue with Rp0 to pay and protection runs
 * over it. Nothing when the cover has lapsed on `cover.today` (the iuran lanjutan spends the credit).
 */
async function settleByCredit(tx: Tx, enrolmentId: string, e: Pricing, credit: number, cover: RepriceCover): Promise<PayableMonth[]> {
  const stored = await tx.contributionLine.findMany({
    where: { enrolmentId },
    select: { month: true, status: true, total: true, dueDate: true },
    orderBy: { month: "asc" },
  });
  const lines = stored.map((l) => ({ month: isoDay(l.month).slice(0, 7), status: l.status, total: l.total }));
  const first = stored.find((l) => isoDay(l.month).slice(0, 7) === cover.startMonth);
  const settled = settledByCredit(
    planPayment({
      startMonth: cover.startMonth,
      firstDueDate: first ? isoDay(first.dueDate) : undefined,
      lines,
      paidOn: cover.today,
      currentMonth: monthOf(cover.today),
      price: (month) => lineFor(enrolmentId, e, month).total,
      credit,
    }),
  );
  if (settled.length === 0) return [];
  await createLines(tx, enrolmentId, e, settled.map((m) => m.month));
  let updated = 0;
  for (const [used, months] of groupByCredit(settled)) {
    const r = await tx.contributionLine.updateMany({
      where: { enrolmentId, month: { in: months.map(monthDate) }, status: "DUE" },
      data: { status: "PAID", paidAt: cover.now, creditUsed: used },
    });
    updated += r.count;
  }
  if (updated !== settled.length) throw new Error(`credit settled ${updated} of ${settled.length} months`);
  await tx.auditEvent.create({
    data: {
      actorId: cover.actorId ?? null,
      action: "contribution.settleByCredit",
      entityType: "Enrolment",
      entityId: enrolmentId,
      after: { months: settled.map((m) => m.month), creditUsed: settled.reduce((sum, m) => sum + (m.credit ?? 0), 0) },
    },
  });
  return settled;
}

/**
 * repriceLines for every approved enrolment, one transaction each (enrolment row locked like a payment),
 * in pages of 500 by id. For `npm run db:reprice` after a deploy (docs/decisions/0011 §4).
 */
export async function repriceAllEnrolments(now = new Date()): Promise<{ enrolments: number; repriced: number; credited: number; settledByCredit: number }> {
  const totals = { enrolments: 0, repriced: 0, credited: 0, settledByCredit: 0 };
  let after: string | undefined;
  for (;;) {
    const page = await db().enrolment.findMany({
      where: { status: "APPROVED", ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: 500,
      select: { id: true, declaredIncome: true, jht: true, sector: true, fundedByBudget: true, coverStartMonth: true, kantorCabang: { select: { timeZone: true } } },
    });
    if (page.length === 0) return totals;
    for (const e of page) {
      if (!e.coverStartMonth) continue;
      const cover = { startMonth: isoDay(e.coverStartMonth).slice(0, 7), today: todayInZone(now, e.kantorCabang.timeZone), now };
      const r = await db().$transaction(async (tx) => {
        await tx.$queryRaw`select id from "Enrolment" where id = ${e.id}::uuid for update`;
        return repriceLines(tx, e.id, e, cover);
      });
      totals.enrolments += 1;
      totals.repriced += r.repriced.length;
      totals.credited += r.credited.length;
      totals.settledByCredit += r.settledByCredit.length;
    }
    after = page.at(-1)!.id;
  }
}

const REVIEW_SELECT = {
  id: true,
  status: true,
  version: true,
  declaredIncome: true,
  jht: true,
  sector: true,
  fundedByBudget: true,
  monthsInAdvance: true,
  penyalurId: true,
  kantorCabang: { select: { timeZone: true } },
} satisfies Prisma.EnrolmentSelect;

async function loadForReview(scope: Prisma.EnrolmentWhereInput, enrolmentId: string) {
  if (!isUuid(enrolmentId)) throw notFound();
  const e = await db().enrolment.findFirst({ where: { AND: [{ id: enrolmentId }, scope] }, select: REVIEW_SELECT });
  if (!e) throw notFound();
  return e;
}

/** The guarded state change every decision makes: 0 rows means someone else was first. */
async function transition(
  tx: Tx,
  where: { id: string; version: number; scope: Prisma.EnrolmentWhereInput },
  data: Prisma.EnrolmentUncheckedUpdateManyInput,
): Promise<void> {
  const updated = await tx.enrolment.updateMany({
    where: { AND: [where.scope, { id: where.id, version: where.version, status: "SUBMITTED" }] },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 0) {
    const now = await tx.enrolment.findUnique({ where: { id: where.id }, select: { status: true } });
    throw conflict(now?.status ?? null);
  }
}

export interface ApprovalResult {
  enrolmentId: string;
  kpj: string;
  verificationCode: string;
}

/**
 * Approves a submitted enrolment (docs/decisions/0009-enrolment-lifecycle.md §1, 0011-cover-lifecycle.md §1):
 * issues the KPJ from the "KpjSerial" sequence with its check digit, sets the verification code and
 * the first month of cover — the month of approval, however long ago the form was submitted — and
 * writes the `monthsInAdvance` planned months from it, each priced for its own month (the first one
 * due no earlier than the end of the approval month when approved after its 15th), and logs
 * "enrolment.approve" — all in one transaction, guarded by the version the reviewer saw.
 */
export async function approveEnrolment(actor: Actor, input: ApproveInput, now: Date): Promise<ApprovalResult> {
  const scope = scopeFor(actor, "enrolment:review");
  return approveLoaded(actor, scope, await loadForReview(scope, input.enrolmentId), input, now);
}

type ForReview = Prisma.EnrolmentGetPayload<{ select: typeof REVIEW_SELECT }>;

async function approveLoaded(actor: Actor, scope: Prisma.EnrolmentWhereInput, e: ForReview, input: ApproveInput, now: Date): Promise<ApprovalResult> {
  if (e.status !== "SUBMITTED" || e.version !== input.version) throw conflict(e.status);

  const today = todayInZone(now, e.kantorCabang.timeZone);
  const coverStart = monthOf(today);
  const planned = monthRange(coverStart, addMonths(coverStart, Math.max(1, e.monthsInAdvance) - 1));

  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ serial: bigint }[]>`select nextval('"KpjSerial"') as serial`;
    const kpj = kpjFromSerial(row!.serial);
    const verificationCode = newVerificationCode();
    await transition(tx, { id: e.id, version: input.version, scope }, {
      status: "APPROVED",
      kpj,
      // The billing code channels take (lib/rules/billing.ts), issued with the KPJ and stable from now on.
      billingCode: billingCodeFor(kpj),
      verificationCode,
      reviewedById: actor.id,
      reviewedAt: now,
      approvedAt: now,
      coverStartMonth: monthDate(coverStart),
      returnReason: null,
    });
    // Any line left from before cover started at approval is a plan, not a debt: the plan is written again.
    // One statement each (every line statement runs the dashboard trigger): no delete when there is none.
    if (await tx.contributionLine.findFirst({ where: { enrolmentId: e.id }, select: { id: true } })) {
      await tx.contributionLine.deleteMany({ where: { enrolmentId: e.id, status: "DUE" } });
    }
    const rows = planned.map((m) => lineFor(e.id, e, m));
    rows[0]!.dueDate = dayDate(firstMonthDueDate(coverStart, today));
    await tx.contributionLine.createMany({ data: rows, skipDuplicates: true });
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: "enrolment.approve",
        entityType: "Enrolment",
        entityId: e.id,
        before: { status: "SUBMITTED", version: input.version },
        after: { status: "APPROVED", version: input.version + 1, kpj, coverStartMonth: coverStart, plannedMonths: planned },
      },
    });
    await recordEvent(tx, {
      type: "enrolment.approved",
      penyalurId: e.penyalurId,
      enrolmentId: e.id,
      payload: { status: "APPROVED", kpj, billingCode: billingCodeFor(kpj), verificationCode, coverStartMonth: coverStart, plannedMonths: planned },
    });
    return { enrolmentId: e.id, kpj, verificationCode };
  });
}

/** Sends a submitted enrolment back to the officer with a reason they will see (docs/decisions/0009-enrolment-lifecycle.md §1). */
export async function returnEnrolment(actor: Actor, input: ReturnInput, now: Date): Promise<void> {
  const scope = scopeFor(actor, "enrolment:review");
  const e = await loadForReview(scope, input.enrolmentId);
  if (e.status !== "SUBMITTED" || e.version !== input.version) throw conflict(e.status);
  await db().$transaction(async (tx) => {
    await transition(tx, { id: e.id, version: input.version, scope }, {
      status: "RETURNED",
      returnReason: input.reason,
      reviewedById: actor.id,
      reviewedAt: now,
    });
    // What the reviewer saw, so the resubmission can show what changed beside this reason (issue #13).
    const seen = await tx.enrolment.findUniqueOrThrow({ where: { id: e.id }, select: CHECKLIST_SELECT });
    await tx.enrolmentReturn.create({ data: { enrolmentId: e.id, reviewerId: actor.id, reason: input.reason, returnedAt: now, fields: checklistValues(seen) } });
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
    await recordEvent(tx, { type: "enrolment.returned", penyalurId: e.penyalurId, enrolmentId: e.id, payload: { status: "RETURNED", reason: input.reason } });
  });
}

/** Rejects a submitted enrolment for good, with a reason code and a note (docs/decisions/0009-enrolment-lifecycle.md §1). */
export async function rejectEnrolment(actor: Actor, input: RejectInput, now: Date): Promise<void> {
  const scope = scopeFor(actor, "enrolment:review");
  const e = await loadForReview(scope, input.enrolmentId);
  if (e.status !== "SUBMITTED" || e.version !== input.version) throw conflict(e.status);
  await db().$transaction(async (tx) => {
    await transition(tx, { id: e.id, version: input.version, scope }, {
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
    await recordEvent(tx, {
      type: "enrolment.rejected",
      penyalurId: e.penyalurId,
      enrolmentId: e.id,
      payload: { status: "REJECTED", reason: input.reason, note: input.note ?? null },
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
  const scope = scopeFor(actor, "enrolment:review");
  // One read for every ticked row (scoped to the branch), then one transaction per row.
  const loaded = await db().enrolment.findMany({
    where: { AND: [{ id: { in: [...new Set(items.map((i) => i.enrolmentId))] } }, scope] },
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
      if (!e) throw notFound();
      const r = await approveLoaded(actor, scope, e, item, now);
      results.push({ enrolmentId: item.enrolmentId, outcome: "APPROVED", kpj: r.kpj });
    } catch (error) {
      if (error instanceof AppError && error.code === "CONFLICT") {
        const status = error.options.params?.status;
        results.push({ enrolmentId: item.enrolmentId, outcome: "CHANGED", currentStatus: typeof status === "string" && status !== "none" ? status : null });
      } else if (error instanceof AppError && error.code === "NOT_FOUND") {
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

export interface PaymentResult {
  paymentId: string;
  months: string[];
  /** Months the relief credit paid in full, settled by it before this payment (docs/decisions/0011 §4). */
  creditSettled: string[];
  /** The payment resumed lapsed cover ("iuran lanjutan"); `writtenOff` are the lapse's months. */
  resumed: boolean;
  writtenOff: string[];
  /** The months the next payments settle, with what each costs (for the receipt's "next" line). */
  upcoming: { month: string; total: number }[];
}

/**
 * Records a contribution payment (docs/regulation.md §3.4–§3.6, docs/decisions/0008, 0011): it settles
 * whole months, oldest payable first and then months ahead; an amount that is not the exact sum of 1,
 * 2, … months is refused with the accepted amounts. Before anything is settled the lines are repriced
 * and relief credit is counted (repriceLines) and spent oldest month first. A payment made when the
 * membership had lapsed (more than 3 months since protection ended) is an "iuran lanjutan": the months
 * of the lapse are written off and cover resumes from the month of payment. The enrolment row is
 * locked for the transaction, so two payments for the same debtor settle one after the other; the
 * reference is unique for ever, and a reference used outside the reviewer's scope is refused without
 * saying that, or where, it exists (issue #16).
 */
export async function recordPayment(actor: Actor, input: PaymentInput, now: Date, locale: Locale = DEFAULT_LOCALE): Promise<PaymentResult> {
  const scope = scopeFor(actor, "payment:record");
  const t = translator(locale);
  const say = (key: ValidationKey, values?: Record<string, string | number>) => t(`review.validation.${key}`, values as never);
  const invalid = (field: keyof PaymentInput, message: string) => fieldError({ [field]: [message] });
  if (!isUuid(input.enrolmentId)) throw notFound();
  const e = await db().enrolment.findFirst({ where: { AND: [{ id: input.enrolmentId }, scope] }, select: PAYABLE_ENROLMENT_SELECT });
  if (!e) throw notFound();
  const problem = paymentProblem(e, input.paidOn, now);
  if (problem === "paymentNotApproved") throw new AppError("INVALID_STATE", { message: "paymentNotApproved" });
  if (problem) throw invalid("paidOn", say(problem));
  await refuseTakenReference(scope, input.reference, invalid, say);

  try {
    return await db().$transaction(async (tx) => {
      try {
        return await settlePayment(tx, e, input, { userId: actor.id }, now);
      } catch (error) {
        if (!(error instanceof AmountNotDueError)) throw error;
        // The refusal lists the amounts that would be accepted, so the reviewer can correct the entry.
        const shown = error.validAmounts
          .slice(0, 6)
          .map((v) => say("acceptedAmount", { amount: formatRupiah(v.amount), months: v.months, through: formatMonthId(v.through) }));
        throw invalid("amount", say("amountNotWholeMonths", { amounts: shown.join(", "), more: error.validAmounts.length > 6 ? "yes" : "no" }));
      }
    });
  } catch (error) {
    if (isUniqueViolation(error, "reference")) throw invalid("reference", say("referenceUnusable"));
    throw error;
  }
}

/** What a payment needs of its enrolment (recordPayment and the channels' notifications, lib/api/payment-notifications.ts). */
export const PAYABLE_ENROLMENT_SELECT = {
  id: true,
  status: true,
  submittedAt: true,
  coverStartMonth: true,
  declaredIncome: true,
  jht: true,
  sector: true,
  fundedByBudget: true,
  penyalurId: true,
  /** A lending bank's auto-debit channel may settle only a consenting debtor's months (docs/decisions/0025). */
  autoDebitConsent: true,
  kantorCabang: { select: { timeZone: true } },
} satisfies Prisma.EnrolmentSelect;

export type PayableEnrolment = Prisma.EnrolmentGetPayload<{ select: typeof PAYABLE_ENROLMENT_SELECT }>;

/** Why a payment on `paidOn` cannot be taken for `e` at all (before any amount is looked at), or null. */
export function paymentProblem(e: PayableEnrolment, paidOn: string, now: Date): "paymentNotApproved" | "paidOnFuture" | "paidOnBeforeSubmit" | null {
  if (e.status !== "APPROVED" || !e.coverStartMonth) return "paymentNotApproved";
  const zone = e.kantorCabang.timeZone;
  const today = todayInZone(now, zone);
  if (paidOn > today) return "paidOnFuture";
  const earliest = e.submittedAt ? todayInZone(e.submittedAt, zone) : today;
  if (paidOn < earliest) return "paidOnBeforeSubmit";
  return null;
}

/** The amount is not the sum of whole payable months: nothing may be written; `validAmounts` are the accepted ones. */
export class AmountNotDueError extends Error {
  constructor(readonly validAmounts: { months: number; amount: number; through: string }[]) {
    super("amount is not the sum of whole payable months");
  }
}

/** Who recorded a payment: a reviewer (manual entry) or a payment channel's key (its notification). */
export type PaymentRecorder = { userId: string; channelKeyId?: undefined } | { userId?: undefined; channelKeyId: string };

/**
 * The one settlement every payment goes through, inside the caller's transaction (recordPayment, and the
 * channels' notifications — docs/decisions/0016 §2): locks the enrolment, reprices, plans, allocates the
 * amount (AmountNotDueError when it is not the sum of whole payable months), writes the payment, the
 * lapse's write-offs, the settled months and the audit row. `e` has passed `paymentProblem`.
 */
export async function settlePayment(
  tx: Tx,
  e: PayableEnrolment,
  input: Pick<PaymentInput, "amount" | "paidOn" | "channel" | "reference">,
  by: PaymentRecorder,
  now: Date,
): Promise<PaymentResult> {
  const startMonth = isoDay(e.coverStartMonth!).slice(0, 7);
  const today = todayInZone(now, e.kantorCabang.timeZone);
  const currentMonth = monthOf(today);
  // Serialises payments of one enrolment: the second sees the months the first settled.
  await tx.$queryRaw`select id from "Enrolment" where id = ${e.id}::uuid for update`;
  // Months the credit pays in full are settled here, before the payment's own months are planned.
  const { creditBalance, settledByCredit: creditSettled } = await repriceLines(tx, e.id, e, { startMonth, today, now, actorId: by.userId ?? undefined });
  const stored = await tx.contributionLine.findMany({
    where: { enrolmentId: e.id },
    select: { month: true, status: true, total: true, dueDate: true },
    orderBy: { month: "asc" },
  });
  const lines = stored.map((l) => ({ month: isoDay(l.month).slice(0, 7), status: l.status, total: l.total }));
  const first = stored.find((l) => isoDay(l.month).slice(0, 7) === startMonth);
  const plan = planPayment({
    startMonth,
    firstDueDate: first ? isoDay(first.dueDate) : undefined,
    lines,
    paidOn: input.paidOn,
    currentMonth,
    price: (month) => lineFor(e.id, e, month).total,
    credit: creditBalance,
  });
  const allocation = allocatePayment(plan.payable, input.amount);
  if (!allocation.ok) throw new AmountNotDueError(allocation.validAmounts);
  const settled = allocation.months;
  const payment = await tx.payment.create({
    data: {
      enrolmentId: e.id,
      amount: input.amount,
      paidOn: dayDate(input.paidOn),
      channel: input.channel,
      reference: input.reference,
      recordedById: by.userId ?? null,
      channelKeyId: by.channelKeyId ?? null,
    },
    select: { id: true },
  });
  if (plan.writeOff.length) {
    // The lapse's months become lines marked written off, so the record says why they are not owed.
    await createLines(tx, e.id, e, plan.writeOff);
    await tx.contributionLine.updateMany({
      where: { enrolmentId: e.id, month: { in: plan.writeOff.map(monthDate) }, status: "DUE" },
      data: { status: "WRITTEN_OFF" },
    });
  }
  await createLines(tx, e.id, e, settled.map((m) => m.month));
  let updated = 0;
  for (const [credit, months] of groupByCredit(settled)) {
    const r = await tx.contributionLine.updateMany({
      where: { enrolmentId: e.id, month: { in: months.map(monthDate) }, status: "DUE" },
      data: { status: "PAID", paidAt: now, paymentId: payment.id, creditUsed: credit },
    });
    updated += r.count;
  }
  if (updated !== settled.length) throw new Error(`payment settled ${updated} of ${settled.length} months`);
  await tx.auditEvent.create({
    data: {
      actorId: by.userId ?? null,
      action: "payment.record",
      entityType: "Enrolment",
      entityId: e.id,
      after: {
        paymentId: payment.id,
        amount: input.amount,
        reference: input.reference,
        months: settled.map((m) => m.month),
        channel: input.channel,
        paidOn: input.paidOn,
        ...(by.channelKeyId ? { channelKeyId: by.channelKeyId } : {}),
        ...(plan.resumes ? { resumedFrom: monthOf(input.paidOn), writtenOff: plan.writeOff } : {}),
        ...(settled.some((m) => m.credit) ? { creditUsed: settled.reduce((sum, m) => sum + (m.credit ?? 0), 0) } : {}),
      },
    },
  });
  await recordEvent(tx, {
    type: "payment.settled",
    penyalurId: e.penyalurId,
    enrolmentId: e.id,
    payload: { paymentId: payment.id, amount: input.amount, paidOn: input.paidOn, channel: input.channel, reference: input.reference, months: settled.map((m) => m.month) },
  });
  const upcoming = plan.payable.slice(settled.length, settled.length + 12).map((m) => ({ month: m.month, total: m.total }));
  return { paymentId: payment.id, months: settled.map((m) => m.month), creditSettled, resumed: plan.resumes, writtenOff: plan.writeOff, upcoming };
}

/** Settled months grouped by the credit spent on each (one update per distinct amount). */
function groupByCredit(months: readonly PayableMonth[]): Map<number, string[]> {
  const groups = new Map<number, string[]>();
  for (const m of months) groups.set(m.credit ?? 0, [...(groups.get(m.credit ?? 0) ?? []), m.month]);
  return groups;
}

/**
 * A reference already recorded is refused. Inside the reviewer's scope the message says it is already
 * recorded here (the reviewer can see that payment); outside it, the same neutral message as a race
 * on the unique index, which names neither the branch nor the fact that the reference exists (issue #16).
 */
async function refuseTakenReference(
  scope: Prisma.EnrolmentWhereInput,
  reference: string,
  invalid: (field: keyof PaymentInput, message: string) => AppError,
  say: (key: ValidationKey, values?: Record<string, string | number>) => string,
): Promise<void> {
  const taken = await db().payment.findUnique({ where: { reference }, select: { enrolmentId: true } });
  if (!taken) return;
  const visible = await db().enrolment.count({ where: { AND: [{ id: taken.enrolmentId }, scope] } });
  throw invalid("reference", say(visible ? "referenceTaken" : "referenceUnusable"));
}

/**
 * Reverses a recorded payment (issue #15; docs/decisions/0016 §3): a reviewer with the payment permission,
 * with a reason, audited. Only the enrolment's latest payment still standing may be reversed (a later one
 * may have been allocated on top of it: reverse that first), so the reversal is exactly the settlement
 * undone: its months return to DUE (credit spent on them given back), the months its resumption wrote off
 * return to DUE, and cover and the disbursement clearance — computed from the lines — turn back with them.
 * The payment row and its reference stay (one payment per reference, ever), marked reversed.
 */
export async function reversePayment(
  actor: Actor,
  input: { paymentId: string; reason: string },
  now: Date,
  locale: Locale = DEFAULT_LOCALE,
): Promise<{ enrolmentId: string; months: string[] }> {
  const scope = scopeFor(actor, "payment:record");
  if (!isUuid(input.paymentId)) throw notFound();
  const reason = input.reason.trim();
  // The action's schema says this first; the mutation keeps the rule for any other caller.
  if (reason.length < REVERSAL_REASON.min || reason.length > REVERSAL_REASON.max) {
    throw fieldError({ reason: [translator(locale)("review.validation.reversalReasonShort", { min: REVERSAL_REASON.min })] });
  }
  const payment = await db().payment.findFirst({ where: { id: input.paymentId, enrolment: scope }, select: { id: true, enrolmentId: true, enrolment: { select: { penyalurId: true } } } });
  if (!payment) throw notFound();
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`select id from "Enrolment" where id = ${payment.enrolmentId}::uuid for update`;
    const latest = await tx.payment.findFirst({ where: { enrolmentId: payment.enrolmentId, reversedAt: null }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    if (latest?.id !== payment.id) throw new AppError("INVALID_STATE", { message: "paymentNotLatest" });
    const lines = await tx.contributionLine.findMany({ where: { paymentId: payment.id }, select: { month: true }, orderBy: { month: "asc" } });
    const recorded = await tx.auditEvent.findFirst({
      where: { entityId: payment.enrolmentId, action: "payment.record", after: { path: ["paymentId"], equals: payment.id } },
      select: { after: true },
    });
    const writtenOff = ((recorded?.after as { writtenOff?: string[] } | null)?.writtenOff ?? []).map(monthDate);
    await tx.contributionLine.updateMany({ where: { paymentId: payment.id }, data: { status: "DUE", paidAt: null, paymentId: null, creditUsed: 0 } });
    if (writtenOff.length) {
      await tx.contributionLine.updateMany({ where: { enrolmentId: payment.enrolmentId, month: { in: writtenOff }, status: "WRITTEN_OFF" }, data: { status: "DUE" } });
    }
    await tx.payment.update({ where: { id: payment.id }, data: { reversedAt: now, reversedById: actor.id, reversalReason: reason } });
    const months = lines.map((l) => isoDay(l.month).slice(0, 7));
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: "payment.reverse",
        entityType: "Enrolment",
        entityId: payment.enrolmentId,
        before: { paymentId: payment.id, months },
        after: { paymentId: payment.id, reason, reopened: months, ...(writtenOff.length ? { unwrittenOff: writtenOff.map((d) => isoDay(d).slice(0, 7)) } : {}) },
      },
    });
    await recordEvent(tx, {
      type: "payment.reversed",
      penyalurId: payment.enrolment.penyalurId,
      enrolmentId: payment.enrolmentId,
      payload: { paymentId: payment.id, reason, reopened: months },
    });
    return { enrolmentId: payment.enrolmentId, months };
  });
}

/**
 * The reviewer opened an enrolment's page: identity, address, heir and the documents were shown. A
 * read of personal data, on record like a change (UU 27/2022 Pasal 31; docs/decisions/0017).
 */
export async function recordReviewRead(actor: Actor, enrolmentId: string): Promise<void> {
  await db().auditEvent.create({ data: { actorId: actor.id, actorRole: actor.role, action: "enrolment.reviewRead", entityType: "Enrolment", entityId: enrolmentId } });
}
