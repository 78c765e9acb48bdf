import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MAX_MONTHS_PAID_AHEAD, addMonths, allocatePayment, coverageStatus, monthRange, planPayment, settledByCredit, type LedgerLine } from "@/lib/rules";

const flat = (month: string) => (month <= "2026-12" ? 8_400 : 16_800);

const line = (month: string, status: LedgerLine["status"]): LedgerLine => ({ month, status, total: flat(month) });

describe("payment allocation: whole months, oldest unpaid first, then months ahead (docs/regulation.md §3.4, §3.6)", () => {
  // Cover from 08/2026; September and October unpaid (in arrears, payable until 30/11), November paid.
  const { payable } = planPayment({
    startMonth: "2026-08",
    lines: [line("2026-08", "PAID"), line("2026-10", "DUE"), line("2026-09", "DUE"), line("2026-11", "PAID")],
    paidOn: "2026-11-20",
    currentMonth: "2026-11",
    price: flat,
  });

  it("unpaid lines come first, oldest first, then months without a line up to 12 months ahead", () => {
    expect(payable.slice(0, 4).map((p) => p.month)).toEqual(["2026-09", "2026-10", "2026-12", "2027-01"]);
    expect(payable.at(-1)!.month).toBe(addMonths("2026-11", MAX_MONTHS_PAID_AHEAD));
    expect(payable.find((p) => p.month === "2027-01")!.total).toBe(16_800);
  });

  it("an amount equal to one month settles the oldest unpaid month", () => {
    const a = allocatePayment(payable, 8_400);
    expect(a).toEqual({ ok: true, months: [{ month: "2026-09", total: 8_400, credit: 0 }] });
  });

  it("an amount covering arrears and months ahead settles them in order, priced month by month", () => {
    const a = allocatePayment(payable, 8_400 + 8_400 + 8_400 + 16_800);
    expect(a.ok && a.months.map((m) => m.month)).toEqual(["2026-09", "2026-10", "2026-12", "2027-01"]);
  });

  it("an amount that is not a sum of whole months is refused with every accepted amount", () => {
    const a = allocatePayment(payable, 10_000);
    expect(a.ok).toBe(false);
    if (a.ok) return;
    expect(a.validAmounts.slice(0, 3)).toEqual([
      { months: 1, amount: 8_400, through: "2026-09" },
      { months: 2, amount: 16_800, through: "2026-10" },
      { months: 3, amount: 25_200, through: "2026-12" },
    ]);
    expect(a.validAmounts).toHaveLength(payable.length);
  });

  it("zero, negative, fractional and too large amounts are refused", () => {
    for (const amount of [0, -8_400, 8_400.5, 10 ** 9]) expect(allocatePayment(payable, amount).ok).toBe(false);
  });

  it("months already paid are never offered again (a fully paid enrolment can only pay ahead)", () => {
    const { payable: ahead } = planPayment({
      startMonth: "2026-08",
      lines: monthRange("2026-08", "2027-02").map((m) => line(m, "PAID")),
      paidOn: "2026-11-20",
      currentMonth: "2026-11",
      price: flat,
    });
    expect(ahead[0]!.month).toBe("2027-03");
    expect(ahead.at(-1)!.month).toBe("2027-11");
  });

  it("any accepted allocation adds up to the amount paid and is a prefix of the payable months", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: payable.length }), (k) => {
        const amount = payable.slice(0, k).reduce((s, p) => s + p.total, 0);
        const a = allocatePayment(payable, amount);
        expect(a.ok).toBe(true);
        if (!a.ok) return;
        expect(a.months.reduce((s, p) => s + p.total, 0)).toBe(amount);
        expect(a.months).toEqual(payable.slice(0, a.months.length));
      }),
    );
  });
});

describe("relief credit settles the months it pays in full (PP 50/2025 Pasal 4, docs/regulation.md §3.3, docs/decisions/0011 §4)", () => {
  // Cover from 11/2026, November paid at the full 16.800 before the PP 50/2025 rule was deployed: 8.400 credit.
  const base = { startMonth: "2026-11", lines: [{ month: "2026-11", status: "PAID" as const, total: 16_800 }], currentMonth: "2026-12", price: flat };

  it("a month whose whole price the credit covers is settled by it, and protection runs over it", () => {
    const plan = planPayment({ ...base, paidOn: "2026-12-20", credit: 8_400 });
    expect(settledByCredit(plan)).toEqual([{ month: "2026-12", total: 0, credit: 8_400 }]);
    // Stored as settled, December is never overdue with Rp0: on 20/12 (past its due date) the cover is ACTIVE to 31/12.
    const cover = coverageStatus({ startMonth: "2026-11", paidMonths: ["2026-11", "2026-12"], today: "2026-12-20" });
    expect(cover).toMatchObject({ status: "ACTIVE", protectedUntil: "2026-12-31", unpaidMonths: [] });
  });

  it("credit worth part of a month settles nothing: it waits for the next payment", () => {
    expect(settledByCredit(planPayment({ ...base, paidOn: "2026-12-20", credit: 8_399 }))).toEqual([]);
    expect(settledByCredit(planPayment({ ...base, paidOn: "2026-12-20", credit: 0 }))).toEqual([]);
  });

  it("credit worth several months settles the leading ones it covers in full, no further", () => {
    // December 8.400 and January 16.800: 30.000 pays both and leaves 4.800 for February.
    const settled = settledByCredit(planPayment({ ...base, paidOn: "2026-12-01", credit: 30_000 }));
    expect(settled.map((m) => [m.month, m.credit])).toEqual([["2026-12", 8_400], ["2027-01", 16_800]]);
  });

  it("a month priced Rp0 without credit is not settled by credit", () => {
    expect(settledByCredit({ resumes: false, payable: [{ month: "2026-12", total: 0, credit: 0 }] })).toEqual([]);
  });

  it("lapsed cover: nothing is settled by credit alone, the iuran lanjutan decides where cover resumes", () => {
    const plan = planPayment({ ...base, lines: base.lines, paidOn: "2027-04-02", currentMonth: "2027-04", credit: 50_000 });
    expect(plan.resumes).toBe(true);
    expect(settledByCredit(plan)).toEqual([]);
  });
});
