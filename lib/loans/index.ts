/**
 * Loans as the bank reports them (docs/decisions/0019 §3, §4): the public entry other features use.
 *   cover.ts      pure: what an event does to the loan, the expected cover end, the gap rule
 *   schema.ts     the API's event request and answer
 *   mutations.ts  recording an event (row-locked, idempotent on the bank's reference, audited)
 *   data.ts       coverage gaps, scoped like the enrolment list, narrowed by filter.ts (the dashboard's filters)
 */
export { recordLoanEvent } from "@/lib/loans/mutations";
export { coverageGaps, coverageGapSummary, type GapRow, type GapSummary, type GapCount } from "@/lib/loans/data";
export { gapsCsv } from "@/lib/loans/table";
export { GAPS_PATH, gapFilterQuery, parseGapFilter, type GapFilter } from "@/lib/loans/filter";
