import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, addMonths, coverageStatus, monthOf, monthRange, type CoverageStatus } from "@/lib/rules";

const START = "2026-06";

describe("coverage status — docs/regulation.md §3 (ACTIVE while paid months cover today; ARREARS 1–3 unpaid; ENDED after more than 3 consecutive)", () => {
  it.each([
    // name, paid months, today, status, protectedUntil, unpaid months
    ["before the start month", [], "2026-05-20", "NOT_STARTED", null, []],
    ["before the start month, first month prepaid", ["2026-06"], "2026-05-20", "NOT_STARTED", "2026-06-30", []],
    ["first month, unpaid, before its due date: nothing due yet", [], "2026-06-10", "NOT_STARTED", null, []],
    ["first month, unpaid, on its due date (paying on the 15th is on time)", [], "2026-06-15", "NOT_STARTED", null, []],
    ["first month, unpaid, the day after its due date", [], "2026-06-16", "ARREARS", null, ["2026-06"]],
    ["first month paid", ["2026-06"], "2026-06-10", "ACTIVE", "2026-06-30", []],
    ["last covered day", ["2026-06"], "2026-06-30", "ACTIVE", "2026-06-30", []],
    [
      "paid through October, November not yet due: still active",
      ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10"],
      "2026-11-10",
      "ACTIVE",
      "2026-10-31",
      [],
    ],
    [
      "November's due date moves from Sunday the 15th to Monday the 16th",
      ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10"],
      "2026-11-16",
      "ACTIVE",
      "2026-10-31",
      [],
    ],
    [
      "the day after November's due date",
      ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10"],
      "2026-11-17",
      "ARREARS",
      "2026-10-31",
      ["2026-11"],
    ],
    ["3 consecutive unpaid months: still in arrears", ["2026-06"], "2026-09-20", "ARREARS", "2026-06-30", ["2026-07", "2026-08", "2026-09"]],
    ["October not yet due: 3 unpaid", ["2026-06"], "2026-10-10", "ARREARS", "2026-06-30", ["2026-07", "2026-08", "2026-09"]],
    ["4 consecutive unpaid months: ended", ["2026-06"], "2026-10-20", "ENDED", "2026-06-30", ["2026-07", "2026-08", "2026-09", "2026-10"]],
    [
      "a later payment does not revive coverage that ended",
      ["2026-06", "2026-11"],
      "2026-11-20",
      "ENDED",
      "2026-06-30",
      ["2026-07", "2026-08", "2026-09", "2026-10"],
    ],
    [
      "a gap keeps the participant in arrears and stops protection at the gap",
      ["2026-06", "2026-08", "2026-09", "2026-10", "2026-11"],
      "2026-11-20",
      "ARREARS",
      "2026-06-30",
      ["2026-07"],
    ],
    [
      "scattered unpaid months, never more than 3 in a row: arrears",
      ["2026-06", "2026-08", "2026-10", "2026-12"],
      "2027-01-20",
      "ARREARS",
      "2026-06-30",
      ["2026-07", "2026-09", "2026-11", "2027-01"],
    ],
    [
      "paying ahead extends protection",
      ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"],
      "2026-08-20",
      "ACTIVE",
      "2026-12-31",
      [],
    ],
    ["start month unpaid, later months paid", ["2026-07", "2026-08"], "2026-08-20", "ARREARS", null, ["2026-06"]],
    ["months paid before the start month do not count", ["2026-05"], "2026-06-20", "ARREARS", null, ["2026-06"]],
    ["duplicate payments count once", ["2026-06", "2026-06"], "2026-07-20", "ARREARS", "2026-06-30", ["2026-07"]],
  ] as const)("%s", (_name, paidMonths, today, status, protectedUntil, unpaidMonths) => {
    expect(coverageStatus({ startMonth: START, paidMonths, today })).toEqual({ status, protectedUntil, unpaidMonths });
  });

  it.each([
    [{ startMonth: "2026-6" }],
    [{ today: "2026-11-31" }],
    [{ paidMonths: ["2026-13"] }],
  ])("refuses malformed input %j", (override) => {
    expect(() => coverageStatus({ startMonth: START, paidMonths: [], today: "2026-11-21", ...override })).toThrow(RangeError);
  });
});

describe("coverage properties", () => {
  const monthArb = fc.integer({ min: 0, max: 36 }).map((n) => addMonths("2025-01", n));
  const caseArb = fc.record({
    startMonth: monthArb,
    paidMonths: fc.array(monthArb, { maxLength: 40 }),
    today: fc.integer({ min: 0, max: 1400 }).map((n) => addDays("2025-01-01", n)),
  });

  it("unpaid months are sorted, unpaid, between the start month and today's month", () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const { unpaidMonths } = coverageStatus(input);
        expect([...unpaidMonths].sort()).toEqual(unpaidMonths);
        for (const m of unpaidMonths) {
          expect(m >= input.startMonth && m <= monthOf(input.today)).toBe(true);
          expect(input.paidMonths).not.toContain(m);
        }
      }),
    );
  });

  it("paid months covering today mean ACTIVE with nothing unpaid; ACTIVE never has unpaid months", () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const c = coverageStatus(input);
        if (c.protectedUntil !== null && c.protectedUntil >= input.today && monthOf(input.today) >= input.startMonth) {
          expect(c.status).toBe<CoverageStatus>("ACTIVE");
        }
        if (c.status === "ACTIVE") expect(c.unpaidMonths).toEqual([]);
        if (c.status === "ARREARS" || c.status === "ENDED") expect(c.unpaidMonths.length).toBeGreaterThan(0);
      }),
    );
  });

  it("paying every month from the start month through today's month is always ACTIVE", () => {
    fc.assert(
      fc.property(monthArb, fc.integer({ min: 0, max: 1400 }).map((n) => addDays("2025-01-01", n)), (startMonth, today) => {
        fc.pre(monthOf(today) >= startMonth);
        const c = coverageStatus({ startMonth, paidMonths: monthRange(startMonth, monthOf(today)), today });
        expect(c.status).toBe("ACTIVE");
        expect(c.protectedUntil! >= today).toBe(true);
      }),
    );
  });
});
