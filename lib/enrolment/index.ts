/**
 * What other features use of the enrolment's writes. The bulk upload (lib/bulk) writes each valid
 * row as the e-form's submit does: the same columns from the validated input and the server's
 * decision, the same decision-history row (docs/regulation.md §2.3), the same unique-violation test.
 */
export {
  enrolmentColumns,
  isUniqueViolation,
  mandateDecisionRow,
  participantColumns,
  type Context as SubmitContext,
} from "@/lib/enrolment/mutations/shared";
