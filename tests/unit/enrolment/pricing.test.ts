import { describe, expect, it } from "vitest";
import { advanceContributions, plannedRows, priceSteps } from "@/lib/enrolment/pricing";
import { contributionForMonth } from "@/lib/rules";

describe("months paid in advance: one line per month, each priced for its own month (docs/decisions/0009-enrolment-lifecycle.md §3)", () => {
  it("3 months from 2026-11 at the minimum tier: relief in Nov and Dec, none in Jan 2027 — PP 50/2025 (non-transport relief ends 2026-12)", () => {
    const quote = advanceContributions({ declaredIncome: 1_000_000, jht: false, sector: "OTHER", firstMonth: "2026-11", months: 3 });
    expect(quote.lines.map((l) => [l.month, l.total])).toEqual([
      ["2026-11", 8_400],
      ["2026-12", 8_400],
      ["2027-01", 16_800],
    ]);
    expect(quote.total).toBe(33_600);
  });

  it("the total is the sum of the lines and each line equals contributionForMonth for that month (PP 44/2015 tiers, JHT 2%)", () => {
    const quote = advanceContributions({ declaredIncome: 3_000_000, jht: true, sector: "OTHER", firstMonth: "2026-06", months: 12 });
    expect(quote.lines).toHaveLength(12);
    expect(quote.lines[11]!.month).toBe("2027-05");
    expect(quote.total).toBe(quote.lines.reduce((s, l) => s + l.total, 0));
    expect(quote.lines[7]).toEqual(contributionForMonth({ declaredIncome: 3_000_000, jht: true, sector: "OTHER", month: "2027-01" }));
  });

  it.each([0, -1, 1.5])("%d months is a programming error (RangeError): the schema allows 1–12 only", (months) => {
    expect(() => advanceContributions({ declaredIncome: 1_000_000, jht: false, sector: "OTHER", firstMonth: "2026-11", months })).toThrow(RangeError);
  });
});

describe("what the debtor pays, told plainly (docs/regulation.md §3.3: the PP 50/2025 window ends inside the months shown)", () => {
  it("the first month's price and, when relief ends within the months shown, the price after it", () => {
    // Basis 2.950.000 with JHT, non-transport: 2026-11 and 2026-12 relieved (JKK, JKM halved), 2027-01 on at the full price.
    const rows = plannedRows({ declaredIncome: 3_000_000, jht: true, sector: "OTHER", firstMonth: "2026-11", months: 4 });
    const steps = priceSteps(rows)!;
    expect(steps.first).toBe(rows[0]!.total);
    expect(steps.change).toEqual({ until: "2026-12", then: rows[2]!.total });
    expect(steps.change!.then).toBeGreaterThan(steps.first);
  });

  it("no change inside the months shown: just the amount", () => {
    expect(priceSteps(plannedRows({ declaredIncome: 1_000_000, jht: false, sector: "OTHER", firstMonth: "2027-01", months: 3 }))).toEqual({ first: 16_800, change: null });
    expect(priceSteps([])).toBeNull();
  });

  it("a planned row adds up as printed: JKK + JKM + JHT gross − relief = total", () => {
    for (const r of plannedRows({ declaredIncome: 5_000_000, jht: true, sector: "TRANSPORT", firstMonth: "2026-12", months: 6 })) {
      expect(r.jkkGross + r.jkmGross + r.jhtGross - r.discount).toBe(r.total);
      expect(r.status).toBe("PLANNED");
    }
  });
});
