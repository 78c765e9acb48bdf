/**
 * Coverage status of a BPU participant (docs/regulation.md §3: "ACTIVE while paid months cover today; ARREARS
 * with 1–3 unpaid months (arrears may still be paid); ENDED after more than 3 consecutive unpaid
 * months. Show 'protected until' everywhere.").
 *
 * Precise definitions used by the portal:
 *
 * - A contribution month M (from startMonth onwards) is DUE on `today` once its due date has passed:
 *   every month before today's month is due; today's own month is due only from the day after its
 *   due date (the 15th, moved off a weekend — `contributionDueDate`). Paying on the due date itself is
 *   on time (docs/regulation.md §3: "due by the 15th of the contribution month"). Months after today's month are never due;
 *   paying them ahead is allowed.
 * - unpaidMonths: the due months not in paidMonths, oldest first.
 * - protectedUntil: the last day of the last month of the unbroken run of paid months that starts at
 *   startMonth (prepaid months extend it); null when startMonth itself is unpaid. A paid month after
 *   a gap does not extend protection: the gap must be paid first.
 * - status, in this order:
 *   NOT_STARTED  today's month is before startMonth, or nothing is due yet and nothing covers today
 *                (first month, before its due date, unpaid);
 *   ACTIVE       protectedUntil ≥ today (paid months cover today), or every due month is paid and
 *                only today's month is outstanding, still inside its payment window (a participant
 *                who has always paid is not "in arrears" before the due date);
 *   ENDED        unpaidMonths contains a run of more than 3 consecutive months (the 4th consecutive
 *                missed month ends coverage; later payments do not revive it — re-enrolment does);
 *   ARREARS      otherwise: at least one due month is unpaid, with no run of more than 3.
 */
import { addMonths, isIsoDate, isIsoMonth, lastDayOfMonth, monthOf, monthRange } from "./dates";
import { contributionDueDate } from "./contributions";

export type CoverageStatus = "ACTIVE" | "ARREARS" | "ENDED" | "NOT_STARTED";

export const COVERAGE_STATUSES: readonly CoverageStatus[] = ["ACTIVE", "ARREARS", "ENDED", "NOT_STARTED"];

/** More than this many consecutive unpaid months ends coverage (docs/regulation.md §3). */
export const MAX_CONSECUTIVE_ARREARS_MONTHS = 3;

export interface CoverageInput {
  startMonth: string /*first month of cover YYYY-MM*/;
  paidMonths: readonly string[];
  today: string /*YYYY-MM-DD*/;
}

export interface Coverage {
  status: CoverageStatus;
  protectedUntil: string | null;
  unpaidMonths: string[];
}

/** Whether contribution month `month` is past due on `today` (see the definitions above). */
export function isMonthDue(month: string, today: string): boolean {
  const current = monthOf(today);
  if (month < current) return true;
  if (month > current) return false;
  return today > contributionDueDate(month);
}

function longestRun(sortedMonths: readonly string[]): number {
  let longest = 0;
  let run = 0;
  let previous: string | null = null;
  for (const m of sortedMonths) {
    run = previous !== null && addMonths(previous, 1) === m ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = m;
  }
  return longest;
}

/** Throws RangeError for a malformed startMonth, paid month or today. */
export function coverageStatus(input: CoverageInput): Coverage {
  const { startMonth, paidMonths, today } = input;
  if (!isIsoMonth(startMonth)) throw new RangeError(`Not a contribution month (YYYY-MM): ${JSON.stringify(startMonth)}`);
  if (!isIsoDate(today)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(today)}`);
  for (const m of paidMonths) {
    if (!isIsoMonth(m)) throw new RangeError(`Not a contribution month (YYYY-MM): ${JSON.stringify(m)}`);
  }
  const paid = new Set(paidMonths);

  // Unbroken paid run from startMonth; bounded by the number of distinct paid months.
  let runEnd: string | null = null;
  for (let m = startMonth; paid.has(m); m = addMonths(m, 1)) runEnd = m;
  const protectedUntil = runEnd === null ? null : lastDayOfMonth(runEnd);

  const current = monthOf(today);
  const unpaidMonths = current < startMonth ? [] : monthRange(startMonth, current).filter((m) => isMonthDue(m, today) && !paid.has(m));

  let status: CoverageStatus;
  if (current < startMonth) {
    status = "NOT_STARTED";
  } else if (protectedUntil !== null && protectedUntil >= today) {
    status = "ACTIVE";
  } else if (unpaidMonths.length === 0) {
    // Nothing overdue and today not covered: only today's month is outstanding, before its due date.
    status = current === startMonth ? "NOT_STARTED" : "ACTIVE";
  } else if (longestRun(unpaidMonths) > MAX_CONSECUTIVE_ARREARS_MONTHS) {
    status = "ENDED";
  } else {
    status = "ARREARS";
  }
  return { status, protectedUntil, unpaidMonths };
}
