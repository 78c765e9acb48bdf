/**
 * Scope of the dashboards (docs/regulation.md §7, issue #6): a regional manager sees only their own Kanwil,
 * whatever the URL asks for; head office sees all; nobody else sees dashboards. The export route
 * and the page both go through resolveDashboardFilter, so these cases cover both (the e2e suite
 * also tries the crafted URLs in the browser).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { dashboardFigures, detailRows, resolveDashboardFilter, type ResolvedFilter } from "@/lib/dashboard/data";
import { parseDashboardQuery } from "@/lib/dashboard/schema";
import { setTarget } from "@/lib/dashboard/mutations";
import { targetsForView } from "@/lib/dashboard/data";
import { todayInZone } from "@/lib/rules";
import { demoActors, type DemoActors } from "../support/db";

const TODAY = todayInZone(new Date(), "Asia/Jakarta");
const q = (params: Record<string, string>) => parseDashboardQuery(params, TODAY.slice(0, 7));
const labels = { scheme: (c: string) => c, sector: (c: string) => c, province: (c: string) => c };
let actors: DemoActors;
let jabarId: string;

beforeAll(async () => {
  actors = await demoActors();
  jabarId = (await db().kanwil.findUniqueOrThrow({ where: { code: "JAWA_BARAT" } })).id;
});
afterAll(async () => {
  await db().dashboardTarget.deleteMany({ where: { year: 2031 } });
  await db().$disconnect();
});

describe("who sees which dashboard", () => {
  it("a regional manager gets their own Kanwil, locked, without asking", async () => {
    const f = await resolveDashboardFilter(actors.managerJabar, q({}));
    expect(f?.kanwil?.code).toBe("JAWA_BARAT");
    expect(f?.kanwilLocked).toBe(true);
  });

  it.each([
    ["another Kanwil", { kanwil: "DKI_JAKARTA" }],
    ["a branch of another Kanwil", { kc: "KC-SEMARANG" }],
    ["another Kanwil with their own branch", { kanwil: "JATENG_DIY", kc: "KC-BANDUNG-SUCI" }],
    ["an unknown Kanwil", { kanwil: "ATLANTIS" }],
  ])("a regional manager asking for %s by URL gets nothing (404)", async (_what, params) => {
    expect(await resolveDashboardFilter(actors.managerJabar, q(params))).toBeNull();
  });

  it("a regional manager may drill into a branch of their own Kanwil", async () => {
    const f = await resolveDashboardFilter(actors.managerJabar, q({ kc: "KC-BANDUNG-SUCI" }));
    expect(f?.kc?.code).toBe("KC-BANDUNG-SUCI");
  });

  it("head office may pick any Kanwil; a branch left over from another Kanwil is dropped", async () => {
    expect((await resolveDashboardFilter(actors.headOffice, q({ kanwil: "DKI_JAKARTA" })))?.kanwil?.code).toBe("DKI_JAKARTA");
    const f = await resolveDashboardFilter(actors.headOffice, q({ kanwil: "DKI_JAKARTA", kc: "KC-BANDUNG-SUCI" }));
    expect(f?.kanwil?.code).toBe("DKI_JAKARTA");
    expect(f?.kc).toBeNull();
    expect((await resolveDashboardFilter(actors.headOffice, q({ kc: "KC-SEMARANG" })))?.kanwil?.code).toBe("JATENG_DIY");
  });

  it.each(["officerBri", "reviewerBandung", "admin"] as const)("%s sees no dashboard at all", async (who) => {
    expect(await resolveDashboardFilter(actors[who], q({}))).toBeNull();
  });

  it("a regional manager's figures and detail export hold only their Kanwil's enrolments", async () => {
    const f = (await resolveDashboardFilter(actors.managerJabar, q({})))!;
    const figures = await dashboardFigures(f, TODAY, labels);
    expect(figures.byKanwil.map((r) => r.key)).toEqual(figures.totals.enrolments ? [jabarId] : []);
    const kcs = await db().kantorCabang.findMany({ where: { id: { in: figures.byKc!.map((r) => r.key) } }, select: { kanwilId: true } });
    expect(new Set(kcs.map((k) => k.kanwilId))).toEqual(new Set(figures.byKc!.length ? [jabarId] : []));
    const kanwilNames = new Set<string>();
    let rows = 0;
    for await (const batch of detailRows(f, 2)) {
      for (const r of batch) kanwilNames.add(r.kanwil);
      rows += batch.length;
    }
    expect(rows).toBe(figures.totals.enrolments);
    expect([...kanwilNames]).toEqual(rows ? ["Kanwil Jawa Barat"] : []);
  });
});

describe("targets (administrators only, audited)", () => {
  it("an administrator sets a Kanwil target and replaces it; each change leaves an audit event with before and after", async () => {
    const first = await setTarget(actors.admin, { year: 2031, kanwil: "JAWA_BARAT", approvedTarget: 1000, complianceTargetPct: 90 });
    expect(first.created).toBe(true);
    const second = await setTarget(actors.admin, { year: 2031, kanwil: "JAWA_BARAT", approvedTarget: 1200, complianceTargetPct: 95 });
    expect(second).toEqual({ id: first.id, created: false });
    const events = await db().auditEvent.findMany({ where: { entityType: "DashboardTarget", entityId: first.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["target.create", "target.update"]);
    expect(events[1]!.before).toEqual({ approvedTarget: 1000, complianceTargetPct: 90 });
    expect(events[1]!.actorId).toBe(actors.admin.id);
  });

  it("a branch target must name a branch of the chosen Kanwil", async () => {
    await expect(setTarget(actors.admin, { year: 2031, kanwil: "JAWA_BARAT", kc: "KC-SEMARANG", approvedTarget: 5, complianceTargetPct: 5 })).rejects.toMatchObject({ code: "VALIDATION", options: { fieldErrors: { kc: ["Kantor Cabang ini bukan bagian dari Kanwil yang dipilih."] } } });
    // In the user's language: the action passes the locale of the request.
    await expect(setTarget(actors.admin, { year: 2031, kanwil: "ATLANTIS", approvedTarget: 5, complianceTargetPct: 5 }, "en")).rejects.toMatchObject({ code: "VALIDATION", options: { fieldErrors: { kanwil: ["Kanwil not found. Choose one from the list."] } } });
  });

  it("nobody but an administrator sets targets", async () => {
    for (const who of ["managerJabar", "headOffice", "officerBri"] as const) {
      await expect(setTarget(actors[who], { year: 2031, kanwil: "JAWA_BARAT", approvedTarget: 1, complianceTargetPct: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("the dashboard shows a Kanwil's targets beside its actual figures, to its own manager only", async () => {
    await setTarget(actors.admin, { year: 2031, kanwil: "JAWA_BARAT", kc: "KC-BANDUNG-SUCI", approvedTarget: 300, complianceTargetPct: 80 });
    await setTarget(actors.admin, { year: 2031, kanwil: "DKI_JAKARTA", approvedTarget: 700, complianceTargetPct: 85 });
    const f = (await resolveDashboardFilter(actors.managerJabar, q({ from: "2031-01", to: "2031-12" }))) as ResolvedFilter;
    const targets = await targetsForView(f);
    expect(targets.map((t) => [t.scope, t.code, t.approvedTarget])).toEqual([
      ["KANWIL", "JAWA_BARAT", 1200],
      ["KC", "KC-BANDUNG-SUCI", 300],
    ]);
  });
});
