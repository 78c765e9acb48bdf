/**
 * The opt-out button on the enrolment record and the reviewer's page (docs/decisions/0025 §5), through the
 * action pipeline: `debtor:optOut` for the officer of the enrolment's own office and the reviewer of its
 * Kantor Cabang; audited; another bank's officer or another branch's reviewer is refused as for a record
 * they cannot see; a stopped channel's next message is written OPTED_OUT (docs/decisions/0021 §3).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setOptOutAction } from "@/lib/notify/actions";
import { optOutStateFor } from "@/lib/notify/data";
import { queueDebtorMessages } from "@/lib/notify/mutations";
import { approveEnrolment } from "@/lib/review/mutations";
import { db } from "@/lib/db";
import { translator } from "@/lib/i18n/translator";
import { formData, runAction, signInAs } from "../support/actions";
import { DEMO_ACCOUNTS, demoActors, type DemoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const id = translator("id");
let actors: DemoActors;
let enrolment: { id: string; participantId: string };

beforeAll(async () => {
  actors = await demoActors();
  const e = await submittedEnrolment(actors.officerBri, { form: { email: `optout.${Date.now()}@contoh.id` } });
  await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, new Date());
  const { participantId } = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { participantId: true } });
  enrolment = { id: e.id, participantId };
});

afterAll(async () => {
  await db().$disconnect();
});

const optOuts = () => db().notificationOptOut.findMany({ where: { participantId: enrolment.participantId }, select: { channel: true, recordedById: true } });

describe("opt-out per channel from the record (debtor:optOut)", () => {
  it("the officer of the enrolment's office stops SMS: recorded with who did it, audited, shown as stopped; the next message on it is OPTED_OUT", async () => {
    const officer = await signInAs(DEMO_ACCOUNTS.officerBri);
    expect(await optOutStateFor(officer, enrolment.id)).toEqual([
      { channel: "EMAIL", optedOutAt: null },
      { channel: "SMS", optedOutAt: null },
    ]);
    const run = await runAction(setOptOutAction, {}, formData({ enrolmentId: enrolment.id, channel: "SMS", optOut: "true" }));
    expect(run.result).toMatchObject({ ok: true, data: { message: id("notify.optOut.stopped") } });
    expect(await optOuts()).toEqual([{ channel: "SMS", recordedById: officer.id }]);
    expect(await db().auditEvent.count({ where: { entityType: "Participant", entityId: enrolment.participantId, action: "notify.optOut", actorId: officer.id } })).toBe(1);
    expect((await optOutStateFor(officer, enrolment.id))![1]).toEqual({ channel: "SMS", optedOutAt: expect.any(String) });

    const queued = await queueDebtorMessages({ enrolmentId: enrolment.id, kind: "BILLING", dedupeKey: `test:optout:${Date.now()}` }, new Date());
    const rows = await db().debtorMessage.findMany({ where: { id: { in: queued } }, select: { channel: true } });
    expect(rows).toEqual([{ channel: "EMAIL" }]);
    expect(await db().debtorMessage.count({ where: { enrolmentId: enrolment.id, kind: "BILLING", channel: "SMS", status: "OPTED_OUT" } })).toBe(1);
  });

  it("the reviewer of the enrolment's Kantor Cabang resumes it from the reviewer's page, audited as an opt-in", async () => {
    const reviewer = await signInAs(DEMO_ACCOUNTS.reviewerBandung);
    const run = await runAction(setOptOutAction, {}, formData({ enrolmentId: enrolment.id, channel: "SMS", optOut: "false" }));
    expect(run.result).toMatchObject({ ok: true, data: { message: id("notify.optOut.resumed") } });
    expect(await optOuts()).toEqual([]);
    expect(await db().auditEvent.count({ where: { entityId: enrolment.participantId, action: "notify.optIn", actorId: reviewer.id } })).toBe(1);
  });

  it("another bank's officer and another branch's reviewer are refused as for a record they cannot see; a Kanwil manager may not at all; nothing changes", async () => {
    for (const account of [DEMO_ACCOUNTS.officerBni, DEMO_ACCOUNTS.reviewerSemarang]) {
      const actor = await signInAs(account);
      expect((await runAction(setOptOutAction, {}, formData({ enrolmentId: enrolment.id, channel: "EMAIL", optOut: "true" }))).result?.code, account).toBe("NOT_FOUND");
      expect(await optOutStateFor(actor, enrolment.id)).toBeNull();
    }
    await signInAs(DEMO_ACCOUNTS.managerJabar);
    expect((await runAction(setOptOutAction, {}, formData({ enrolmentId: enrolment.id, channel: "EMAIL", optOut: "true" }))).result?.code).toBe("FORBIDDEN");
    expect(await optOuts()).toEqual([]);
  });

  it("an unknown channel or a malformed id is refused before anything is written", async () => {
    await signInAs(DEMO_ACCOUNTS.officerBri);
    expect((await runAction(setOptOutAction, {}, formData({ enrolmentId: enrolment.id, channel: "POS", optOut: "true" }))).result?.ok).not.toBe(true);
    expect((await runAction(setOptOutAction, {}, formData({ enrolmentId: "x", channel: "SMS", optOut: "true" }))).result?.ok).not.toBe(true);
    expect(await optOuts()).toEqual([]);
  });
});
