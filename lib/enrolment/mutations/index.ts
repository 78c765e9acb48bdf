/**
 * The enrolment area's writes, one file per sub-feature, each in one transaction with its audit row.
 * Expected failures are `AppError`s (lib/action/errors.ts): VALIDATION with field errors, FORBIDDEN,
 * NOT_FOUND, CONFLICT (`enrolmentConflict`, `participantRegistered`), INVALID_STATE (`notCorrectable`).
 *   submit.ts      the e-form's submit (idempotent by submission key and loan number)
 *   correction.ts  resubmitting a returned enrolment
 *   drafts.ts      saving and deleting drafts
 *   nik-lookup.ts  the audit row of a NIK look-up
 *   clearance.ts   the mandate decided again when the disbursement clearance is asked
 */
export { submitEnrolment } from "@/lib/enrolment/mutations/submit";
export { resubmitEnrolment } from "@/lib/enrolment/mutations/correction";
export { deleteDraft, saveDraft, type SaveDraftResult } from "@/lib/enrolment/mutations/drafts";
export { recordNameCheck, recordNikLookup, type LookupOutcome } from "@/lib/enrolment/mutations/nik-lookup";
export { clearanceMandate, type ClearanceMandate } from "@/lib/enrolment/mutations/clearance";
export type { SubmitResult } from "@/lib/enrolment/mutations/shared";
