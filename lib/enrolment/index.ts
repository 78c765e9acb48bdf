/**
 * The enrolment feature's public entry for other features (eslint-plugin-boundaries):
 * - the one submit mutation the e-form, the host-to-host API (lib/api/enrolments) and bulk upload all
 *   write through, the whole-form validation it needs, and the clearance decision the API reports;
 * - how a mandate decision is stored on the Enrolment and kept in its decision history
 *   (docs/regulation.md §2.3), so that the phase-rule save (lib/admin/phase) stores a re-decision
 *   exactly as the submit does;
 * - the e-form submit's column builders, which the bulk upload (lib/bulk) writes each valid row with:
 *   the same columns from the validated input and the server's decision, the same unique-violation test.
 */
export { submitEnrolment, clearanceMandate, type SubmitResult } from "@/lib/enrolment/mutations";
export type { SubmitOrigin } from "@/lib/enrolment/mutations/submit";
export { validateEnrolment, FORM_FIELD_ORDER, type EnrolmentInput, type FieldErrors, type EnrolmentFieldName } from "@/lib/enrolment/schema";
export {
  enrolmentColumns,
  isUniqueViolation,
  mandateColumns,
  mandateDecisionRow,
  participantColumns,
  type Context as SubmitContext,
} from "@/lib/enrolment/mutations/shared";
