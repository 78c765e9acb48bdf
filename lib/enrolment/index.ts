/**
 * What other features use of the enrolment's writes: how a mandate decision is stored on the
 * Enrolment and kept in its decision history (docs/regulation.md §2.3), so that the phase-rule save
 * (lib/admin/phase) stores a re-decision exactly as the submit does.
 */
export { mandateColumns, mandateDecisionRow } from "@/lib/enrolment/mutations/shared";
