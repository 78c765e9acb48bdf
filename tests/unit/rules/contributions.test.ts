import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  JKM_FLAT,
  reliefCredit,
  RELIEF_RULES,
  TIER_TABLES,
  addMonths,
  contributionDueDate,
  contributionForMonth,
  findTier,
  monthRange,
  reliefFor,
  tierTableFor,
  type BpuSector,
} from "@/lib/rules";

// PP 44/2015 Lampiran II as stated in docs/regulation.md §3, written out by hand so that the generated table in
// lib/rules/data is checked against an independent copy: [index, minIncome, maxIncome, basis].
const LAMPIRAN_II: readonly (readonly [number, number, number | null, number])[] = [
  [1, 0, 1_099_999, 1_000_000],
  [2, 1_100_000, 1_299_999, 1_200_000],
  [3, 1_300_000, 1_499_999, 1_400_000],
  [4, 1_500_000, 1_699_999, 1_600_000],
  [5, 1_700_000, 1_899_999, 1_800_000],
  [6, 1_900_000, 2_099_999, 2_000_000],
  [7, 2_100_000, 2_299_999, 2_200_000],
  [8, 2_300_000, 2_499_999, 2_400_000],
  [9, 2_500_000, 2_699_999, 2_600_000],
  [10, 2_700_000, 3_199_999, 2_950_000],
  [11, 3_200_000, 3_699_999, 3_450_000],
  [12, 3_700_000, 4_199_999, 3_950_000],
  [13, 4_200_000, 4_699_999, 4_450_000],
  [14, 4_700_000, 5_199_999, 4_950_000],
  [15, 5_200_000, 5_699_999, 5_450_000],
  [16, 5_700_000, 6_199_999, 5_950_000],
  [17, 6_200_000, 6_699_999, 6_450_000],
  [18, 6_700_000, 7_199_999, 6_950_000],
  [19, 7_200_000, 7_699_999, 7_450_000],
  [20, 7_700_000, 8_199_999, 7_950_000],
  [21, 8_200_000, 9_199_999, 8_700_000],
  [22, 9_200_000, 10_199_999, 9_700_000],
  [23, 10_200_000, 11_199_999, 10_700_000],
  [24, 11_200_000, 12_199_999, 11_700_000],
  [25, 12_200_000, 13_199_999, 12_700_000],
  [26, 13_200_000, 14_199_999, 13_700_000],
  [27, 14_200_000, 15_199_999, 14_700_000],
  [28, 15_200_000, 16_199_999, 15_700_000],
  [29, 16_200_000, 17_199_999, 16_700_000],
  [30, 17_200_000, 18_199_999, 17_700_000],
  [31, 18_200_000, 19_199_999, 18_700_000],
  [32, 19_200_000, 20_199_999, 19_700_000],
  [33, 20_200_000, null, 20_700_000],
];

const CURRENT = "pp44-2015-lampiran-ii@2015-07-01";

describe("BPU income tiers — PP 44/2015 Lampiran II (docs/regulation.md §3)", () => {
  it("has exactly 33 tiers, one version, contiguous from Rp0 with an open top tier", () => {
    expect(TIER_TABLES.map((t) => t.version)).toEqual([CURRENT]);
    const { tiers } = tierTableFor("2026-11-21");
    expect(tiers).toHaveLength(33);
    expect(tiers[0]?.minIncome).toBe(0);
    expect(tiers.at(-1)?.maxIncome).toBeNull();
    tiers.forEach((tier, i) => {
      expect(tier.index).toBe(i + 1);
      const next = tiers[i + 1];
      if (next) expect(next.minIncome).toBe((tier.maxIncome ?? Number.NaN) + 1);
    });
  });

  it("matches the Lampiran II figures row by row", () => {
    expect(tierTableFor("2026-11-21").tiers.map((t) => [t.index, t.minIncome, t.maxIncome, t.basis])).toEqual(LAMPIRAN_II);
  });

  it.each(LAMPIRAN_II)("tier %d: from %d to %s selects basis %d; one rupiah less is the tier below", (index, min, max, basis) => {
    expect(findTier(min)).toMatchObject({ index, basis });
    expect(findTier(max ?? 1_000_000_000)).toMatchObject({ index, basis });
    if (index > 1) expect(findTier(min - 1).index).toBe(index - 1);
  });

  it("is in force from 2015-07-01 and not before", () => {
    expect(tierTableFor("2015-07-01").version).toBe(CURRENT);
    expect(() => tierTableFor("2015-06-30")).toThrow(RangeError);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses a declared income of %d", (income) => {
    expect(() => findTier(income)).toThrow(RangeError);
  });
});

describe("BPU contribution lines — JKK 1%, JKM Rp6.800, JHT 2% (docs/regulation.md §3, PP 44/2015 jo. PP 82/2019)", () => {
  it("keeps JKM as a dated rate, Rp6.800", () => {
    expect(JKM_FLAT).toBe(6_800);
  });

  it("the minimum contribution is Rp16.800 (JKK 10.000 + JKM 6.800) outside relief", () => {
    expect(contributionForMonth({ declaredIncome: 500_000, jht: false, sector: "OTHER", month: "2026-03" })).toEqual({
      month: "2026-03",
      tierTableVersion: CURRENT,
      tierIndex: 1,
      tierBasis: 1_000_000,
      gross: { jkk: 10_000, jkm: 6_800, jht: 0, total: 16_800 },
      jkk: 10_000,
      jkm: 6_800,
      jht: 0,
      discount: 0,
      reliefRuleId: null,
      total: 16_800,
      dueDate: "2026-03-16", // the 15th is a Sunday
    });
  });

  it.each([
    // income, jht, basis, jkk, jkm, jht, total
    [5_000_000, true, 4_950_000, 49_500, 6_800, 99_000, 155_300],
    [5_000_000, false, 4_950_000, 49_500, 6_800, 0, 56_300],
    [25_000_000, true, 20_700_000, 207_000, 6_800, 414_000, 627_800],
    [2_700_000, true, 2_950_000, 29_500, 6_800, 59_000, 95_300],
  ])("income %d with JHT %s: basis %d → JKK %d + JKM %d + JHT %d = %d", (income, jht, basis, jkk, jkm, jhtAmount, total) => {
    const q = contributionForMonth({ declaredIncome: income, jht, sector: "OTHER", month: "2026-02" });
    expect(q).toMatchObject({ tierBasis: basis, jkk, jkm, jht: jhtAmount, total, discount: 0, reliefRuleId: null });
  });

  it.each([
    [{ declaredIncome: -1 }],
    [{ declaredIncome: 1_000_000.5 }],
    [{ month: "2026-13" }],
    [{ month: "2026-1" }],
    [{ month: "202611" }],
    [{ month: "2026-11-01" }],
    [{ sector: "FARMING" as BpuSector }],
    [{ month: "2015-06" }],
  ])("refuses invalid input %j with a RangeError", (override) => {
    expect(() => contributionForMonth({ declaredIncome: 1_000_000, jht: false, sector: "OTHER", month: "2026-11", ...override })).toThrow(
      RangeError,
    );
  });
});

describe("PP 50/2025 relief: JKK and JKM halved, never JHT (docs/regulation.md §3)", () => {
  it("has one dated rule per sector window, halving JKK and JKM", () => {
    expect(RELIEF_RULES.map((r) => [r.id, r.sectors, r.fromMonth, r.toMonth, r.jkkFactor, r.jkmFactor])).toEqual([
      ["PP50-2025-NONTRANSPORT", ["OTHER"], "2026-04", "2026-12", 0.5, 0.5],
      ["PP50-2025-TRANSPORT", ["TRANSPORT"], "2026-01", "2027-03", 0.5, 0.5],
    ]);
    for (const r of RELIEF_RULES) expect(r.legalBasis).toBe("PP 50/2025");
  });

  it("no two relief rules cover the same sector and month", () => {
    for (const sector of ["TRANSPORT", "OTHER"] as const) {
      const months = RELIEF_RULES.filter((r) => r.sectors.includes(sector)).flatMap((r) => monthRange(r.fromMonth, r.toMonth));
      expect(new Set(months).size).toBe(months.length);
    }
  });

  it("example of docs/regulation.md §3: minimum tier, 2026-11, non-transport → JKK 5.000 + JKM 3.400 = Rp8.400", () => {
    const q = contributionForMonth({ declaredIncome: 1_000_000, jht: false, sector: "OTHER", month: "2026-11" });
    expect(q).toMatchObject({ jkk: 5_000, jkm: 3_400, jht: 0, total: 8_400, discount: 8_400, reliefRuleId: "PP50-2025-NONTRANSPORT" });
    expect(q.gross).toEqual({ jkk: 10_000, jkm: 6_800, jht: 0, total: 16_800 });
  });

  it.each([
    ["OTHER", "2026-03", null],
    ["OTHER", "2026-04", "PP50-2025-NONTRANSPORT"],
    ["OTHER", "2026-12", "PP50-2025-NONTRANSPORT"],
    ["OTHER", "2027-01", null],
    ["OTHER", "2026-01", null],
    ["TRANSPORT", "2025-12", null],
    ["TRANSPORT", "2026-01", "PP50-2025-TRANSPORT"],
    ["TRANSPORT", "2026-03", "PP50-2025-TRANSPORT"],
    ["TRANSPORT", "2027-03", "PP50-2025-TRANSPORT"],
    ["TRANSPORT", "2027-04", null],
  ] as const)("%s in %s → relief %s", (sector, month, ruleId) => {
    const q = contributionForMonth({ declaredIncome: 1_000_000, jht: true, sector, month });
    expect(q.reliefRuleId).toBe(ruleId);
    expect(reliefFor(sector, month)?.id ?? null).toBe(ruleId);
    if (ruleId) expect(q).toMatchObject({ jkk: 5_000, jkm: 3_400, jht: 20_000, total: 28_400, discount: 8_400 });
    else expect(q).toMatchObject({ jkk: 10_000, jkm: 6_800, jht: 20_000, total: 36_800, discount: 0 });
  });

  it("relief at a higher tier halves JKK and JKM and leaves JHT whole", () => {
    const q = contributionForMonth({ declaredIncome: 5_000_000, jht: true, sector: "OTHER", month: "2026-05" });
    expect(q).toMatchObject({ jkk: 24_750, jkm: 3_400, jht: 99_000, total: 127_150, discount: 28_150 });
  });

  it.each([
    ["OTHER", "2026-11"],
    ["TRANSPORT", "2026-01"],
  ] as const)("no relief when the contribution is paid from a state or regional budget (%s, %s)", (sector, month) => {
    const q = contributionForMonth({ declaredIncome: 1_000_000, jht: false, sector, month, fundedByBudget: true });
    expect(q).toMatchObject({ reliefRuleId: null, jkk: 10_000, jkm: 6_800, total: 16_800, discount: 0 });
    expect(reliefFor(sector, month, true)).toBeNull();
  });
});

describe("due date: the 15th of the contribution month, or the next working day (docs/regulation.md §3)", () => {
  it.each([
    ["2026-06", "2026-06-15"], // Monday
    ["2026-10", "2026-10-15"], // Thursday
    ["2026-11", "2026-11-16"], // Sunday → Monday
    ["2026-08", "2026-08-18"], // Saturday → Monday 17 August is Independence Day → Tuesday
    ["2026-05", "2026-05-18"], // Friday 15 May is cuti bersama (SKB 3 Menteri 2025) → Monday
    ["2027-01", "2027-01-15"], // Friday
  ])("%s is due on %s", (month, due) => {
    expect(contributionDueDate(month)).toBe(due);
    expect(contributionForMonth({ declaredIncome: 0, jht: false, sector: "OTHER", month }).dueDate).toBe(due);
  });
});

describe("contribution properties", () => {
  const monthArb = fc.integer({ min: 0, max: 12 * 20 }).map((n) => addMonths("2016-01", n));
  const inputArb = fc.record({
    declaredIncome: fc.integer({ min: 0, max: 100_000_000 }),
    jht: fc.boolean(),
    sector: fc.constantFrom<BpuSector>("TRANSPORT", "OTHER"),
    month: monthArb,
    fundedByBudget: fc.boolean(),
  });

  it("the total equals the sum of the lines, before and after relief, in whole rupiah", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const q = contributionForMonth(input);
        expect(q.total).toBe(q.jkk + q.jkm + q.jht);
        expect(q.gross.total).toBe(q.gross.jkk + q.gross.jkm + q.gross.jht);
        for (const n of [q.jkk, q.jkm, q.jht, q.total, q.discount, q.gross.total]) expect(Number.isSafeInteger(n)).toBe(true);
      }),
    );
  });

  it("the contribution never falls as the declared income rises", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 30_000_000 }), (input, extra) => {
        const lower = contributionForMonth(input);
        const higher = contributionForMonth({ ...input, declaredIncome: input.declaredIncome + extra });
        expect(higher.total).toBeGreaterThanOrEqual(lower.total);
        expect(higher.gross.total).toBeGreaterThanOrEqual(lower.gross.total);
        expect(higher.tierIndex).toBeGreaterThanOrEqual(lower.tierIndex);
      }),
    );
  });

  it("relief never touches JHT", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const q = contributionForMonth(input);
        expect(q.jht).toBe(q.gross.jht);
        expect(q.jht).toBe(input.jht ? (q.tierBasis * 2) / 100 : 0);
      }),
    );
  });

  it("discount = gross total − total, never negative, and zero without a relief rule", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const q = contributionForMonth(input);
        expect(q.discount).toBe(q.gross.total - q.total);
        expect(q.discount).toBeGreaterThanOrEqual(0);
        if (q.reliefRuleId === null) expect(q.discount).toBe(0);
        if (input.fundedByBudget) expect(q.reliefRuleId).toBeNull();
      }),
    );
  });
});

describe("relief credited, not frozen — docs/regulation.md §3.3 (PP 50/2025: a month paid at full price that the relief discounts is credited to the next month)", () => {
  const full = (month: string) => {
    const q = contributionForMonth({ declaredIncome: 1_000_000, jht: false, sector: "OTHER", month });
    return { month, jkkGross: q.gross.jkk, jkmGross: q.gross.jkm, jht: q.jht, total: q.gross.total, reliefRuleId: null };
  };

  it("a relieved month paid at the full price is owed the relief as credit (10.000 + 6.800 paid, 5.000 + 3.400 due: 8.400)", () => {
    expect(reliefCredit(full("2026-06"), "OTHER", false)).toEqual({ ruleId: "PP50-2025-NONTRANSPORT", credit: 8_400 });
  });

  it("no credit outside the window, for a line already priced with the relief, or when paid from a budget", () => {
    expect(reliefCredit(full("2027-01"), "OTHER", false)).toBeNull();
    expect(reliefCredit({ ...full("2026-06"), total: 8_400, reliefRuleId: "PP50-2025-NONTRANSPORT" }, "OTHER", false)).toBeNull();
    expect(reliefCredit(full("2026-06"), "OTHER", true)).toBeNull();
  });
});
