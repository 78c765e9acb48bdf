/**
 * The Kantor Cabang's arrears follow-up (issue #15): the phone as the role may see it, the last
 * reminder, "send reminder" once a day through the outbox, and the CSV export of the same columns.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { presentPhone } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { arrearsCsv } from "@/lib/notify/arrears-export";
import { sendDebtorMessageAction } from "@/lib/notify/actions";
import { followUpFor } from "@/lib/notify/data";
import { translator } from "@/lib/i18n/translator";
import { approveEnrolment } from "@/lib/review/mutations";
import { formData, runAction, signInAs } from "../support/actions";
import { runQueuedJobs } from "../support/jobs";
import { DEMO_ACCOUNTS, demoActors, type DemoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const id = translator("id");
let actors: DemoActors;

beforeAll(async () => {
  actors = await demoActors();
});

afterAll(async () => {
  await db().$disconnect();
});

/** Approved 40 days ago, nothing paid: in arrears today (not yet lapsed). */
async function inArrears() {
  const then = new Date(Date.now() - 40 * 24 * 3600 * 1000);
  const e = await submittedEnrolment(actors.officerBri, { submittedAt: then });
  await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, then);
  const { participant } = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { participant: { select: { phone: true } } } });
  return { id: e.id, phone: participant.phone };
}

describe("arrears follow-up (issue #15)", () => {
  it("shows the phone as the role may see it and no reminder yet; another branch's reviewer gets nothing", async () => {
    const e = await inArrears();
    const mine = await followUpFor(actors.reviewerBandung, [e.id]);
    expect(mine.get(e.id)).toEqual({ phone: presentPhone(actors.reviewerBandung, e.phone), lastReminder: null });
    expect((await followUpFor(actors.reviewerSemarang, [e.id])).size).toBe(0);
  });

  it("'send reminder' writes the reminder to the outbox once a day; the list then shows it as the last reminder", async () => {
    const e = await inArrears();
    await signInAs(DEMO_ACCOUNTS.reviewerBandung);
    const first = await runAction(sendDebtorMessageAction, {}, formData({ enrolmentId: e.id, kind: "ARREARS_REMINDER" }));
    // Queued in the outbox with its delivery job; no channel is configured in the tests, so it fails there.
    expect(first.result).toMatchObject({ ok: true, data: { message: id("notify.ui.queued", { count: 1 }) } });
    const rows = () => db().debtorMessage.findMany({ where: { enrolmentId: e.id }, select: { kind: true, channel: true, status: true, requestedById: true } });
    expect(await rows()).toEqual([{ kind: "ARREARS_REMINDER", channel: "SMS", status: "PENDING", requestedById: actors.reviewerBandung.id }]);
    expect((await followUpFor(actors.reviewerBandung, [e.id])).get(e.id)?.lastReminder).toMatchObject({ channel: "SMS", status: "PENDING" });
    await runQueuedJobs({ names: ["notify.deliver"] });
    expect((await rows())[0]?.status).toBe("FAILED");
    const again = await runAction(sendDebtorMessageAction, {}, formData({ enrolmentId: e.id, kind: "ARREARS_REMINDER" }));
    expect(again.result).toMatchObject({ ok: true, data: { message: id("notify.ui.alreadySent") } });
    expect(await db().debtorMessage.count({ where: { enrolmentId: e.id } })).toBe(1);
    expect((await followUpFor(actors.reviewerBandung, [e.id])).get(e.id)?.lastReminder).toMatchObject({ channel: "SMS", status: "FAILED" });

    await signInAs(DEMO_ACCOUNTS.reviewerSemarang);
    expect((await runAction(sendDebtorMessageAction, {}, formData({ enrolmentId: e.id, kind: "ARREARS_REMINDER" }))).result).toMatchObject({ code: "NOT_FOUND" });
    await signInAs(DEMO_ACCOUNTS.managerJabar);
    expect((await runAction(sendDebtorMessageAction, {}, formData({ enrolmentId: e.id, kind: "ARREARS_REMINDER" }))).result).toMatchObject({ code: "FORBIDDEN" });
  });

  it("the CSV export has the follow-up columns in the reader's dialect", async () => {
    const e = await inArrears();
    const csv = (await arrearsCsv(actors.reviewerBandung, "id", new Date()))!;
    expect(csv.startsWith("\uFEFFNama;KPJ;")).toBe(true);
    const kpj = (await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { kpj: true } })).kpj!;
    const line = csv.split("\r\n").find((l) => l.includes(kpj))!;
    // The phone as the role sees it, defused against spreadsheet formulas ("+62…" → "'+62…", docs/platform.md §8).
    expect(line).toContain(`;'${presentPhone(actors.reviewerBandung, e.phone)};`);
    expect(line).toContain("Menunggak");
    expect(await arrearsCsv(actors.officerBri, "id", new Date())).toBeNull();
  });
});
