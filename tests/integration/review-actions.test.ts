/**
 * The reviewer's server actions themselves (lib/review/actions.ts), through the one pipeline on the
 * real database — only the request is stubbed (tests/support/actions.ts). Who may call them, how a
 * refusal reaches the form in the user's language with the input kept, and what success answers.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/data";
import { db } from "@/lib/db";
import { approveAction, bulkApproveAction, recordPaymentAction, returnAction } from "@/lib/review/actions";
import { reviewDetail } from "@/lib/review/data";
import { addMonths, formatMonthId } from "@/lib/rules";
import { translator } from "@/lib/i18n/translator";
import { formData, revalidated, runAction, signInAs, signOut, useLocale } from "../support/actions";
import { DEMO_ACCOUNTS, demoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const id = translator("id");
const en = translator("en");
let officerBri: Actor;

beforeAll(async () => {
  ({ officerBri } = await demoActors());
});

afterAll(async () => {
  await db().$disconnect();
});

const ref = (e: { id: string; version: number }) => ({ enrolmentId: e.id, version: String(e.version) });

describe("approveAction (Kantor Cabang review)", () => {
  it("signed out: sent to /masuk, nothing changes", async () => {
    const e = await submittedEnrolment(officerBri);
    signOut();
    const run = await runAction(approveAction, {}, formData(ref(e)));
    expect(run.redirect?.url).toBe("/masuk");
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: e.id } })).status).toBe("SUBMITTED");
  });

  it("a bank officer is refused with FORBIDDEN before anything is read", async () => {
    const e = await submittedEnrolment(officerBri);
    await signInAs(DEMO_ACCOUNTS.officerBri);
    const run = await runAction(approveAction, {}, formData(ref(e)));
    expect(run.result).toMatchObject({ code: "FORBIDDEN", message: id("actionErrors.FORBIDDEN") });
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: e.id } })).status).toBe("SUBMITTED");
  });

  it("another branch's reviewer (Semarang) gets NOT_FOUND for a Bandung enrolment, in the user's language", async () => {
    const e = await submittedEnrolment(officerBri);
    await signInAs(DEMO_ACCOUNTS.reviewerSemarang);
    const run = await runAction(approveAction, {}, formData(ref(e)));
    expect(run.result).toMatchObject({ code: "NOT_FOUND", message: id("actionErrors.reviewNotFound") });
    useLocale("en");
    const english = await runAction(approveAction, {}, formData(ref(e)));
    expect(english.result).toMatchObject({ code: "NOT_FOUND", message: en("actionErrors.reviewNotFound") });
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: e.id } })).status).toBe("SUBMITTED");
  });

  it("the holding branch's reviewer approves: the KPJ is in the answer, the review pages are revalidated; a second approval of the same version is a CONFLICT naming the new status", async () => {
    const e = await submittedEnrolment(officerBri);
    await signInAs(DEMO_ACCOUNTS.reviewerBandung);
    const run = await runAction(approveAction, {}, formData(ref(e)));
    const stored = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { status: true, kpj: true } });
    expect(stored.status).toBe("APPROVED");
    expect(run.result).toMatchObject({ ok: true, data: { message: id("review.approved", { kpj: stored.kpj! }) } });
    expect(revalidated()).toEqual(["/tinjauan (layout)", "/pendaftaran (layout)", "/tunggakan"]);

    useLocale("en");
    const again = await runAction(approveAction, {}, formData(ref(e)));
    expect(again.result).toMatchObject({ code: "CONFLICT", message: en("actionErrors.reviewConflict", { status: "APPROVED" }) });
    expect(again.result?.message).toContain("Approved");
  });
});

describe("returnAction", () => {
  it("a reason that is too short is a field error in the user's language, with the input kept and nothing written", async () => {
    const e = await submittedEnrolment(officerBri);
    await signInAs(DEMO_ACCOUNTS.reviewerBandung);
    const fields = { ...ref(e), reason: "kurang" };
    const run = await runAction(returnAction, {}, formData(fields));
    expect(run.result).toMatchObject({ code: "VALIDATION", message: id("actionErrors.VALIDATION"), values: fields });
    expect(run.result?.errors?.reason).toEqual([id("review.validation.returnReasonShort")]);

    useLocale("en");
    const english = await runAction(returnAction, {}, formData(fields));
    expect(english.result?.errors?.reason).toEqual([en("review.validation.returnReasonShort")]);
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: e.id } })).status).toBe("SUBMITTED");
  });
});

describe("bulkApproveAction", () => {
  it("answers one result per ticked row: approved, and a row of another branch not found", async () => {
    const mine = await submittedEnrolment(officerBri);
    const semarang = await submittedEnrolment(officerBri, { kantorCabangCode: "KC-SEMARANG" });
    await signInAs(DEMO_ACCOUNTS.reviewerBandung);
    const run = await runAction(
      bulkApproveAction,
      {},
      formData({ items: [`${mine.id}:${mine.version}`, `${semarang.id}:${semarang.version}`] }),
    );
    expect(run.result?.ok).toBe(true);
    const results = (run.result?.data as { results: { enrolmentId: string; outcome: string }[] }).results;
    expect(results.map((r) => [r.enrolmentId, r.outcome])).toEqual([
      [mine.id, "APPROVED"],
      [semarang.id, "NOT_FOUND"],
    ]);
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: semarang.id } })).status).toBe("SUBMITTED");
  });
});

describe("recordPaymentAction: the receipt says what was settled and what the next month costs (docs/decisions/0011 §5)", () => {
  it("names the months paid and what the next month costs", async () => {
    const e = await submittedEnrolment(officerBri, { monthsInAdvance: 1 });
    await signInAs(DEMO_ACCOUNTS.reviewerBandung);
    await runAction(approveAction, {}, formData(ref(e)));
    const line = await db().contributionLine.findFirstOrThrow({ where: { enrolmentId: e.id }, orderBy: { month: "asc" }, select: { month: true, total: true } });
    const { today } = (await reviewDetail((await demoActors()).reviewerBandung, e.id, new Date()))!;
    const run = await runAction(
      recordPaymentAction,
      {},
      formData({ enrolmentId: e.id, amount: String(line.total), paidOn: today, channel: "BANK_TELLER", reference: `ACT-${Date.now().toString(36).toUpperCase()}` }),
    );
    const month = formatMonthId(line.month.toISOString().slice(0, 7));
    const next = formatMonthId(addMonths(line.month.toISOString().slice(0, 7), 1));
    expect(run.result).toMatchObject({ ok: true });
    expect(run.result?.data?.message).toContain(id("review.paymentRecorded", { count: 1, months: month }));
    expect(run.result?.data?.message).toContain(`Iuran berikutnya ${next}: Rp`);
  });
});
