/**
 * What a reported loan event means for cover (docs/decisions/0019 §3, §4). Pure: no database, no
 * framework, so the API, the tests and the gap list share one answer.
 */
import { addMonths, monthOf } from "@/lib/rules";

export const LOAN_EVENT_KINDS = ["DISBURSED", "EARLY_REPAYMENT", "WRITE_OFF", "RESTRUCTURED"] as const;
export type LoanEventKind = (typeof LOAN_EVENT_KINDS)[number];

/** The loan as the portal knows it after the events so far. */
export interface LoanState {
  disbursedOn: string | null;
  disbursedAmount: number | null;
  tenorMonths: number | null;
  /** YYYY-MM: the last month cover is expected to run. */
  expectedCoverEndMonth: string | null;
  obligationEndedOn: string | null;
  obligationEndReason: "EARLY_REPAYMENT" | "WRITE_OFF" | null;
}

export interface LoanEventInput {
  kind: LoanEventKind;
  occurredOn: string;
  amount: number | null;
  tenorMonths: number | null;
}

export type LoanStep = { ok: true; state: LoanState } | { ok: false; reason: "notDisbursed" | "alreadyDisbursed" | "obligationEnded" | "beforeDisbursement" };

/**
 * The expected cover end of a loan disbursed on `disbursedOn` for `tenorMonths`: cover runs through
 * the month before disbursement month + tenor (a 12-month loan disbursed 15/01/2026 ends in 12/2026).
 */
export function expectedCoverEnd(disbursedOn: string, tenorMonths: number): string {
  return addMonths(monthOf(disbursedOn), tenorMonths - 1);
}

/**
 * The state after one event. Disbursement starts the obligation and sets the expected end from the
 * tenor; a restructuring replaces the tenor (counted from disbursement) and so the end; an early
 * repayment or a write-off ends the obligation on its day, and cover is then expected to end that month.
 */
export function applyLoanEvent(state: LoanState, event: LoanEventInput): LoanStep {
  if (event.kind === "DISBURSED") {
    if (state.disbursedOn) return { ok: false, reason: "alreadyDisbursed" };
    const tenor = event.tenorMonths!;
    return {
      ok: true,
      state: { ...state, disbursedOn: event.occurredOn, disbursedAmount: event.amount, tenorMonths: tenor, expectedCoverEndMonth: expectedCoverEnd(event.occurredOn, tenor) },
    };
  }
  if (!state.disbursedOn) return { ok: false, reason: "notDisbursed" };
  if (state.obligationEndedOn) return { ok: false, reason: "obligationEnded" };
  if (event.occurredOn < state.disbursedOn) return { ok: false, reason: "beforeDisbursement" };
  if (event.kind === "RESTRUCTURED") {
    const tenor = event.tenorMonths!;
    return { ok: true, state: { ...state, tenorMonths: tenor, expectedCoverEndMonth: expectedCoverEnd(state.disbursedOn, tenor) } };
  }
  return { ok: true, state: { ...state, obligationEndedOn: event.occurredOn, obligationEndReason: event.kind, expectedCoverEndMonth: monthOf(event.occurredOn) } };
}

/**
 * What the expected cover end decides downstream: the enrolment's contribution months still due
 * after it, i.e. the months the debtor was billed (planned at approval, `monthsInAdvance`) that the
 * loan no longer requires once it ended early, was written off or was restructured shorter. Recomputed
 * on every loan event and recorded (audit, event payload); the lines themselves are not written off:
 * cover is the debtor's own BPU membership and docs/regulation.md sets no rule that ends it with the
 * loan (docs/decisions/0019 §3). Sorted, YYYY-MM.
 */
export function monthsBeyondCoverEnd(expectedCoverEndMonth: string | null, dueMonths: readonly string[]): string[] {
  if (expectedCoverEndMonth === null) return [];
  return dueMonths.filter((m) => m > expectedCoverEndMonth).sort();
}

/** What the gap rule needs of an enrolment on its disbursement day. */
export interface GapInput {
  mandateStatus: "MANDATORY" | "PHASED_REQUIRED" | "VOLUNTARY" | "OUT_OF_SCOPE";
  /** PHASED_REQUIRED: the day the phase rule requires cover from. */
  requiredFrom: string | null;
  /** The office day the enrolment was approved, null if not (yet). */
  approvedOn: string | null;
  /** The day the first month of cover was paid, null if not (yet). */
  firstMonthPaidOn: string | null;
  disbursedOn: string;
}

/**
 * A coverage gap (issue #14; docs/regulation.md §2.2: a mandatory debtor's loan is disbursed only
 * once cover is approved and its first month paid): the loan went out on a day its mandatory cover
 * was not both approved and paid. Voluntary debtors never have a gap; a phased debtor only from the
 * phase's start.
 */
export function isCoverageGap(g: GapInput): boolean {
  const required = g.mandateStatus === "MANDATORY" || (g.mandateStatus === "PHASED_REQUIRED" && (g.requiredFrom === null || g.requiredFrom <= g.disbursedOn));
  if (!required) return false;
  const approved = g.approvedOn !== null && g.approvedOn <= g.disbursedOn;
  const paid = g.firstMonthPaidOn !== null && g.firstMonthPaidOn <= g.disbursedOn;
  return !(approved && paid);
}
