/**
 * The reviewer home's figures (issue #13, docs/decisions/0026): waiting, past the review's service
 * level, returned-and-resubmitted and in arrears, counted in the reviewer's own Kantor Cabang
 * (docs/regulation.md §7: a reviewer sees their own branch) without reading a list — and each equal
 * to the length of the list it links to.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/data";
import { db } from "@/lib/db";
import { arrearsList, reviewQueue, reviewerHome, type ReviewerHomeFigure } from "@/lib/review/data";
import { approveEnrolment, returnEnrolment } from "@/lib/review/mutations";
import { parseQueueQuery } from "@/lib/review/schema";
import { demoActors, type DemoActors } from "../support/db";
import { resubmitCorrected, submittedEnrolment } from "../support/review";

let actors: DemoActors;
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  actors = await demoActors();
});
afterAll(async () => {
  await db().$disconnect();
});

async function figures(actor: Actor, now: Date): Promise<Record<ReviewerHomeFigure["key"], number>> {
  const home = await reviewerHome(actor, now);
  if (!home) throw new Error("no home for a reviewer");
  return Object.fromEntries(home.map((f) => [f.key, f.count])) as Record<ReviewerHomeFigure["key"], number>;
}

type Figures = Awaited<ReturnType<typeof figures>>;
const delta = (after: Figures, before: Figures) =>
  Object.fromEntries(Object.entries(after).map(([k, n]) => [k, n - before[k as keyof Figures]]));

/** Submitted at Bandung (or `kantorCabangCode`), returned by its reviewer, corrected and resubmitted by the officer. */
async function resubmitted(reviewer: Actor, kantorCabangCode?: string) {
  const e = await submittedEnrolment(actors.officerBri, { kantorCabangCode });
  await returnEnrolment(reviewer, { enrolmentId: e.id, version: e.version, reason: "Lampirkan foto kartu NPWP debitur." }, new Date());
  await resubmitCorrected(actors.officerBri, e.id, { heirName: "Dewi Lestari" });
  return e.id;
}

describe("reviewer home: counts of the reviewer's own branch, each the length of its list", () => {
  it("counts waiting, past-SLA, resubmitted and arrears items of Bandung, and none of Semarang's", async () => {
    const now = new Date();
    const bandungBefore = await figures(actors.reviewerBandung, now);
    const semarangBefore = await figures(actors.reviewerSemarang, now);

    // Bandung: one fresh, one waiting three weeks (past the 2-working-day service level), one
    // resubmitted after a return, one approved four months ago and never paid (in arrears).
    const fresh = await submittedEnrolment(actors.officerBri);
    const old = await submittedEnrolment(actors.officerBri, { submittedAt: new Date(now.getTime() - 21 * DAY) });
    const back = await resubmitted(actors.reviewerBandung);
    const unpaid = await submittedEnrolment(actors.officerBri, { submittedAt: new Date(now.getTime() - 120 * DAY) });
    await approveEnrolment(actors.reviewerBandung, { enrolmentId: unpaid.id, version: unpaid.version }, new Date(now.getTime() - 119 * DAY));

    // Semarang: the same kinds, which Bandung's figures must not count.
    await submittedEnrolment(actors.officerBri, { kantorCabangCode: "KC-SEMARANG", submittedAt: new Date(now.getTime() - 21 * DAY) });
    await resubmitted(actors.reviewerSemarang, "KC-SEMARANG");
    const semarangUnpaid = await submittedEnrolment(actors.officerBri, { kantorCabangCode: "KC-SEMARANG", submittedAt: new Date(now.getTime() - 120 * DAY) });
    await approveEnrolment(actors.reviewerSemarang, { enrolmentId: semarangUnpaid.id, version: semarangUnpaid.version }, new Date(now.getTime() - 119 * DAY));

    const bandung = await figures(actors.reviewerBandung, now);
    expect(delta(bandung, bandungBefore)).toEqual({ waiting: 3, overdue: 1, resubmitted: 1, arrears: 1 });
    const semarang = await figures(actors.reviewerSemarang, now);
    expect(delta(semarang, semarangBefore)).toEqual({ waiting: 2, overdue: 1, resubmitted: 1, arrears: 1 });

    // Each figure is the total of the list it links to, and the lists hold what was counted.
    const overdueList = (await reviewQueue(actors.reviewerBandung, parseQueueQuery({ view: "overdue" }), now))!;
    expect(overdueList.total).toBe(bandung.overdue);
    expect(overdueList.rows.every((r) => r.overdue)).toBe(true);
    const resubmittedList = (await reviewQueue(actors.reviewerBandung, parseQueueQuery({ view: "resubmitted" }), now))!;
    expect(resubmittedList.total).toBe(bandung.resubmitted);
    expect((await reviewQueue(actors.reviewerBandung, parseQueueQuery({}), now))!.total).toBe(bandung.waiting);
    expect((await arrearsList(actors.reviewerBandung, 1, now))!.total).toBe(bandung.arrears);

    const ids = async (view: "overdue" | "resubmitted") => {
      const all: string[] = [];
      for (let page = 1; ; page++) {
        const p = (await reviewQueue(actors.reviewerBandung, parseQueueQuery({ view, page: String(page) }), now))!;
        all.push(...p.rows.map((r) => r.id));
        if (page >= p.pageCount) return all;
      }
    };
    expect(await ids("overdue")).toContain(old.id);
    expect(await ids("overdue")).not.toContain(fresh.id);
    expect(await ids("resubmitted")).toContain(back);
    expect(await ids("resubmitted")).not.toContain(fresh.id);
  });

  it("links each figure to its filtered list; no home for an officer or a Kanwil manager", async () => {
    const home = (await reviewerHome(actors.reviewerBandung, new Date()))!;
    expect(home.map((f) => [f.key, f.href])).toEqual([
      ["waiting", "/tinjauan"],
      ["overdue", "/tinjauan?view=overdue"],
      ["resubmitted", "/tinjauan?view=resubmitted"],
      ["arrears", "/tunggakan"],
    ]);
    expect(await reviewerHome(actors.officerBri, new Date())).toBeNull();
    expect(await reviewerHome(actors.managerJabar, new Date())).toBeNull();
  });
});
