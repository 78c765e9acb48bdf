import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { billingCodeFor, isBillingCode } from "@/lib/rules";
import { enrolmentRecord, reviewDetail } from "@/lib/review/data";
import { approveEnrolment, recordPayment } from "@/lib/review/mutations";
import { demoActors, type DemoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";

let actors: DemoActors;
let seq = 0;
const ref = () => `BILL-${Date.now().toString(36)}-${++seq}`.toUpperCase();
/** 10:00 WIB on a calendar day. */
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
