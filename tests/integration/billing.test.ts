import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { billingCodeFor, contributionForMonth, disbursementClearance, isBillingCode } from "@/lib/rules";
import { enrolmentRecord, reviewDetail } from "@/lib/review/data";
import { approveEnrolment, recordPayment, reversePayment } from "@/lib/review/mutations";
import { demoActors, type DemoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";

let actors: DemoActors;
let seq = 0;
const ref = () => `BILL-${Date.now().toString(36)}-${++seq}`.toUpperCase();
/** 10:00 WIB on a calendar day. */
const price = (month: string) => contributionForMonth({ declaredIncome: 1_000_000, jht: false, sector: "OTHER", month }).total;
const at = (day: string) => new Date(`${day}T03:00:00Z`);

beforeAll(async () => {
  actors = await demoActors();
});

afterAll(async () => {
  await db().$disconnect();
});

async function approved(day: string) {
  const e = await submittedEnrolment(actors.officerBri, { submittedAt: at(day) });
  return { ...e, ...(await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, at(day))) };
}

describe("billing code per participant (issue #15; docs/decisions/0016 §1)", () => {
  it("is issued with the KPJ in the approval transaction, and the amount shown is the one a payment is accepted for", async () => {
    const before = await submittedEnrolment(actors.officerBri, { submittedAt: at("2026-11-16") });
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: before.id }, select: { billingCode: true } })).billingCode).toBeNull();
    const e = await approveEnrolment(actors.reviewerBandung, { enrolmentId: before.id, version: before.version }, at("2026-11-16"));
    const stored = await db().enrolment.findUniqueOrThrow({ where: { id: e.enrolmentId }, select: { billingCode: true, kpj: true } });
    expect(stored.billingCode).toBe(billingCodeFor(stored.kpj!));
    expect(isBillingCode(stored.billingCode!)).toBe(true);

    const detail = await reviewDetail(actors.reviewerBandung, e.enrolmentId, at("2026-11-17"));
    const record = await enrolmentRecord(actors.officerBri, e.enrolmentId, at("2026-11-17"));
    expect(detail!.billingCode).toBe(stored.billingCode);
    expect(record!.review.billingCode).toBe(stored.billingCode);
    const shown = record!.review.coverage!.next!;
    expect(shown.month).toBe("2026-11");
    // What is shown as due now is accepted as the first payment, and settles exactly that month.
    const paid = await recordPayment(actors.reviewerBandung, { enrolmentId: e.enrolmentId, amount: shown.amount, paidOn: "2026-11-17", channel: "VIRTUAL_ACCOUNT", reference: ref() }, at("2026-11-17"));
    expect(paid.months).toEqual(["2026-11"]);
    // Stable across months: the next month's billing uses the same code.
    const later = await enrolmentRecord(actors.officerBri, e.enrolmentId, at("2026-12-20"));
    expect(later!.review.billingCode).toBe(stored.billingCode);
    expect(later!.review.coverage!.next!.month).toBe("2026-12");
  });

  it("is not shown before approval", async () => {
    const e = await submittedEnrolment(actors.officerBri, { submittedAt: at("2026-11-16") });
    expect((await enrolmentRecord(actors.officerBri, e.id, at("2026-11-16")))!.review.billingCode).toBeNull();
    const a = await approved("2026-11-16");
    expect((await enrolmentRecord(actors.officerBri, a.enrolmentId, at("2026-11-16")))!.review.billingCode).toMatch(/^8877\d{12}$/);
  });
});

describe("reversal of a payment by a reviewer (issue #15; docs/decisions/0016 §3)", () => {
  it("re-opens the months it settled, turns cover and the clearance back, is audited, and only the latest payment may be reversed", async () => {
    const e = await approved("2026-11-16");
    const first = await recordPayment(actors.reviewerBandung, { enrolmentId: e.enrolmentId, amount: price("2026-11"), paidOn: "2026-11-17", channel: "BANK_TELLER", reference: ref() }, at("2026-11-17"));
    const second = await recordPayment(actors.reviewerBandung, { enrolmentId: e.enrolmentId, amount: price("2026-12") + price("2027-01"), paidOn: "2026-11-18", channel: "BANK_TELLER", reference: ref() }, at("2026-11-18"));
    const clearance = async () => {
      const lines = await db().contributionLine.findMany({ where: { enrolmentId: e.enrolmentId }, orderBy: { month: "asc" }, select: { status: true } });
      return disbursementClearance({ mandateStatus: "MANDATORY", enrolmentStatus: "APPROVED", firstMonthPaid: lines[0]?.status === "PAID", gate: "BLOCK" }).state;
    };
    expect(await clearance()).toBe("CLEARED");

    await expect(reversePayment(actors.reviewerBandung, { paymentId: first.paymentId, reason: "Salah input bank" }, at("2026-11-19"))).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await reversePayment(actors.reviewerBandung, { paymentId: second.paymentId, reason: "Dana ditolak bank" }, at("2026-11-19"))).toEqual({ enrolmentId: e.enrolmentId, months: ["2026-12", "2027-01"] });
    const detail = await reviewDetail(actors.reviewerBandung, e.enrolmentId, at("2026-11-20"));
    expect(detail!.coverage).toMatchObject({ status: "ACTIVE", protectedUntil: "2026-11-30" });

    await reversePayment(actors.reviewerBandung, { paymentId: first.paymentId, reason: "Salah input bank" }, at("2026-11-20"));
    const lines = await db().contributionLine.findMany({ where: { enrolmentId: e.enrolmentId }, orderBy: { month: "asc" }, select: { month: true, status: true, paymentId: true } });
    expect(lines.every((l) => l.status === "DUE" && l.paymentId === null)).toBe(true);
    const reopened = (await reviewDetail(actors.reviewerBandung, e.enrolmentId, at("2026-11-20")))!.coverage!;
    // Not protected any more and November owed again. 15/11/2026 is a Sunday, so November was due on
    // Monday 16/11, the approval day itself (firstMonthDueDate moves it only for an approval *after* the
    // due date): on 20/11 the month is overdue again, inside the 3-month window (manual 908 item 12).
    expect([reopened.protectedUntil, reopened.next?.month]).toEqual([null, "2026-11"]);
    expect(reopened.status).toBe("ARREARS");
    expect(await clearance()).toBe("BLOCKED");
    const stored = await db().payment.findUniqueOrThrow({ where: { id: first.paymentId }, select: { reversedAt: true, reversalReason: true, reversedById: true } });
    expect(stored).toMatchObject({ reversalReason: "Salah input bank", reversedById: actors.reviewerBandung.id });
    const audit = await db().auditEvent.findFirst({ where: { entityId: e.enrolmentId, action: "payment.reverse" }, orderBy: { id: "desc" }, select: { after: true, actorId: true } });
    expect(audit).toMatchObject({ actorId: actors.reviewerBandung.id, after: { paymentId: first.paymentId, reopened: ["2026-11"], reason: "Salah input bank" } });
    // The months can be paid again, the same amount as before.
    const again = await recordPayment(actors.reviewerBandung, { enrolmentId: e.enrolmentId, amount: price("2026-11"), paidOn: "2026-11-20", channel: "BANK_TELLER", reference: ref() }, at("2026-11-20"));
    expect(again.months).toEqual(["2026-11"]);
    // Outside the reviewer's scope: not found; a second reversal: not the latest standing payment.
    await expect(reversePayment(actors.reviewerSemarang, { paymentId: again.paymentId, reason: "Bukan wilayah saya" }, at("2026-11-20"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reversePayment(actors.reviewerBandung, { paymentId: first.paymentId, reason: "Dua kali" }, at("2026-11-20"))).rejects.toMatchObject({ code: "INVALID_STATE" });
  });
});
