/**
 * The daily scan (`notify.daily-scan`; lib/notify/scan.ts; docs/decisions/0025) on fixed days — the
 * clock is the scan's parameter, as every mutation's. The enrolments go through the real mutations
 * (submit, approve, record a payment), so their contribution lines are the ones the portal writes.
 *
 * Rules: BPU contributions are due by the 15th of the month, the next working day when that is a holiday
 * (docs/regulation.md §3.4); the reminder goes 3 days before (issue #15). Arrears: a month past its due
 * date; lapse: more than 3 months since protection ended — Perdir BPJS Ketenagakerjaan
 * 22/PERDIR.02/072022 item 12 (a) and (b) (docs/regulation.md §3.6, lib/rules/coverage.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runDailyScan } from "@/lib/notify/scan";
import { setOptOut } from "@/lib/notify/mutations";
import { approveEnrolment, recordPayment } from "@/lib/review/mutations";
import { addDays, contributionDueDate, contributionForMonth } from "@/lib/rules";
import { demoActors, type DemoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";
import { runQueuedJobs } from "../support/jobs";
import { enqueue } from "@/lib/jobs";
import { JOBS } from "@/lib/jobs/registry";
import { dailyScanJob } from "@/lib/notify";

let actors: DemoActors;
/**
 * The enrolments this file made: the scans on far-off days are run for them alone (`only`), so the
 * transitions of every other file's enrolments in this worker's database are not told by the hundred
 * (their events would crowd the queues other files drain); the queued job too is queued for them.
 */
const mine: string[] = [];
const scan = (day: Date) => runDailyScan(day, { only: mine });
/** 06:00 WIB on a calendar day: the cron's hour (23:00 UTC the day before). */
const at = (day: string) => new Date(`${addDays(day, -1)}T23:00:00Z`);
const price = (month: string) => contributionForMonth({ declaredIncome: 1_000_000, jht: false, sector: "OTHER", month }).total;
let seq = 0;

beforeAll(async () => {
  actors = await demoActors();
});

afterAll(async () => {
  await db().$disconnect();
});

/** An enrolment approved on `day` by the Bandung branch (Asia/Jakarta): its first month is `day`'s month. */
async function approvedOn(day: string, form: Record<string, string> = {}) {
  const e = await submittedEnrolment(actors.officerBri, { submittedAt: at(day), form });
  await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, at(day));
  mine.push(e.id);
  const row = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { participantId: true, kpj: true } });
  return { ...e, ...row };
}

const messagesOf = (enrolmentId: string, kind: "DUE_SOON" | "LAPSED" | "ARREARS_REMINDER") =>
  db().debtorMessage.findMany({ where: { enrolmentId, kind }, select: { channel: true, status: true, body: true, subject: true, dedupeKey: true }, orderBy: { channel: "asc" } });
const eventsOf = (enrolmentId: string) =>
  db().outboxEvent.findMany({ where: { enrolmentId, type: { in: ["coverage.arrears", "coverage.lapsed"] } }, select: { type: true, payload: true }, orderBy: { seq: "asc" } });

describe("the daily scan's due-date reminder (docs/regulation.md §3.4: due by the 15th or the next working day; reminded 3 days before)", () => {
  it("writes the reminder once per enrolment and month, by e-mail and phone, without the NIK: a rerun the same day or the next writes nothing", async () => {
    const e = await approvedOn("2026-11-02", { email: `scan.${Date.now()}.${++seq}@contoh.id` });
    const due = contributionDueDate("2026-11");
    // Two days too early: nothing.
    await scan(at(addDays(due, -5)));
    expect(await messagesOf(e.id, "DUE_SOON")).toEqual([]);
    await scan(at(addDays(due, -3)));
    const written = await messagesOf(e.id, "DUE_SOON");
    expect(written.map((m) => [m.channel, m.status, m.dedupeKey])).toEqual([
      ["EMAIL", "PENDING", `due:${e.id}:2026-11:EMAIL`],
      ["SMS", "PENDING", `due:${e.id}:2026-11:SMS`],
    ]);
    expect(written[0]!.subject).toContain("jatuh tempo");
    for (const m of written) expect(m.body.replace(/\D/g, "")).not.toContain(e.nik);
    await scan(at(addDays(due, -3)));
    await scan(at(addDays(due, -2)));
    expect(await messagesOf(e.id, "DUE_SOON")).toHaveLength(2);
  });

  it("a debtor who opted out of the phone channel gets an OPTED_OUT row for it, never a message to send", async () => {
    const e = await approvedOn("2026-11-02");
    await setOptOut({ actorId: null }, { participantId: e.participantId, channel: "SMS", optOut: true }, at("2026-11-02"));
    await scan(at(addDays(contributionDueDate("2026-11"), -3)));
    expect((await messagesOf(e.id, "DUE_SOON")).map((m) => [m.channel, m.status])).toEqual([["SMS", "OPTED_OUT"]]);
  });
});

describe("cover transitions told once each (Perdir BPJS Ketenagakerjaan 22/PERDIR.02/072022 item 12 (a) arrears, (b) lapse)", () => {
  it("coverage.arrears once when the first month passes its due date; a rerun the same day or the next emits nothing; a settling payment re-arms it", async () => {
    const e = await approvedOn("2026-11-02");
    const novDue = contributionDueDate("2026-11");
    await scan(at(novDue));
    expect(await eventsOf(e.id)).toEqual([]); // paying on the due date is on time
    const overdue = addDays(novDue, 1);
    await scan(at(overdue));
    await scan(at(overdue));
    await scan(at(addDays(overdue, 1)));
    expect(await eventsOf(e.id)).toEqual([{ type: "coverage.arrears", payload: expect.objectContaining({ kpj: e.kpj, status: "ARREARS", unpaidMonths: ["2026-11"] }) }]);
    expect(JSON.stringify(await eventsOf(e.id))).not.toContain(e.nik);

    // November paid: cover active through November, the told state is cleared.
    await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: price("2026-11"), paidOn: addDays(overdue, 1), channel: "BANK_TELLER", reference: `SCAN-${Date.now()}-${++seq}` }, at(addDays(overdue, 1)));
    await scan(at(addDays(overdue, 2)));
    expect(await db().coverageAlert.count({ where: { enrolmentId: e.id } })).toBe(0);
    expect(await eventsOf(e.id)).toHaveLength(1);
    // December then goes overdue unpaid: a new transition, told again once.
    const decOverdue = addDays(contributionDueDate("2026-12"), 1);
    await scan(at(decOverdue));
    await scan(at(addDays(decOverdue, 1)));
    expect((await eventsOf(e.id)).map((x) => [x.type, (x.payload as { unpaidMonths: string[] }).unpaidMonths])).toEqual([
      ["coverage.arrears", ["2026-11"]],
      ["coverage.arrears", ["2026-12"]],
    ]);
  });

  it("coverage.lapsed once when the arrears window has passed (last day of the third month after protection ended), and the debtor's lapse message follows", async () => {
    const e = await approvedOn("2026-11-02");
    await scan(at(addDays(contributionDueDate("2026-11"), 1)));
    // Nothing ever paid: protection "ended" 31/10/2026, arrears payable until 31/01/2027; lapsed from 01/02/2027.
    await scan(at("2027-01-31"));
    expect((await eventsOf(e.id)).map((x) => x.type)).toEqual(["coverage.arrears"]);
    await scan(at("2027-02-01"));
    await scan(at("2027-02-01"));
    await scan(at("2027-02-02"));
    const events = await eventsOf(e.id);
    expect(events.map((x) => x.type)).toEqual(["coverage.arrears", "coverage.lapsed"]);
    expect(events[1]!.payload).toMatchObject({ kpj: e.kpj, status: "LAPSED", protectionEnded: "2026-10-31", arrearsDeadline: "2027-01-31" });
    expect(await db().coverageAlert.findUnique({ where: { enrolmentId: e.id }, select: { state: true } })).toEqual({ state: "LAPSED" });

    // The subscriber turns both events into the debtor's messages, once each.
    await runQueuedJobs({ names: ["events.dispatch"] });
    expect((await messagesOf(e.id, "LAPSED")).map((m) => m.status)).toEqual(["PENDING"]);
    expect((await messagesOf(e.id, "ARREARS_REMINDER")).map((m) => m.status)).toEqual(["PENDING"]);
    await runQueuedJobs({ names: ["events.dispatch"] });
    expect(await messagesOf(e.id, "LAPSED")).toHaveLength(1);
  });
});

describe("the scan is a batched job, not a request", () => {
  it("walks the candidates in batches: batches of 2 over this file's enrolments tell each transition once", async () => {
    const a = await approvedOn("2026-11-02");
    const b = await approvedOn("2026-11-02");
    const day = at(addDays(contributionDueDate("2026-11"), 1));
    const small = await runDailyScan(day, { batchSize: 2, only: mine });
    expect(small.scanned).toBeGreaterThan(4);
    expect((await eventsOf(a.id)).map((x) => x.type)).toEqual(["coverage.arrears"]);
    expect((await eventsOf(b.id)).map((x) => x.type)).toEqual(["coverage.arrears"]);
    const again = await runDailyScan(day, { only: mine });
    expect(again).toMatchObject({ arrears: 0, lapsed: 0 });
    expect((await eventsOf(a.id)).map((x) => x.type)).toEqual(["coverage.arrears"]);
  });

  it("is registered for the worker with its daily cron (23:00 UTC = 06:00 WIB) and runs through the queue like any job", async () => {
    expect(JOBS.find((j) => j.name === "notify.daily-scan")?.options.cron).toBe("0 23 * * *");
    // Queued for this file's enrolments (the operator's re-run): the cron's whole-table run at the real
    // time would tell every other file's enrolments in this database and crowd the queues they drain.
    await enqueue(dailyScanJob, { only: [...mine] });
    expect(await runQueuedJobs({ names: ["notify.daily-scan"] })).toEqual({ completed: 1, failed: 0 });
  });
});
