import { describe, expect, it } from "vitest";
import type { DashboardFigures } from "@/lib/dashboard/data";
import { formatDuration, hoursBucket } from "@/lib/dashboard/median";
import { splitPartial } from "@/components/dashboard/charts";
import { complianceRate, detailColumns, detailRecord, figureLabels, figureTables, formatCell, schemeLabel, sectorLabel } from "@/lib/dashboard/tables";
import { ENROLMENT_COLUMNS, LINE_COLUMNS, generateActivity, generatedId, type ActivityMaster } from "../../../scripts/lib/activity";

describe("figures on screen", () => {
  it("money as Rp16.800, dates 21/11/2026, months 11/2026, counts and percentages in id-ID", () => {
    expect(formatCell("money", 16800, "id")).toBe("Rp16.800");
    expect(formatCell("date", "2026-11-21", "id")).toBe("21/11/2026");
    expect(formatCell("month", "2026-11", "id")).toBe("11/2026");
    expect(formatCell("int", 1234567, "id")).toBe("1.234.567");
    expect(formatCell("percent", 87.5, "id")).toBe("87,5%");
    expect(formatCell("percent", null, "id")).toBe("—");
  });

  it("the compliance rate is covered ÷ mandatory, one decimal, and undefined without mandatory debtors", () => {
    expect(complianceRate(7, 8)).toBe(87.5);
    expect(complianceRate(2, 3)).toBe(66.7);
    expect(complianceRate(0, 0)).toBeNull();
  });
});

describe("generated scale data (docs/regulation.md §8)", () => {
  const master: ActivityMaster = {
    kcs: new Map([
      ["kc-jabar", { id: "kc-jabar", kanwilCode: "JAWA_BARAT", provinceCode: "32", timeZone: "Asia/Jakarta" }],
      ["kc-sulsel", { id: "kc-sulsel", kanwilCode: "SULAMA", provinceCode: "73", timeZone: "Asia/Makassar" }],
    ]),
    offices: [
      { id: "o1", penyalurId: "p1", provinceCode: "32", kantorCabangId: "kc-jabar", weight: 3 },
      { id: "o2", penyalurId: "p2", provinceCode: "73", kantorCabangId: "kc-sulsel", weight: 1 },
    ],
    phaseRules: [],
    userId: "u1",
  };
  const rows = { enrolments: [] as string[][], lines: 0 };
  const counts = generateActivity(master, { enrolments: 4000, months: 24, today: "2026-11-21", seed: 3, runTag: "abcd" }, {
    participant: () => undefined,
    enrolment: (r) => rows.enrolments.push(r.trimEnd().split(",")),
    payment: () => undefined,
    line: () => (rows.lines += 1),
  });
  const column = (name: string) => ENROLMENT_COLUMNS.indexOf(name);

  it("mostly super mikro and mikro, ~7–8% KUR kecil", () => {
    const share = (scheme: string) => rows.enrolments.filter((r) => r[column("scheme")] === scheme).length / counts.enrolments;
    expect(share("KECIL")).toBeGreaterThan(0.06);
    expect(share("KECIL")).toBeLessThan(0.09);
    expect(share("SUPER_MIKRO") + share("MIKRO")).toBeGreaterThan(0.88);
  });

  it("about a dozen contribution lines per enrolment over two years, each row as wide as its table", () => {
    expect(counts.lines / counts.enrolments).toBeGreaterThan(8);
    expect(counts.lines / counts.enrolments).toBeLessThan(16);
    expect(LINE_COLUMNS.length).toBe(18);
  });

  it("sequential ids in the version-4 layout, sorted as generated", () => {
    const ids = [0, 1, 15, 16, 4095, 1_000_000].map((n) => generatedId("5ca1", 2, n));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe("the words of tables and exports come from the catalogue, in the user's language", () => {
  const row = { key: "k", label: "Kanwil Jawa Barat", code: "JAWA_BARAT", enrolments: 3, approved: 2, approvedPaid: 1, mandatory: 2, mandatoryCovered: 1 };
  const contributions = { lines: 0, billed: 0, gross: 0, relief: 0, paid: 0, paidLines: 0, arrears: 0, notYetDue: 0 };
  const figures: DashboardFigures = {
    filter: { from: "2026-01", to: "2026-02", kanwil: null, kc: null, penyalur: null, scheme: null, kanwilLocked: false },
    today: "2026-02-10",
    totals: row,
    byStatus: [{ status: "SUBMITTED", enrolments: 1 }, { status: "APPROVED", enrolments: 2 }],
    funnel: { submitted: 3, approved: 2, paid: 1, active: 1 },
    byKanwil: [row],
    byKc: null,
    byOffice: null,
    byPenyalur: [],
    byScheme: [{ ...row, label: schemeLabel("MIKRO", "en"), code: "MIKRO" }],
    bySector: [{ ...row, label: sectorLabel("TRADE", "en"), code: null }],
    byProvince: [],
    byMonth: [{ month: "2026-01", enrolments: 3, approved: 2, approvedPaid: 1 }],
    byWeek: [],
    partialMonth: null,
    partialWeek: null,
    contributions,
    contributionsByMonth: [{ month: "2026-01", ...contributions }],
    decisions: { count: 3, medianHours: 27, histogram: [{ hoursBucket: 2, decisions: 1 }, { hoursBucket: 96, decisions: 2 }] },
  };

  it("headings, titles, statuses, funnel stages and duration ranges in English", () => {
    const tables = figureTables(figures, [], { locale: "en", scopeCaption: "National" });
    expect(tables.get("status")!.columns.map((c) => c.label)).toEqual(["Status", "Enrolments"]);
    expect(tables.get("status")!.rows.map((r) => r.label)).toEqual(["Awaiting review", "Approved"]);
    expect(tables.get("status")!.caption).toBe("Enrolments by status — National");
    expect(tables.get("funnel")!.rows.map((r) => r.label)).toEqual(["Submitted", "Approved", "Paid (first month)", "Active (paid through this month)"]);
    expect(tables.get("kanwil")!.columns.at(-1)!.label).toBe("Mandatory compliance (%)");
    // Buckets are whole hours (floor) below 2 days, whole days below 30 (dash_hours_bucket): a range
    // holds its lower edge and stops short of its upper one, and the label says so.
    expect(tables.get("decisions")!.rows.slice(0, 2).map((r) => r.label)).toEqual(["under 4 hours", "4 hours to under 8 hours"]);
    expect(tables.get("decisions")!.rows.slice(-2).map((r) => r.label)).toEqual(["14 days to under 30 days", "≥ 30 days"]);
    expect(tables.get("sector")!.rows[0]!.label).toBe("Trade");
  });

  it("the same tables in Indonesian, as the screen and the e2e journeys know them", () => {
    const tables = figureTables(figures, [], { locale: "id", scopeCaption: "Nasional" });
    expect(tables.get("status")!.columns.map((c) => c.label)).toEqual(["Status", "Pendaftaran"]);
    expect(tables.get("status")!.rows.map((r) => r.label)).toEqual(["Menunggu verifikasi", "Disetujui"]);
    expect(tables.get("decisions")!.rows[0]!.label).toBe("kurang dari 4 jam");
    expect(tables.get("decisions")!.rows[5]!.label).toBe("3 hari sampai kurang dari 7 hari");
    expect(formatDuration(1, "en")).toBe("1 hour");
    expect(formatDuration(25, "en")).toBe("1 day 1 hour");
  });

  it("the detail export's headings and values: English labels, 'yes'/'no', mandate and sector named", () => {
    expect(detailColumns("en").map((c) => c.label)).toContain("Credit limit (Rp)");
    expect(detailColumns("id").map((c) => c.label)).toContain("Plafon (Rp)");
    const record = detailRecord(
      {
        enrolmentId: "e1", submittedDay: "2026-01-05", kanwil: "Kanwil Jawa Barat", kantorCabang: "KC Bandung Suci", penyalur: "BRI",
        penyalurOffice: "Kantor Cabang Bandung", scheme: "KECIL", plafon: 150_000_000, sectorGroup: "", provinceCode: "32",
        mandateStatus: "PHASED_REQUIRED", status: "RETURNED", decidedOn: null, firstMonthPaid: true, paidThroughMonth: null,
      },
      "en",
    );
    expect(record).toMatchObject({ scheme: "KUR Kecil", sectorGroup: "Not recorded", mandateStatus: "Mandatory (phased)", status: "Returned", firstMonthPaid: "yes" });
    expect(figureLabels("id").sector("SERVICES")).toBe("Jasa");
  });

  it("a decision of exactly 8 hours counts in '8 hours to under 24 hours', one of 7 h 59 in 'under 8' (the labels' boundaries are the buckets')", () => {
    const histogram = [7.99, 8, 23.99, 24].map((h) => ({ hoursBucket: hoursBucket(h), decisions: 1 }));
    const tables = figureTables({ ...figures, decisions: { count: 4, medianHours: null, histogram } }, [], { locale: "en", scopeCaption: "National" });
    const byLabel = Object.fromEntries(tables.get("decisions")!.rows.map((r) => [r.label, r.decisions]));
    expect(byLabel).toMatchObject({ "4 hours to under 8 hours": 1, "8 hours to under 1 day": 2, "1 day to under 2 days": 1 });
  });

  it("the month and week in progress are marked partial in the table and the export, with the day their data runs to", () => {
    const partial = { ...figures, byMonth: [{ month: "2026-01", enrolments: 9, approved: 5, approvedPaid: 4 }, { month: "2026-02", enrolments: 2, approved: 1, approvedPaid: 0 }], partialMonth: "2026-02", byWeek: [{ week: "2026-02-09", enrolments: 1, approved: 0 }], partialWeek: "2026-02-09" };
    const id = figureTables(partial, [], { locale: "id", scopeCaption: "Nasional" });
    expect(id.get("month")!.columns.at(-1)!.label).toBe("Kelengkapan");
    expect(id.get("month")!.rows.map((r) => r.completeness)).toEqual(["Lengkap", "Berjalan, data sampai 10/02/2026"]);
    expect(id.get("week")!.rows[0]!.completeness).toBe("Berjalan, data sampai 10/02/2026");
    expect(figureTables({ ...partial, partialMonth: null }, [], { locale: "en", scopeCaption: "National" }).get("month")!.rows.map((r) => r.completeness)).toEqual(["Complete", "Complete"]);
  });
});

describe("the trend chart draws the period in progress dashed, not as a fall (docs/decisions/0026)", () => {
  it("takes the partial month off the solid line and joins it to the last complete month with a dashed segment", () => {
    const rows = [{ m: "12/2025", n: 10 }, { m: "01/2026", n: 12 }, { m: "02/2026 (berjalan)", n: 3 }];
    const { data, partial } = splitPartial(rows, "m", ["n"], "02/2026 (berjalan)");
    expect(partial).toBe(true);
    expect(data.map((r) => r.n)).toEqual([10, 12, null]);
    expect(data.map((r) => r.nPartial)).toEqual([null, 12, 3]);
    expect(splitPartial(rows, "m", ["n"], null)).toEqual({ data: rows, partial: false });
  });
});
