import { describe, expect, it } from "vitest";
import { applyLoanEvent, expectedCoverEnd, isCoverageGap, monthsBeyondCoverEnd, type LoanState } from "@/lib/loans/cover";

const FRESH: LoanState = { disbursedOn: null, disbursedAmount: null, tenorMonths: null, expectedCoverEndMonth: null, obligationEndedOn: null, obligationEndReason: null };
const ev = (kind: "DISBURSED" | "EARLY_REPAYMENT" | "WRITE_OFF" | "RESTRUCTURED", occurredOn: string, tenorMonths: number | null = null, amount: number | null = null) => ({ kind, occurredOn, tenorMonths, amount });

describe("cover follows the loan (docs/decisions/0019 §3)", () => {
  it("the expected cover end is the month before disbursement month + tenor", () => {
    expect(expectedCoverEnd("2026-01-15", 12)).toBe("2026-12");
    expect(expectedCoverEnd("2026-12-31", 1)).toBe("2026-12");
    expect(expectedCoverEnd("2026-11-02", 36)).toBe("2029-10");
  });

  it("disbursement, restructuring (tenor from disbursement) and early repayment move the end; nothing after the end", () => {
    const d = applyLoanEvent(FRESH, ev("DISBURSED", "2026-01-15", 12, 50_000_000));
    expect(d).toEqual({ ok: true, state: { ...FRESH, disbursedOn: "2026-01-15", disbursedAmount: 50_000_000, tenorMonths: 12, expectedCoverEndMonth: "2026-12" } });
    if (!d.ok) throw new Error();
    expect(applyLoanEvent(d.state, ev("DISBURSED", "2026-02-01", 12, 1))).toEqual({ ok: false, reason: "alreadyDisbursed" });
    const r = applyLoanEvent(d.state, ev("RESTRUCTURED", "2026-06-01", 24));
    expect(r.ok && r.state.expectedCoverEndMonth).toBe("2027-12");
    if (!r.ok) throw new Error();
    const paid = applyLoanEvent(r.state, ev("EARLY_REPAYMENT", "2026-09-20"));
    expect(paid.ok && paid.state).toMatchObject({ obligationEndedOn: "2026-09-20", obligationEndReason: "EARLY_REPAYMENT", expectedCoverEndMonth: "2026-09" });
    if (!paid.ok) throw new Error();
    expect(applyLoanEvent(paid.state, ev("WRITE_OFF", "2026-10-01"))).toEqual({ ok: false, reason: "obligationEnded" });
  });

  it("the months still billed beyond the expected cover end are what an earlier end leaves over (docs/decisions/0019 §3)", () => {
    expect(monthsBeyondCoverEnd("2026-09", ["2026-12", "2026-08", "2026-09", "2026-10"])).toEqual(["2026-10", "2026-12"]);
    expect(monthsBeyondCoverEnd("2027-12", ["2026-10"])).toEqual([]);
    expect(monthsBeyondCoverEnd(null, ["2026-10"])).toEqual([]);
  });

  it("nothing but a disbursement before the loan is disbursed, and no event dated before it", () => {
    expect(applyLoanEvent(FRESH, ev("WRITE_OFF", "2026-01-01"))).toEqual({ ok: false, reason: "notDisbursed" });
    const d = applyLoanEvent(FRESH, ev("DISBURSED", "2026-03-10", 12, 1));
    if (!d.ok) throw new Error();
    expect(applyLoanEvent(d.state, ev("WRITE_OFF", "2026-03-09"))).toEqual({ ok: false, reason: "beforeDisbursement" });
  });
});

describe("a coverage gap: mandatory cover not approved and paid on the disbursement day (docs/regulation.md §2.2)", () => {
  const base = { mandateStatus: "MANDATORY" as const, requiredFrom: null, approvedOn: "2026-03-01", firstMonthPaidOn: "2026-03-02", disbursedOn: "2026-03-02" };
  it("approved and paid by the day: no gap; approved or paid a day later: a gap", () => {
    expect(isCoverageGap(base)).toBe(false);
    expect(isCoverageGap({ ...base, firstMonthPaidOn: "2026-03-03" })).toBe(true);
    expect(isCoverageGap({ ...base, approvedOn: "2026-03-03" })).toBe(true);
    expect(isCoverageGap({ ...base, approvedOn: null, firstMonthPaidOn: null })).toBe(true);
  });
  it("voluntary never; phased only from the phase's start (Permenko 1/2023 Pasal 22 ayat (8))", () => {
    expect(isCoverageGap({ ...base, mandateStatus: "VOLUNTARY", approvedOn: null, firstMonthPaidOn: null })).toBe(false);
    expect(isCoverageGap({ ...base, mandateStatus: "PHASED_REQUIRED", requiredFrom: "2026-07-01", approvedOn: null, firstMonthPaidOn: null })).toBe(false);
    expect(isCoverageGap({ ...base, mandateStatus: "PHASED_REQUIRED", requiredFrom: "2026-03-01", approvedOn: null, firstMonthPaidOn: null })).toBe(true);
  });
});
