/**
 * The reviewer's reversal of a payment through its server action (issue #15; docs/decisions/0016 §3):
 * who may, the reason the form asks for in the user's language, what the page then shows (the payment
 * marked reversed with its reason, the previous one now the one that may be reversed), and that the
 * months re-open so that cover and the disbursement clearance turn back.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { approveAction, recordPaymentAction, reversePaymentAction } from "@/lib/review/actions";
import { reviewDetail } from "@/lib/review/data";
import { translator } from "@/lib/i18n/translator";
import { disbursementClearance, formatMonthId } from "@/lib/rules";
import { formData, revalidated, runAction, signInAs, useLocale } from "../support/actions";
import { DEMO_ACCOUNTS, demoActors, type DemoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const id = translator("id");
const en = translator("en");
let actors: DemoActors;
let seq = 0;
const reference = () => `REV-${Date.now().toString(36)}-${++seq}`.toUpperCase();

beforeAll(async () => {
  actors = await demoActors();
});

afterAll(async () => {
  await db().$disconnect();
});

/** An approved enrolment (2 months planned) with its two months paid by two payments, through the actions. */
async function paidTwice() {
  const e = await submittedEnrolment(actors.officerBri, { monthsInAdvance: 2 });
  await signInAs(DEMO_ACCOUNTS.reviewerBandung);
  expect((await runAction(approveAction, {}, formData({ enrolmentId: e.id, version: String(e.version) }))).result).toMatchObject({ ok: true });
  const lines = await db().contributionLine.findMany({ where: { enrolmentId: e.id }, orderBy: { month: "asc" }, select: { month: true, total: true } });
  const { today } = (await reviewDetail(actors.reviewerBandung, e.id, new Date()))!;
  for (const line of lines) {
    const paid = await runAction(recordPaymentAction, {}, formData({ enrolmentId: e.id, amount: String(line.total), paidOn: today, channel: "BANK_TELLER", reference: reference() }));
    expect(paid.result).toMatchObject({ ok: true });
  }
  const payments = await db().payment.findMany({ where: { enrolmentId: e.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  return { enrolmentId: e.id, months: lines.map((l) => l.month.toISOString().slice(0, 7)), first: payments[0]!.id, second: payments[1]!.id };
}

async function clearance(enrolmentId: string) {
  const first = await db().contributionLine.findFirstOrThrow({ where: { enrolmentId }, orderBy: { month: "asc" }, select: { status: true } });
  return disbursementClearance({ mandateStatus: "MANDATORY", enrolmentStatus: "APPROVED", firstMonthPaid: first.status === "PAID", gate: "BLOCK" }).state;
}

describe("reversePaymentAction (issue #15; docs/decisions/0016 §3)", () => {
  it("asks for a reason in the user's language and writes nothing without one", async () => {
    const p = await paidTwice();
    const run = await runAction(reversePaymentAction, {}, formData({ paymentId: p.second, reason: " ab " }));
    expect(run.result).toMatchObject({ code: "VALIDATION", errors: { reason: [id("review.validation.reversalReasonShort", { min: 5 })] } });
    useLocale("en");
    const english = await runAction(reversePaymentAction, {}, formData({ paymentId: p.second }));
    expect(english.result?.errors?.reason).toEqual([en("review.validation.reversalReasonRequired")]);
    expect(await db().payment.count({ where: { enrolmentId: p.enrolmentId, reversedAt: { not: null } } })).toBe(0);
  });

  it("a bank officer is refused (FORBIDDEN) and another branch's reviewer does not find the payment", async () => {
    const p = await paidTwice();
    await signInAs(DEMO_ACCOUNTS.officerBri);
    expect((await runAction(reversePaymentAction, {}, formData({ paymentId: p.second, reason: "Dana ditolak bank" }))).result).toMatchObject({ code: "FORBIDDEN" });
    await signInAs(DEMO_ACCOUNTS.reviewerSemarang);
    expect((await runAction(reversePaymentAction, {}, formData({ paymentId: p.second, reason: "Dana ditolak bank" }))).result).toMatchObject({ code: "NOT_FOUND" });
    expect(await db().payment.count({ where: { enrolmentId: p.enrolmentId, reversedAt: { not: null } } })).toBe(0);
  });

  it("reverses the latest payment, then the first: the page marks each with its reason, the months re-open and the clearance turns back", async () => {
    const p = await paidTwice();
    expect(await clearance(p.enrolmentId)).toBe("CLEARED");
    let detail = (await reviewDetail(actors.reviewerBandung, p.enrolmentId, new Date()))!;
    expect(detail.payments.map((x) => x.reversible)).toEqual([false, true]);

    // The first is not the latest standing payment: refused, with the catalogue's sentence.
    const early = await runAction(reversePaymentAction, {}, formData({ paymentId: p.first, reason: "Salah input bank" }));
    expect(early.result).toMatchObject({ code: "INVALID_STATE", message: id("actionErrors.paymentNotLatest") });

    const second = await runAction(reversePaymentAction, {}, formData({ paymentId: p.second, reason: "Dana ditolak bank" }));
    expect(second.result).toMatchObject({ ok: true, data: { message: id("payments.reversed", { count: 1, months: formatMonthId(p.months[1]!) }) } });
    expect(revalidated()).toEqual(expect.arrayContaining(["/tinjauan (layout)", "/pendaftaran (layout)", "/tunggakan"]));
    detail = (await reviewDetail(actors.reviewerBandung, p.enrolmentId, new Date()))!;
    expect(detail.payments.map((x) => [x.reversed?.reason ?? null, x.reversible])).toEqual([[null, true], ["Dana ditolak bank", false]]);
    expect(await clearance(p.enrolmentId)).toBe("CLEARED");

    const first = await runAction(reversePaymentAction, {}, formData({ paymentId: p.first, reason: "Salah input bank" }));
    expect(first.result).toMatchObject({ ok: true });
    detail = (await reviewDetail(actors.reviewerBandung, p.enrolmentId, new Date()))!;
    expect(detail.payments.every((x) => x.reversed && !x.reversible)).toBe(true);
    expect(detail.lines.map((l) => l.status)).toEqual(["DUE", "DUE"]);
    expect(detail.coverage?.protectedUntil).toBeNull();
    expect(await clearance(p.enrolmentId)).toBe("BLOCKED");
    // The history names both reversals with their reasons and who made them.
    const reversals = detail.history.filter((h) => h.action === "payment.reverse");
    expect(reversals.map((h) => [h.reason, h.actorName])).toEqual([
      ["Dana ditolak bank", actors.reviewerBandung.name],
      ["Salah input bank", actors.reviewerBandung.name],
    ]);
    // A reversed payment cannot be reversed again.
    const again = await runAction(reversePaymentAction, {}, formData({ paymentId: p.first, reason: "Dua kali" }));
    expect(again.result).toMatchObject({ code: "INVALID_STATE" });
  });
});
