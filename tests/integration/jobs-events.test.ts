/**
 * The job queue (pg-boss, lib/jobs) and the domain-event outbox (lib/events) on the real database
 * (docs/decisions/0024-jobs-and-events.md): an event exists exactly when its change committed, its
 * fan-out job is queued in the same transaction, a tracked run reports progress and outcome, and the
 * change feed never skips an event whose transaction commits late.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import type { Actor } from "@/lib/auth/data";
import { db } from "@/lib/db";
import { eventsSince, recordEvent } from "@/lib/events";
import { defineJob, jobRunFor, startTrackedJob } from "@/lib/jobs";
import { logger } from "@/lib/log";
import { approveEnrolment, returnEnrolment } from "@/lib/review/mutations";
import { demoActors, type DemoActors } from "../support/db";
import { queuedJobs, runQueuedJobs } from "../support/jobs";
import { submittedEnrolment } from "../support/review";
import { signInAs, signOut } from "../support/actions";
import { GET as jobRoute } from "@/app/api/jobs/[id]/route";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));

let actors: DemoActors;
let officer: Actor;

beforeAll(async () => {
  actors = await demoActors();
  officer = actors.officerBri;
});

afterAll(async () => {
  await db().$disconnect();
});

const penyalurIdOf = async (enrolmentId: string) =>
  (await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId }, select: { penyalurId: true } })).penyalurId;

describe("domain events in the outbox", () => {
  it("approval writes enrolment.approved with the KPJ and no NIK, and queues its fan-out in the same transaction", async () => {
    const e = await submittedEnrolment(officer);
    const { kpj } = await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, new Date());
    const events = await db().outboxEvent.findMany({ where: { enrolmentId: e.id } });
    expect(events.map((x) => x.type)).toEqual(["enrolment.approved"]);
    expect(events[0]!.payload).toMatchObject({ status: "APPROVED", kpj });
    expect(JSON.stringify(events[0]!.payload)).not.toContain(e.nik);
    const jobs = await queuedJobs("events.dispatch");
    expect(jobs.filter((j) => (j.data as { input: { eventId: string } }).input.eventId === events[0]!.id)).toHaveLength(1);

    await runQueuedJobs({ names: ["events.dispatch"] });
    const after = await db().outboxEvent.findUniqueOrThrow({ where: { id: events[0]!.id } });
    expect(after.dispatchedAt).not.toBeNull();
  });

  it("a change that rolls back leaves neither an event nor a job", async () => {
    const e = await submittedEnrolment(officer);
    const penyalurId = await penyalurIdOf(e.id);
    const before = (await queuedJobs("events.dispatch")).length;
    await expect(
      db().$transaction(async (tx) => {
        await recordEvent(tx, { type: "enrolment.returned", penyalurId, enrolmentId: e.id, payload: { reason: "x" } });
        throw new Error("the change fails after the event was recorded");
      }),
    ).rejects.toThrow(/change fails/);
    expect(await db().outboxEvent.count({ where: { enrolmentId: e.id } })).toBe(0);
    expect((await queuedJobs("events.dispatch")).length).toBe(before);
  });

  it("the change feed holds back events behind a transaction still open, so a late commit is never skipped", async () => {
    const e = await submittedEnrolment(officer);
    const penyalurId = await penyalurIdOf(e.id);
    const [last] = await db().outboxEvent.findMany({ where: { penyalurId }, orderBy: { seq: "desc" }, take: 1, select: { seq: true } });
    const cursor = last?.seq ?? 0n;

    // Transaction A takes its seq first and stays open; B writes after it and commits.
    const a = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await a.connect();
    try {
      await a.query("begin");
      await a.query(`insert into "OutboxEvent" (id, type, "penyalurId", "enrolmentId", payload) values (gen_random_uuid(), 'enrolment.returned', $1, $2, '{}')`, [penyalurId, e.id]);
      await returnEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version, reason: "Foto KTP buram" }, new Date());
      expect(await eventsSince(penyalurId, cursor, 100)).toEqual([]);
      await a.query("commit");
    } finally {
      await a.end();
    }
    const served = await eventsSince(penyalurId, cursor, 100);
    expect(served.map((x) => x.type)).toEqual(["enrolment.returned", "enrolment.returned"]);
    expect(BigInt(served[0]!.seq)).toBeLessThan(BigInt(served[1]!.seq));
  });
});

describe("tracked jobs", () => {
  const counted = defineJob<{ rows: number }>(
    "test.count-rows",
    async ({ rows }, ctx) => {
      for (let i = 1; i <= rows; i++) await ctx.progress(i, rows);
      return { counted: rows };
    },
    { retryLimit: 0 },
  );
  const broken = defineJob<Record<string, never>>(
    "test.always-fails",
    async () => {
      throw new Error("the file cannot be read");
    },
    { retryLimit: 1, retryDelay: 60 },
  );

  it("a run reports its progress and stores the handler's result for its owner only", async () => {
    const runId = await startTrackedJob(counted, { rows: 3 }, { ownerUserId: officer.id, label: "Hitung baris" });
    expect((await jobRunFor(runId, officer.id))?.status).toBe("QUEUED");
    expect(await jobRunFor(runId, actors.officerBni.id)).toBeNull();

    await runQueuedJobs({ names: [counted.name], defs: [counted] });
    const run = await db().jobRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: "SUCCEEDED", done: 3, total: 3, result: { counted: 3 }, attempts: 1 });
  });

  it("a failing run is retried, then FAILED with the id its error was logged under", async () => {
    const errors = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const runId = await startTrackedJob(broken, {}, { ownerUserId: officer.id, label: "Berkas rusak" });

    await runQueuedJobs({ names: [broken.name], defs: [broken] });
    const afterFirst = await db().jobRun.findUniqueOrThrow({ where: { id: runId } });
    expect(afterFirst.status).toBe("QUEUED");
    expect(afterFirst.errorId).toBeTruthy();

    await runQueuedJobs({ names: [broken.name], defs: [broken], retryNow: true });
    const final = await db().jobRun.findUniqueOrThrow({ where: { id: runId } });
    expect(final).toMatchObject({ status: "FAILED", attempts: 2 });
    expect(errors).toHaveBeenCalledTimes(2);
    const logged = errors.mock.calls.map((c) => JSON.stringify(c[0]));
    expect(logged.some((l) => l.includes(final.errorId!))).toBe(true);
    errors.mockRestore();
  });
});

describe("GET /api/jobs/<id>", () => {
  const quick = defineJob<Record<string, never>>("test.quick", async () => ({ ok: true }), { retryLimit: 0 });
  const get = (id: string) => jobRoute(new Request(`http://portal.test/api/jobs/${id}`), { params: Promise.resolve({ id }) });

  it("answers the owner with the run's progress, and 404 to anyone else or for a non-id; 401 signed out", async () => {
    const runId = await startTrackedJob(quick, {}, { ownerUserId: officer.id, label: "Cepat" });
    await signInAs(officer.email);
    const mine = await get(runId);
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({ id: runId, status: "QUEUED", done: 0 });

    await signInAs(actors.officerBni.email);
    expect((await get(runId)).status).toBe(404);
    expect((await get("../../etc/passwd")).status).toBe(404);
    signOut();
    expect((await get(runId)).status).toBe(401);
  });
});
