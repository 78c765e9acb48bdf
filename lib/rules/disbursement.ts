/**
 * Disbursement clearance (docs/regulation.md §2, Permenko 1/2023 cover letter point 5): a debtor who must be
 * covered may not have the loan marked ready for disbursement until the enrolment is approved (KPJ
 * issued) and the first contribution is paid. Whether the portal blocks or only warns is a
 * per-penyalur setting; the default is block.
 */
import { issue, type RuleIssue } from "./issues";
import type { MandateStatus } from "./mandate";

export type DisbursementGate = "BLOCK" | "WARN";
export type EnrolmentStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "REJECTED";

export interface ClearanceInput {
  mandateStatus: MandateStatus;
  enrolmentStatus: EnrolmentStatus;
  firstMonthPaid: boolean;
  gate: DisbursementGate;
}

export type ClearanceState = "CLEARED" | "WARNING" | "BLOCKED";

export interface Clearance {
  state: ClearanceState;
  /**
   * The line a teller reads ("Boleh dicairkan" / "Belum boleh dicairkan — <reasons>"):
   * `clearance.cleared`, or `clearance.warning` / `clearance.blocked` with
   * { approval: "REJECTED" | "PENDING" | "APPROVED", firstMonth: "PAID" | "UNPAID" }, from which the
   * message lists the missing steps in the order of `reasons`.
   */
  headline: RuleIssue;
  /** One issue per missing step (`clearance.reason.*`), or why none is needed. */
  reasons: RuleIssue[];
}

/** Fail closed: only these decisions let a loan go out without cover; anything else needs it. */
const COVER_NOT_REQUIRED: readonly MandateStatus[] = ["VOLUNTARY", "OUT_OF_SCOPE"];

export function disbursementClearance(input: ClearanceInput): Clearance {
  if (COVER_NOT_REQUIRED.includes(input.mandateStatus)) {
    return { state: "CLEARED", headline: issue("clearance.cleared"), reasons: [issue("clearance.reason.notRequired")] };
  }
  const approval =
    input.enrolmentStatus === "REJECTED" ? "REJECTED" : input.enrolmentStatus === "APPROVED" ? "APPROVED" : "PENDING";
  const firstMonth = input.firstMonthPaid ? "PAID" : "UNPAID";
  const reasons: RuleIssue[] = [];
  if (approval === "REJECTED") reasons.push(issue("clearance.reason.rejected"));
  else if (approval === "PENDING") reasons.push(issue("clearance.reason.awaitingApproval"));
  if (firstMonth === "UNPAID") reasons.push(issue("clearance.reason.firstMonthUnpaid"));
  if (reasons.length === 0) return { state: "CLEARED", headline: issue("clearance.cleared"), reasons };
  if (input.gate === "WARN") {
    return { state: "WARNING", headline: issue("clearance.warning", { approval, firstMonth }), reasons };
  }
  return { state: "BLOCKED", headline: issue("clearance.blocked", { approval, firstMonth }), reasons };
}
