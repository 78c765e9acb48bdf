import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ARREARS_WINDOW_MONTHS,
  addDays,
  addMonths,
  allocatePayment,
  coverageStatus,
  firstMonthDueDate,
  lastDayOfMonth,
  monthOf,
  monthRange,
  planPayment,
  type CoverageStatus,
  type LedgerLine,
} from "@/lib/rules";

const START = "2026-06";
const pick = (c: ReturnType<typeof coverageStatus>) => ({ status: c.status, protectedUntil: c.protectedUntil, unpaidMonths: c.unpaidMonths });

// Manual 908 – PROBIS KEPESERTAAN (Perdir BPJS Ketenagakerjaan 22/PERDIR.02/072022), item 12 "Grace Period dan
// Nonaktif Kepesertaan BPU"; BPJS Ketenagakerjaan BPU FAQ ("iuran lanjutan"); docs/regulation.md §3.5, §3.6.
describe("coverage status — docs/regulation.md §3.6 (protection = paid months, no silent grace; arrears payable 3 months from the date protection ended, manual 908 item 12 (a); lapse after that, item 12 (b))", () => {
  it.each([
    // name, paid months, today, status, protectedUntil, overdue months
    ["first month (approval month), unpaid, before its due date: not protected, nothing overdue", [], "2026-06-10", "AWAITING_PAYMENT", null, []],
    ["first month unpaid on its due date (paying on the 15th is on time)", [], "2026-06-15", "AWAITING_PAYMENT", null, []],
    ["first month unpaid the day after its due date: arrears", [], "2026-06-16", "ARREARS", null, ["2026-06"]],
    ["first month paid", ["2026-06"], "2026-06-10", "ACTIVE", "2026-06-30", []],
    ["last covered day", ["2026-06"], "2026-06-30", "ACTIVE", "2026-06-30", []],
    ["the day after the last paid month: not protected, July not yet overdue (no silent grace)", ["2026-06"], "2026-07-01", "AWAITING_PAYMENT", "2026-06-30", []],
    ["July overdue", ["2026-06"], "2026-07-16", "ARREARS", "2026-06-30", ["2026-07"]],
    ["November's due date moves from Sunday the 15th to Monday the 16th", monthRange("2026-06", "2026-10"), "2026-11-16", "AWAITING_PAYMENT", "2026-10-31", []],
    ["the day after November's due date", monthRange("2026-06", "2026-10"), "2026-11-17", "ARREARS", "2026-10-31", ["2026-11"]],
    ["3 months after protection ended (30/06 → 30/09): arrears still payable", ["2026-06"], "2026-09-30", "ARREARS", "2026-06-30", ["2026-07", "2026-08", "2026-09"]],
    ["more than 3 months after protection ended: membership lapsed, nothing payable as arrears", ["2026-06"], "2026-10-01", "LAPSED", "2026-06-30", []],
    ["never paid: the window counts from the day before cover began (31/05 → 31/08)", [], "2026-08-31", "ARREARS", null, ["2026-06", "2026-07", "2026-08"]],
    ["never paid, September: lapsed", [], "2026-09-01", "LAPSED", null, []],
    ["paying ahead extends protection", monthRange("2026-06", "2026-12"), "2026-08-20", "ACTIVE", "2026-12-31", []],
    ["months paid before the start month (approval) do not count", ["2026-05"], "2026-06-20", "ARREARS", null, ["2026-06"]],
    ["duplicate payments count once", ["2026-06", "2026-06"], "2026-07-20", "ARREARS", "2026-06-30", ["2026-07"]],
  ] as const)("%s", (_name, paidMonths, today, status, protectedUntil, unpaidMonths) => {
    expect(pick(coverageStatus({ startMonth: START, paidMonths, today }))).toEqual({ status, protectedUntil, unpaidMonths });
  });

  it("names the arrears deadline ('masa tenggang pembayaran tunggakan') as 3 months from the date protection ended", () => {
    const c = coverageStatus({ startMonth: START, paidMonths: ["2026-06", "2026-07"], today: "2026-08-20" });
    expect(c).toMatchObject({ status: "ARREARS", protectionEnded: "2026-07-31", arrearsDeadline: "2026-10-31", unpaidMonths: ["2026-08"] });
  });

  it("awaiting payment says which month is due and by when", () => {
    expect(coverageStatus({ startMonth: START, paidMonths: ["2026-06"], today: "2026-07-02" })).toMatchObject({
      status: "AWAITING_PAYMENT",
      nextMonth: "2026-07",
      nextDueDate: "2026-07-15",
    });
  });

  it("lapsed: the months a continuation payment writes off, and the month it resumes from (BPU FAQ 'iuran lanjutan')", () => {
    expect(coverageStatus({ startMonth: START, paidMonths: ["2026-06"], today: "2026-11-03" })).toMatchObject({
      status: "LAPSED",
      lapsedMonths: ["2026-07", "2026-08", "2026-09", "2026-10"],
      nextMonth: "2026-11",
    });
  });

  it("after a resumption the written-off months are never due again and cover runs from the resumed month", () => {
    const c = coverageStatus({
      startMonth: START,
      paidMonths: ["2026-06", "2026-11"],
      writtenOffMonths: ["2026-07", "2026-08", "2026-09", "2026-10"],
      today: "2026-12-20",
    });
    expect(c).toMatchObject({ status: "ARREARS", stretchStart: "2026-11", protectedUntil: "2026-11-30", unpaidMonths: ["2026-12"], arrearsDeadline: "2027-02-28" });
  });

  it("the first month of an enrolment approved after its 15th is due at the end of the approval month (docs/decisions/0011 §2)", () => {
    expect(firstMonthDueDate("2026-06", "2026-06-10")).toBe("2026-06-15");
    expect(firstMonthDueDate("2026-06", "2026-06-20")).toBe("2026-06-30");
    const firstDueDate = firstMonthDueDate("2026-06", "2026-06-20");
    expect(coverageStatus({ startMonth: START, paidMonths: [], firstDueDate, today: "2026-06-20" }).status).toBe("AWAITING_PAYMENT");
    expect(coverageStatus({ startMonth: START, paidMonths: [], firstDueDate, today: "2026-07-01" }).unpaidMonths).toEqual(["2026-06"]);
  });

  it.each([[{ startMonth: "2026-6" }], [{ today: "2026-11-31" }], [{ paidMonths: ["2026-13"] }], [{ writtenOffMonths: ["x"] }], [{ firstDueDate: "2026-02-30" }]])(
    "refuses malformed input %j",
    (override) => {
      expect(() => coverageStatus({ startMonth: START, paidMonths: [], today: "2026-11-21", ...override })).toThrow(RangeError);
    },
  );
});

describe("payment plan: oldest payable first; after a lapse an 'iuran lanjutan' resumes from the month of payment (docs/regulation.md §3.6)", () => {
  const price = () => 16_800;
  const line = (month: string, status: LedgerLine["status"]): LedgerLine => ({ month, status, total: 16_800 });

  it("in arrears: the overdue months come first", () => {
    const plan = planPayment({ startMonth: START, lines: [line("2026-06", "PAID"), line("2026-07", "DUE")], paidOn: "2026-08-20", currentMonth: "2026-08", price });
    expect(plan.resumes).toBe(false);
    expect(plan.payable.slice(0, 3).map((p) => p.month)).toEqual(["2026-07", "2026-08", "2026-09"]);
  });

  it("lapsed: the lapse's months are written off and no longer payable; the payment settles its own month first", () => {
    const plan = planPayment({ startMonth: START, lines: [line("2026-06", "PAID"), line("2026-07", "DUE")], paidOn: "2026-11-03", currentMonth: "2026-11", price });
    expect(plan.resumes).toBe(true);
    expect(plan.writeOff).toEqual(["2026-07", "2026-08", "2026-09", "2026-10"]);
    expect(plan.payable[0]!.month).toBe("2026-11");
    expect(plan.payable.map((p) => p.month)).not.toContain("2026-07");
  });

  it("relief credit is spent on the next months, oldest first (docs/regulation.md §3.3)", () => {
    const plan = planPayment({ startMonth: START, lines: [line("2026-06", "PAID")], paidOn: "2026-06-20", currentMonth: "2026-06", price, credit: 20_000 });
    expect(plan.payable.slice(0, 3).map((p) => [p.month, p.total, p.credit])).toEqual([
      ["2026-07", 0, 16_800],
      ["2026-08", 13_600, 3_200],
      ["2026-09", 16_800, 0],
    ]);
  });
});

describe("coverage state machine properties (fast-check): payments of (day, months) applied through the payment rule", () => {
  const startArb = fc.integer({ min: 0, max: 24 }).map((n) => addMonths("2025-01", n));
  // A payment: days after the previous event, and how many months it pays (1–4).
  const eventsArb = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 200 }), months: fc.integer({ min: 1, max: 4 }) }), { maxLength: 12 });
  const priceOf = (month: string) => 10_000 + (Number(month.slice(5)) % 3) * 1_000;

  /** Applies each payment the way recordPayment does (planPayment → allocatePayment → write off, settle). */
  function simulate(startMonth: string, approvedOn: string, events: readonly { gap: number; months: number }[]) {
    const lines = new Map<string, LedgerLine>();
    const firstDueDate = firstMonthDueDate(startMonth, approvedOn);
    let day = approvedOn;
    const steps: { day: string; resumes: boolean; settled: string[]; writtenOff: string[]; after: CoverageStatus }[] = [];
    const input = (today: string) => ({
      startMonth,
      firstDueDate,
      paidMonths: [...lines.values()].filter((l) => l.status === "PAID").map((l) => l.month),
      writtenOffMonths: [...lines.values()].filter((l) => l.status === "WRITTEN_OFF").map((l) => l.month),
      today,
    });
    for (const ev of events) {
      day = addDays(day, ev.gap);
      const plan = planPayment({ startMonth, firstDueDate, lines: [...lines.values()], paidOn: day, currentMonth: monthOf(day), price: priceOf });
      // Beyond the 12 months ahead nothing more can be paid: the reviewer is told the accepted amounts.
      if (plan.payable.length < ev.months) continue;
      const amount = plan.payable.slice(0, ev.months).reduce((s, p) => s + p.total, 0);
      const allocation = allocatePayment(plan.payable, amount);
      expect(allocation.ok).toBe(true);
      if (!allocation.ok) break;
      for (const m of plan.writeOff) lines.set(m, { month: m, status: "WRITTEN_OFF", total: priceOf(m) });
      for (const p of allocation.months) lines.set(p.month, { month: p.month, status: "PAID", total: p.total });
      steps.push({ day, resumes: plan.resumes, settled: allocation.months.map((p) => p.month), writtenOff: plan.writeOff, after: coverageStatus(input(day)).status });
    }
    return { steps, all: [...lines.values()], input, lastDay: day };
  }

  const caseArb = fc.record({
    start: startArb,
    approvalDay: fc.integer({ min: 1, max: 28 }),
    events: eventsArb,
    later: fc.integer({ min: 0, max: 500 }),
  });

  it("protectedUntil never precedes the last paid month", () => {
    fc.assert(
      fc.property(caseArb, ({ start, approvalDay, events, later }) => {
        const { all, input, lastDay } = simulate(start, `${start}-${String(approvalDay).padStart(2, "0")}`, events);
        const paid = all.filter((l) => l.status === "PAID").map((l) => l.month).sort();
        const c = coverageStatus(input(addDays(lastDay, later)));
        if (paid.length) expect(c.protectedUntil).toBe(lastDayOfMonth(paid.at(-1)!));
        else expect(c.protectedUntil).toBeNull();
      }),
    );
  });

  it("no month before approval is ever due, written off or paid, and written-off months are never due", () => {
    fc.assert(
      fc.property(caseArb, ({ start, approvalDay, events, later }) => {
        const { all, input, lastDay } = simulate(start, `${start}-${String(approvalDay).padStart(2, "0")}`, events);
        for (const l of all) expect(l.month >= start).toBe(true);
        const written = new Set(all.filter((l) => l.status === "WRITTEN_OFF").map((l) => l.month));
        for (let d = 0; d <= later; d += 37) {
          const c = coverageStatus(input(addDays(lastDay, d)));
          for (const m of c.unpaidMonths) {
            expect(m >= start).toBe(true);
            expect(written.has(m)).toBe(false);
          }
        }
      }),
    );
  });

  it("a payment after a lapse resumes cover from its own month: the lapse is written off, the payment's months start there, and the day of payment is protected", () => {
    fc.assert(
      fc.property(caseArb, ({ start, approvalDay, events }) => {
        const { steps } = simulate(start, `${start}-${String(approvalDay).padStart(2, "0")}`, events);
        for (const s of steps) {
          if (!s.resumes) {
            expect(s.writtenOff).toEqual([]);
            continue;
          }
          expect(s.settled[0]).toBe(monthOf(s.day));
          expect(s.writtenOff.length).toBeGreaterThanOrEqual(ARREARS_WINDOW_MONTHS);
          expect(s.writtenOff.at(-1)).toBe(addMonths(monthOf(s.day), -1));
          expect(s.after).toBe<CoverageStatus>("ACTIVE");
        }
      }),
    );
  });

  it("ACTIVE exactly while today is inside the paid months; ARREARS always names overdue months", () => {
    fc.assert(
      fc.property(caseArb, ({ start, approvalDay, events, later }) => {
        const { input, lastDay } = simulate(start, `${start}-${String(approvalDay).padStart(2, "0")}`, events);
        const today = addDays(lastDay, later);
        const c = coverageStatus(input(today));
        expect(c.status === "ACTIVE").toBe(c.protectedUntil !== null && today <= c.protectedUntil);
        if (c.status === "ARREARS") expect(c.unpaidMonths.length).toBeGreaterThan(0);
        if (c.status === "LAPSED") expect(today > c.arrearsDeadline).toBe(true);
        if (c.status !== "LAPSED") expect(today <= c.arrearsDeadline || c.status === "ACTIVE").toBe(true);
      }),
    );
  });
});
