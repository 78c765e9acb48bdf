/**
 * Dashboards that do not mislead (issue #13, docs/decisions/0026): every Kanwil in a national view
 * and every Kantor Cabang in a Kanwil view even without enrolments (a zero row, not a missing one);
 * the month in progress marked partial; and the enrolments behind the pending and arrears figures,
 * listed under the same filters and scope as the page (docs/regulation.md §7: a Kanwil manager sees
 * their own Kanwil).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { BEHIND_PAGE_SIZE, dashboardFigures, enrolmentsBehind, resolveDashboardFilter, type ResolvedFilter } from "@/lib/dashboard/data";
import { parseDashboardQuery } from "@/lib/dashboard/schema";
import { approveEnrolment } from "@/lib/review/mutations";
import { addMonths, todayInZone } from "@/lib/rules";
import type { Actor } from "@/lib/auth/data";
import { demoActors, type DemoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";

const TODAY = todayInZone(new Date(), "Asia/Jakarta");
const q = (params: Record<string, string>) => parseDashboardQuery(params, TODAY.slice(0, 7));
const labels = { scheme: (c: string) => c, sector: (c: string) => c, province: (c: string) => c };
const DAY = 24 * 3600 * 1000;
let actors: DemoActors;

beforeAll(async () => {
  actors = await demoActors();
});
afterAll(async () => {
  await db().$disconnect();
});

async function view(actor: Actor, params: Record<string, string> = {}): Promise<ResolvedFilter> {
  const f = await resolveDashboardFilter(actor, q(params));
  if (!f) throw new Error("no view");
  return f;
}

/** Every row of the list behind a figure (all pages). */
async function allBehind(actor: Actor, f: ResolvedFilter, figure: "pending" | "arrears") {
  const first = await enrolmentsBehind(actor, f, figure, TODAY, 1);
  const rows = [...first.rows];
  for (let p = 2; p <= first.pageCount; p++) rows.push(...(await enrolmentsBehind(actor, f, figure, TODAY, p)).rows);
  return { total: first.total, rows };
}

describe("zero rows: a place without enrolments is a row of zeros", () => {
  it("a national view lists every active Kanwil, those without enrolments with zeros", async () => {
    const fig = await dashboardFigures(await view(actors.headOffice), TODAY, labels);
    const active = await db().kanwil.findMany({ where: { retiredAt: null }, select: { code: true } });
    expect(new Set(fig.byKanwil.map((r) => r.code))).toEqual(new Set(active.map((k) => k.code)));
    const empty = fig.byKanwil.filter((r) => r.enrolments === 0);
    expect(empty.length).toBeGreaterThan(0);
    expect(empty.every((r) => r.approved === 0 && r.mandatory === 0 && r.label.length > 0)).toBe(true);
    // Zero rows come after every row with enrolments.
    expect(fig.byKanwil.findIndex((r) => r.enrolments === 0)).toBe(fig.byKanwil.length - empty.length);
  });

  it("a Kanwil view lists every Kantor Cabang of the Kanwil and no other; a branch view only that branch", async () => {
    const fig = await dashboardFigures(await view(actors.managerJabar), TODAY, labels);
    const jabar = await db().kantorCabang.findMany({ where: { kanwil: { code: "JAWA_BARAT" }, retiredAt: null }, select: { code: true } });
    expect(new Set(fig.byKc!.map((r) => r.code))).toEqual(new Set(jabar.map((k) => k.code)));
    expect(fig.byKanwil.map((r) => r.code)).toEqual(["JAWA_BARAT"]);
    const branch = await dashboardFigures(await view(actors.managerJabar, { kc: "KC-BANDUNG-SUCI" }), TODAY, labels);
    expect(branch.byKc!.map((r) => r.code)).toEqual(["KC-BANDUNG-SUCI"]);
  });
});

describe("the month in progress", () => {
  it("is partial when the period reaches today's month, and only then", async () => {
    const now = await dashboardFigures(await view(actors.headOffice), TODAY, labels);
    expect(now.partialMonth).toBe(TODAY.slice(0, 7));
    expect(now.byMonth.at(-1)!.month).toBe(TODAY.slice(0, 7));
    expect(now.partialWeek! <= TODAY).toBe(true);
    const past = addMonths(TODAY.slice(0, 7), -2);
    const before = await dashboardFigures(await view(actors.headOffice, { from: addMonths(past, -3), to: past }), TODAY, labels);
    expect(before.partialMonth).toBeNull();
  });
});

describe("the enrolments behind the pending and arrears figures, scoped like the page", () => {
  it("pending lists as many as the status table's 'awaiting review', only the manager's own Kanwil", async () => {
    // Submitted in a month of its own, so the list behind the figure is this test's, not every other
    // file's (the 10,000-row bulk test alone puts 9,999 pending Bandung enrolments in today's month).
    const submittedAt = new Date("2024-05-14T03:00:00Z");
    const period = { from: "2024-05", to: "2024-05" };
    const bandung = await submittedEnrolment(actors.officerBri, { submittedAt });
    const semarang = await submittedEnrolment(actors.officerBri, { kantorCabangCode: "KC-SEMARANG", submittedAt });
    const f = await view(actors.managerJabar, period);
    const fig = await dashboardFigures(f, TODAY, labels);
    const pending = await allBehind(actors.managerJabar, f, "pending");
    expect(pending.total).toBe(fig.byStatus.find((s) => s.status === "SUBMITTED")!.enrolments);
    expect(pending.rows.length).toBe(pending.total);
    const ids = pending.rows.map((r) => r.id);
    expect(ids).toContain(bandung.id);
    expect(ids).not.toContain(semarang.id);
    // The manager sees the NIK as the permission module shows it to them.
    expect(pending.rows.find((r) => r.id === bandung.id)!.nikMasked).not.toBe(bandung.nik);
    expect(pending.rows.every((r) => r.status === "SUBMITTED")).toBe(true);
    // Head office's view of Kanwil Jawa Tengah holds the Semarang one, not the Bandung one.
    const jateng = await allBehind(actors.headOffice, await view(actors.headOffice, { ...period, kanwil: "JATENG_DIY" }), "pending");
    expect(jateng.rows.map((r) => r.id)).toContain(semarang.id);
    expect(jateng.rows.map((r) => r.id)).not.toContain(bandung.id);
  });

  it("arrears lists the approved enrolments owing past-due months of the period; their amounts add up to the figure", async () => {
    const unpaid = await submittedEnrolment(actors.officerBri, { submittedAt: new Date(Date.now() - 100 * DAY) });
    await approveEnrolment(actors.reviewerBandung, { enrolmentId: unpaid.id, version: unpaid.version }, new Date(Date.now() - 99 * DAY));
    const f = await view(actors.managerJabar);
    const fig = await dashboardFigures(f, TODAY, labels);
    const arrears = await allBehind(actors.managerJabar, f, "arrears");
    expect(arrears.rows.map((r) => r.id)).toContain(unpaid.id);
    expect(arrears.rows.reduce((s, r) => s + (r.owed ?? 0), 0)).toBe(fig.contributions.arrears);
    expect(arrears.rows.every((r) => r.status === "APPROVED" && (r.owed ?? 0) > 0)).toBe(true);
    // Narrowed to another penyalur, the BRI enrolment is not behind the figure.
    const bni = await view(actors.managerJabar, { penyalur: "BNI" });
    expect((await allBehind(actors.managerJabar, bni, "arrears")).rows.map((r) => r.id)).not.toContain(unpaid.id);
    expect(BEHIND_PAGE_SIZE).toBe(20);
  });
});
