import { describe, expect, it } from "vitest";
import { complianceRate, formatCell } from "@/lib/dashboard/tables";
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

describe("generated scale data (RULES.md §8)", () => {
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
