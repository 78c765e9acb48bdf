import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { db } from "@/lib/db";
import { AppError } from "@/lib/action/errors";
import { enrolmentForActor } from "@/lib/enrolment/data";
import { contributionForMonth, disbursementClearance } from "@/lib/rules";
import { arrearsList, certificateFor, reviewDetail, verificationByCode } from "@/lib/review/data";
import { certificatePdf } from "@/lib/review/certificate";
import {
  approveEnrolment,
  recordPayment,
  repriceAllEnrolments,
} from "@/lib/review/mutations";
import { demoActors, type DemoActors } from "../support/db";
import { auditCount, submittedEnrolment } from "../support/review";
import { pdfText } from "../unit/review/pdf-text";

let actors: DemoActors;
let seq = 0;
const ref = () => `IT-${Date.now().toString(36)}-${++seq}`.toUpperCase();
const price = (month: string) => contributionForMonth({ declaredIncome: 1_000_000, jht: false, sector: "OTHER", month }).total;
/** 10:00 WIB on a calendar day. */
const at = (day: string) => new Date(`${day}T03:00:00Z`);

beforeAll(async () => {
  actors = await demoActors();
});

afterAll(async () => {
  await db().$disconnect();
});

async function approved(submittedOn: string, approvedOn = submittedOn) {
  const e = await submittedEnrolment(actors.officerBri, { submittedAt: at(submittedOn) });
  const result = await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, at(approvedOn));
  return { ...e, ...result };
}

async function coverageOn(id: string, day: string) {
  const d = await reviewDetail(actors.reviewerBandung, id, at(day));
  return { status: d!.coverage!.status, protectedUntil: d!.coverage!.protectedUntil, unpaid: d!.coverage!.unpaidMonths };
}

describe("cover follows the money (docs/regulation.md §3.6; manual 908 item 12: arrears payable 3 months from the date protection ended, then membership ends; BPU FAQ: an 'iuran lanjutan' resumes it)", () => {
  it("payments and missed months: not protected → ACTIVE → not protected → ARREARS → ACTIVE → ARREARS → LAPSED → resumed by a payment", async () => {
    const e = await approved("2026-01-12");
    // Nothing paid, January's due date (15 Jan) not passed: not protected, nothing overdue.
    expect(await coverageOn(e.id, "2026-01-13")).toEqual({ status: "AWAITING_PAYMENT", protectedUntil: null, unpaid: [] });

    await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: price("2026-01"), paidOn: "2026-01-13", channel: "VIRTUAL_ACCOUNT", reference: ref() }, at("2026-01-13"));
    expect(await coverageOn(e.id, "2026-01-20")).toEqual({ status: "ACTIVE", protectedUntil: "2026-01-31", unpaid: [] });

    // No silent grace: from 1 February January's payment no longer protects. February is due on the
    // next working day after Sunday 15 Feb, Monday 16 (cuti bersama) and Tuesday 17 (Imlek): 18 Feb.
    expect(await coverageOn(e.id, "2026-02-18")).toMatchObject({ status: "AWAITING_PAYMENT", protectedUntil: "2026-01-31", unpaid: [] });
    expect(await coverageOn(e.id, "2026-02-19")).toEqual({ status: "ARREARS", protectedUntil: "2026-01-31", unpaid: ["2026-02"] });

    // February and March at once: the arrear first, then a month ahead.
    await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: price("2026-02") + price("2026-03"), paidOn: "2026-02-20", channel: "BANK_TELLER", reference: ref() }, at("2026-02-20"));
    expect(await coverageOn(e.id, "2026-03-10")).toEqual({ status: "ACTIVE", protectedUntil: "2026-03-31", unpaid: [] });

    // Three months after protection ended (31 Mar → 30 Jun): arrears still payable, the deadline named.
    expect(await coverageOn(e.id, "2026-06-30")).toEqual({ status: "ARREARS", protectedUntil: "2026-03-31", unpaid: ["2026-04", "2026-05", "2026-06"] });
    expect((await reviewDetail(actors.reviewerBandung, e.id, at("2026-06-30")))!.coverage!.arrearsDeadline).toBe("2026-06-30");
    const arrears = await arrearsList(actors.reviewerBandung, 1, at("2026-06-20"));
    // Rows are ordered by months unpaid; look through every page for ours.
    let row = arrears!.rows.find((r) => r.id === e.id);
    for (let p = 2; !row && p <= arrears!.pageCount; p++) row = (await arrearsList(actors.reviewerBandung, p, at("2026-06-20")))!.rows.find((r) => r.id === e.id);
    expect(row?.coverage).toMatchObject({ status: "ARREARS", unpaidMonths: ["2026-04", "2026-05", "2026-06"], owed: price("2026-04") * 3, arrearsDeadline: "2026-06-30" });

    // More than 3 months since protection ended: membership ended, nothing payable as arrears.
    expect(await coverageOn(e.id, "2026-07-01")).toEqual({ status: "LAPSED", protectedUntil: "2026-03-31", unpaid: [] });
    // A payment then is an "iuran lanjutan": April–June are written off, cover resumes from July.
    const resumed = await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: price("2026-07"), paidOn: "2026-07-16", channel: "BANK_TELLER", reference: ref() }, at("2026-07-16"));
    expect(resumed).toMatchObject({ months: ["2026-07"], resumed: true, writtenOff: ["2026-04", "2026-05", "2026-06"] });
    const lines = await db().contributionLine.findMany({ where: { enrolmentId: e.id }, orderBy: { month: "asc" }, select: { month: true, status: true } });
    expect(lines.map((l) => [l.month.toISOString().slice(0, 7), l.status])).toEqual([
      ["2026-01", "PAID"], ["2026-02", "PAID"], ["2026-03", "PAID"],
      ["2026-04", "WRITTEN_OFF"], ["2026-05", "WRITTEN_OFF"], ["2026-06", "WRITTEN_OFF"],
      ["2026-07", "PAID"],
    ]);
    expect(await coverageOn(e.id, "2026-07-20")).toEqual({ status: "ACTIVE", protectedUntil: "2026-07-31", unpaid: [] });
    // The status history says the payment resumed the membership and which months are not billed.
    const history = (await reviewDetail(actors.reviewerBandung, e.id, at("2026-07-20")))!.history;
    expect(history.at(-1)?.payment).toMatchObject({ months: ["2026-07"], writtenOff: ["2026-04", "2026-05", "2026-06"] });
    // The written-off months are never due again: August overdue is the only arrear, and the arrears
    // list counts it alone.
    expect(await coverageOn(e.id, "2026-08-20")).toEqual({ status: "ARREARS", protectedUntil: "2026-07-31", unpaid: ["2026-08"] });
    const later = await arrearsList(actors.reviewerBandung, 1, at("2026-08-20"));
    let again = later!.rows.find((r) => r.id === e.id);
    for (let p = 2; !again && p <= later!.pageCount; p++) again = (await arrearsList(actors.reviewerBandung, p, at("2026-08-20")))!.rows.find((r) => r.id === e.id);
    expect(again?.coverage).toMatchObject({ unpaidMonths: ["2026-08"], owed: price("2026-08") });
    expect(await auditCount(e.id, "payment.record")).toBe(3);
  });

  it("an amount that is not a whole number of months is refused with the accepted amounts, and nothing is written", async () => {
    const e = await approved("2026-11-16");
    const reference = ref();
    const error = await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: 10_000, paidOn: "2026-11-16", channel: "BANK_TELLER", reference }, at("2026-11-16")).catch((x) => x);
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect((error as AppError).options.fieldErrors!.amount?.[0]).toContain("Rp8.400 (1 bulan, s.d. 11/2026)");
    expect(await db().payment.count({ where: { reference } })).toBe(0);
    expect(await db().contributionLine.count({ where: { enrolmentId: e.id, status: "PAID" } })).toBe(0);
  });

  it("paying months ahead creates their lines, priced month by month (relief ends after 2026-12)", async () => {
    const e = await approved("2026-11-16");
    const amount = price("2026-11") + price("2026-12") + price("2027-01");
    const result = await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount, paidOn: "2026-11-16", channel: "AUTODEBIT", reference: ref() }, at("2026-11-16"));
    expect(result.months).toEqual(["2026-11", "2026-12", "2027-01"]);
    const lines = await db().contributionLine.findMany({ where: { enrolmentId: e.id }, orderBy: { month: "asc" }, select: { total: true, status: true, paymentId: true } });
    expect(lines.map((l) => [l.total, l.status])).toEqual([[8_400, "PAID"], [8_400, "PAID"], [16_800, "PAID"]]);
    expect(new Set(lines.map((l) => l.paymentId))).toEqual(new Set([result.paymentId]));
    expect(await coverageOn(e.id, "2026-11-20")).toMatchObject({ status: "ACTIVE", protectedUntil: "2027-01-31" });
  });

  it("a payment is refused before approval, in the future, or dated before the submission", async () => {
    const e = await submittedEnrolment(actors.officerBri, { submittedAt: at("2026-11-16") });
    await expect(recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: 8_400, paidOn: "2026-11-16", channel: "BANK_TELLER", reference: ref() }, at("2026-11-16"))).rejects.toMatchObject({ code: "INVALID_STATE" });
    const a = await approved("2026-11-16");
    const future = await recordPayment(actors.reviewerBandung, { enrolmentId: a.id, amount: 8_400, paidOn: "2026-11-17", channel: "BANK_TELLER", reference: ref() }, at("2026-11-16")).catch((x) => x);
    expect((future as AppError).options.fieldErrors!.paidOn).toBeDefined();
    const early = await recordPayment(actors.reviewerBandung, { enrolmentId: a.id, amount: 8_400, paidOn: "2026-11-01", channel: "BANK_TELLER", reference: ref() }, at("2026-11-16")).catch((x) => x);
    expect((early as AppError).options.fieldErrors!.paidOn).toBeDefined();
  });
});

describe("cover starts at approval (docs/regulation.md §3.5, docs/decisions/0011 §1)", () => {
  it("an enrolment submitted three months before its approval starts in the approval month, with the months planned carried there, and is in no arrears", async () => {
    const e = await submittedEnrolment(actors.officerBri, { submittedAt: at("2026-08-03"), monthsInAdvance: 3 });
    // Nothing is written at submission: a plan, not a debt.
    expect(await db().contributionLine.count({ where: { enrolmentId: e.id } })).toBe(0);
    const plan = (await reviewDetail(actors.reviewerBandung, e.id, at("2026-11-05")))!.plan!;
    expect(plan.map((l) => l.month)).toEqual(["2026-11", "2026-12", "2027-01"]);

    await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, at("2026-11-05"));
    const stored = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { coverStartMonth: true } });
    expect(stored.coverStartMonth!.toISOString().slice(0, 7)).toBe("2026-11");
    const lines = await db().contributionLine.findMany({ where: { enrolmentId: e.id }, orderBy: { month: "asc" }, select: { month: true, total: true, status: true } });
    // Re-priced for their real months: November and December relieved (PP 50/2025), January full.
    expect(lines.map((l) => [l.month.toISOString().slice(0, 7), l.total, l.status])).toEqual([
      ["2026-11", 8_400, "DUE"], ["2026-12", 8_400, "DUE"], ["2027-01", 16_800, "DUE"],
    ]);
    const d = (await reviewDetail(actors.reviewerBandung, e.id, at("2026-11-05")))!;
    expect(d.coverage).toMatchObject({ status: "AWAITING_PAYMENT", unpaidMonths: [], owed: 0, nextMonth: "2026-11", nextDueDate: "2026-11-16" });
    expect(d.plan).toBeNull();
    const arrears = await arrearsList(actors.reviewerBandung, 1, at("2026-11-05"));
    for (let p = 1; p <= arrears!.pageCount; p++) {
      expect((await arrearsList(actors.reviewerBandung, p, at("2026-11-05")))!.rows.map((r) => r.id)).not.toContain(e.id);
    }
  });

  it("approved after the 15th: the approval month is due at its end, not overdue the day it began", async () => {
    const e = await approved("2026-11-02", "2026-11-20");
    expect(await coverageOn(e.id, "2026-11-20")).toEqual({ status: "AWAITING_PAYMENT", protectedUntil: null, unpaid: [] });
    expect(await coverageOn(e.id, "2026-12-01")).toMatchObject({ status: "ARREARS", unpaid: ["2026-11"] });
  });
});

describe("relief credited, not frozen (docs/regulation.md §3.3, docs/decisions/0011 §4)", () => {
  /** The line as it would stand had it been written before the PP 50/2025 rule was deployed. */
  const asBeforeRelief = (enrolmentId: string, month: string) =>
    db().contributionLine.update({
      where: { enrolmentId_month: { enrolmentId, month: new Date(`${month}-01T00:00:00Z`) } },
      data: { jkk: 10_000, jkm: 6_800, discount: 0, reliefRuleId: null, total: 16_800 },
    });

  it("a month paid at the full price that relief discounts is credited to the next month", async () => {
    const e = await approved("2026-11-16");
    await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: 8_400, paidOn: "2026-11-16", channel: "BANK_TELLER", reference: ref() }, at("2026-11-16"));
    // November as it stands had it been paid (16.800) before the PP 50/2025 rule was deployed.
    await asBeforeRelief(e.id, "2026-11");
    // December costs 8.400 and the credit (16.800 − 8.400) covers it: December is settled by the credit
    // (the page shows it so before the payment stores it), and the next 16.800 pays January.
    const d = (await reviewDetail(actors.reviewerBandung, e.id, at("2026-11-20")))!;
    expect(d.coverage).toMatchObject({ creditBalance: 0, protectedUntil: "2026-12-31", next: { month: "2027-01", amount: 16_800 } });
    const paid = await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: 16_800, paidOn: "2026-11-20", channel: "BANK_TELLER", reference: ref() }, at("2026-11-20"));
    expect(paid).toMatchObject({ creditSettled: ["2026-12"], months: ["2027-01"] });
    const lines = await db().contributionLine.findMany({ where: { enrolmentId: e.id }, orderBy: { month: "asc" }, select: { total: true, reliefCredit: true, creditUsed: true, status: true } });
    expect(lines.map((l) => [l.total, l.reliefCredit, l.creditUsed, l.status])).toEqual([
      [16_800, 8_400, 0, "PAID"],
      [8_400, 0, 8_400, "PAID"],
      [16_800, 0, 0, "PAID"],
    ]);
    expect((await reviewDetail(actors.reviewerBandung, e.id, at("2026-11-20")))!.coverage!.creditBalance).toBe(0);
  });

  it("a month the credit pays in full is settled when db:reprice applies the credit: never overdue with Rp0 (PP 50/2025 Pasal 4)", async () => {
    const e = await approved("2026-11-16");
    await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: 8_400, paidOn: "2026-11-16", channel: "BANK_TELLER", reference: ref() }, at("2026-11-16"));
    await asBeforeRelief(e.id, "2026-11");
    expect((await repriceAllEnrolments(at("2026-11-20"))).settledByCredit).toBeGreaterThanOrEqual(1);
    const december = await db().contributionLine.findUniqueOrThrow({
      where: { enrolmentId_month: { enrolmentId: e.id, month: new Date("2026-12-01T00:00:00Z") } },
      select: { status: true, total: true, creditUsed: true, paymentId: true },
    });
    expect(december).toEqual({ status: "PAID", total: 8_400, creditUsed: 8_400, paymentId: null });
    // Past December's due date (15/12) the cover is protected to its end, not in arrears with Rp0 owed.
    const d = (await reviewDetail(actors.reviewerBandung, e.id, at("2026-12-20")))!;
    expect(d.coverage).toMatchObject({ status: "ACTIVE", protectedUntil: "2026-12-31", unpaidMonths: [], owed: 0, creditBalance: 0 });
    expect(await db().auditEvent.count({ where: { entityId: e.id, action: "contribution.settleByCredit" } })).toBe(1);
    // The record's history says it, by the system (no actor).
    expect(d.history.filter((h) => h.action === "contribution.settleByCredit").map((h) => h.actorName)).toEqual([null]);
    // Idempotent: a second run settles nothing more for it.
    await repriceAllEnrolments(at("2026-11-20"));
    expect(await db().auditEvent.count({ where: { entityId: e.id, action: "contribution.settleByCredit" } })).toBe(1);
  });

  it("a DUE line written before a relief rule was deployed is repriced in the payment's transaction", async () => {
    const e = await approved("2026-11-16");
    await asBeforeRelief(e.id, "2026-11");
    // Repriced first: 16.800 now pays November and December at 8.400 each (at the old price it paid November alone).
    const paid = await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: 16_800, paidOn: "2026-11-16", channel: "BANK_TELLER", reference: ref() }, at("2026-11-16"));
    expect(paid.months).toEqual(["2026-11", "2026-12"]);
  });

  it("db:reprice reprices DUE lines once, keeping their due date", async () => {
    const e = await submittedEnrolment(actors.officerBri, { submittedAt: at("2026-11-02"), monthsInAdvance: 2 });
    await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, at("2026-11-20"));
    await asBeforeRelief(e.id, "2026-11");
    await asBeforeRelief(e.id, "2026-12");
    expect((await repriceAllEnrolments()).repriced).toBeGreaterThanOrEqual(2);
    const lines = await db().contributionLine.findMany({ where: { enrolmentId: e.id }, orderBy: { month: "asc" }, select: { total: true, reliefRuleId: true, dueDate: true } });
    expect(lines.map((l) => [l.total, l.reliefRuleId, l.dueDate.toISOString().slice(0, 10)])).toEqual([
      [8_400, "PP50-2025-NONTRANSPORT", "2026-11-30"],
      [8_400, "PP50-2025-NONTRANSPORT", "2026-12-15"],
    ]);
    expect((await repriceAllEnrolments()).repriced).toBe(0);
  });
});

describe("payment references are unique for ever", () => {
  it("a reference used once is refused the second time, on any enrolment", async () => {
    const a = await approved("2026-11-16");
    const b = await approved("2026-11-16");
    const reference = ref();
    await recordPayment(actors.reviewerBandung, { enrolmentId: a.id, amount: 8_400, paidOn: "2026-11-16", channel: "BANK_TELLER", reference }, at("2026-11-16"));
    const again = await recordPayment(actors.reviewerBandung, { enrolmentId: b.id, amount: 8_400, paidOn: "2026-11-16", channel: "BANK_TELLER", reference }, at("2026-11-16")).catch((x) => x);
    expect(again).toMatchObject({ code: "VALIDATION" });
    expect((again as AppError).options.fieldErrors!.reference?.[0]).toMatch(/sudah tercatat/);
    expect(await db().contributionLine.count({ where: { enrolmentId: b.id, status: "PAID" } })).toBe(0);
  });

  it("a reference recorded at another branch is refused without saying that, or where, it exists (issue #16)", async () => {
    const bandung = await approved("2026-11-16");
    const semarang = await submittedEnrolment(actors.officerBri, { kantorCabangCode: "KC-SEMARANG", submittedAt: at("2026-11-16") });
    await approveEnrolment(actors.reviewerSemarang, { enrolmentId: semarang.id, version: semarang.version }, at("2026-11-16"));
    const reference = ref();
    await recordPayment(actors.reviewerBandung, { enrolmentId: bandung.id, amount: 8_400, paidOn: "2026-11-16", channel: "BANK_TELLER", reference }, at("2026-11-16"));
    const elsewhere = await recordPayment(actors.reviewerSemarang, { enrolmentId: semarang.id, amount: 8_400, paidOn: "2026-11-16", channel: "BANK_TELLER", reference }, at("2026-11-16")).catch((x) => x);
    const message = (elsewhere as AppError).options.fieldErrors!.reference?.[0] ?? "";
    expect(message).toMatch(/tidak dapat dipakai/);
    expect(message).not.toMatch(/tercatat|Bandung|cabang/i);
    // The same words as a reference nobody has but that loses a race on the unique index: no oracle.
    expect(message).toBe((await import("@/lib/i18n/translator")).translator("id")("review.validation.referenceUnusable"));
    expect(await db().contributionLine.count({ where: { enrolmentId: semarang.id, status: "PAID" } })).toBe(0);
  });

  it("the same reference sent twice at once is recorded exactly once", async () => {
    const a = await approved("2026-11-16");
    const b = await approved("2026-11-16");
    const reference = ref();
    const results = await Promise.allSettled(
      [a, b].map((e) => recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: 8_400, paidOn: "2026-11-16", channel: "VIRTUAL_ACCOUNT", reference }, at("2026-11-16"))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(failed?.reason).toMatchObject({ code: "VALIDATION" });
    expect(await db().payment.count({ where: { reference } })).toBe(1);
    expect(await db().contributionLine.count({ where: { enrolmentId: { in: [a.id, b.id] }, status: "PAID" } })).toBe(1);
  });

  it("two payments for the same debtor at once settle different months, oldest first", async () => {
    const a = await approved("2026-11-16");
    const results = await Promise.all(
      [ref(), ref()].map((reference) => recordPayment(actors.reviewerBandung, { enrolmentId: a.id, amount: 8_400, paidOn: "2026-11-16", channel: "BANK_TELLER", reference }, at("2026-11-16"))),
    );
    expect(results.flatMap((r) => r.months).sort()).toEqual(["2026-11", "2026-12"]);
  });
});

describe("disbursement clearance (Permenko 1/2023 cover letter point 5) on the officer's page data", () => {
  it("a mandatory enrolment may be disbursed once approved and its first month is paid", async () => {
    const e = await submittedEnrolment(actors.officerBri);
    const clearance = async () => {
      const d = await enrolmentForActor(actors.officerBri, e.id);
      return disbursementClearance({
        mandateStatus: d!.mandate.status,
        enrolmentStatus: d!.status,
        firstMonthPaid: d!.contributionLines[0]?.status === "PAID",
        gate: d!.office.disbursementGate,
      }).state;
    };
    expect(await clearance()).toBe("BLOCKED");
    const now = new Date();
    await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, now);
    expect(await clearance()).toBe("BLOCKED");
    const first = await db().contributionLine.findFirstOrThrow({ where: { enrolmentId: e.id }, orderBy: { month: "asc" }, select: { total: true } });
    const today = (await reviewDetail(actors.reviewerBandung, e.id, now))!.today;
    await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: first.total, paidOn: today, channel: "BANK_TELLER", reference: ref() }, now);
    expect(await clearance()).toBe("CLEARED");
  });
});

describe("the certificate and its public verification", () => {
  it("the PDF carries the KPJ, and the verification view shows only masked name, status and protected-until — never the NIK", async () => {
    const e = await approved("2026-11-16");
    await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: 8_400, paidOn: "2026-11-16", channel: "BANK_TELLER", reference: ref() }, at("2026-11-16"));
    const data = await certificateFor(actors.officerBri, e.id, at("2026-11-20"));
    if (typeof data === "string") throw new Error(data);
    expect(data.nikMasked).not.toBe(e.nik);
    const pdf = await certificatePdf(data, "https://lindungikur.example");
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    const doc = await PDFDocument.load(pdf);
    expect(doc.getTitle()).toContain(e.kpj);
    // The page's own text, as a reader would copy it.
    const text = await pdfText(pdf);
    expect(text).toContain(e.kpj);
    expect(text).toContain(`/verifikasi/${e.verificationCode}`.slice(0, 20));
    expect(text).toContain("SERTIFIKAT KEPESERTAAN");
    expect(text).not.toContain(e.nik);

    const view = await verificationByCode(e.verificationCode, at("2026-11-20"));
    expect(view).toEqual({ maskedName: "R***** H******", status: "ACTIVE", protectedUntil: "2026-11-30", programs: ["JKK", "JKM"], checkedOn: "2026-11-20" });
    const json = JSON.stringify(view);
    expect(json).not.toContain(e.nik);
    expect(json).not.toContain(e.nik.slice(12));
    expect(json).not.toContain(e.kpj);
  });

  it("a name outside Latin-1 prints as written (embedded Noto Sans, not '?'), and the English certificate is in English", async () => {
    const e = await approved("2026-11-16");
    const written = "Nguyễn Thị Đào Ṣalihah";
    await db().participant.update({ where: { nik: e.nik }, data: { fullName: written } });
    const data = await certificateFor(actors.officerBri, e.id, at("2026-11-20"));
    if (typeof data === "string") throw new Error(data);
    const id = await pdfText(await certificatePdf(data, "https://lindungikur.example", "id"));
    expect(id).toContain(written);
    expect(id).not.toContain("?");
    expect(id).toContain("Nama peserta");

    const enPdf = await certificatePdf(data, "https://lindungikur.example", "en");
    const en = await pdfText(enPdf);
    expect(en).toContain(written);
    for (const heading of ["CERTIFICATE OF PARTICIPATION", "KPJ number", "Participant", "Protected until", "Cover status", "Issuing branch"]) {
      expect(en).toContain(heading);
    }
    for (const indonesian of ["SERTIFIKAT", "Nama peserta", "Dilindungi sampai", "Status kepesertaan", "Disetujui", "Dicetak"]) {
      expect(en).not.toContain(indonesian);
    }
    expect((await PDFDocument.load(enPdf)).getTitle()).toBe(`BPJS Ketenagakerjaan Certificate of Participation KPJ ${e.kpj}`);
    // The font is embedded as a subset: the certificate stays small.
    expect(enPdf.length).toBeLessThan(120_000);
  });

  it("an unknown, malformed or not-approved code verifies nothing", async () => {
    expect(await verificationByCode("A".repeat(27), new Date())).toBeNull();
    expect(await verificationByCode("../../etc", new Date())).toBeNull();
    expect(await verificationByCode("", new Date())).toBeNull();
  });

  it("a certificate exists only for approved enrolments", async () => {
    const e = await submittedEnrolment(actors.officerBri);
    expect(await certificateFor(actors.officerBri, e.id, new Date())).toBe("not-approved");
  });
});
