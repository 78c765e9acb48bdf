/**
 * Working days in Indonesia: Monday to Friday, except national holidays and cuti bersama
 * (lib/rules/data/holidays.ts). Used for the review clock (how long an enrolment has waited) and
 * for contribution due dates (docs/regulation.md §3: due by the 15th, "next working day if a holiday").
 */
import { addDays, dayOfWeek, isIsoDate } from "./dates";
import { HOLIDAY_YEARS, type HolidayYear } from "./data/holidays";

export { HOLIDAY_YEARS, type HolidayYear };

const HOLIDAYS: ReadonlyMap<string, string> = new Map(
  HOLIDAY_YEARS.flatMap((y) => y.holidays.map((h) => [h.date, h.name] as const)),
);

function requireDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/** How complete the holiday table is for a year: "complete", "partial" (fixed dates only) or "none". */
export function holidayYearCoverage(year: number): "complete" | "partial" | "none" {
  const entry = HOLIDAY_YEARS.find((y) => y.year === year);
  if (!entry) return "none";
  return entry.complete ? "complete" : "partial";
}

/** The holiday or cuti bersama on a date, or null. */
export function holidayOn(date: string): string | null {
  requireDate(date);
  return HOLIDAYS.get(date) ?? null;
}

export function isWorkingDay(date: string): boolean {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && !HOLIDAYS.has(date);
}

/** `date` itself when it is a working day, else the first working day after it. */
export function onOrNextWorkingDay(date: string): string {
  requireDate(date);
  let d = date;
  // Bounded: no run of non-working days in the table is longer than two weeks.
  for (let i = 0; i < 31 && !isWorkingDay(d); i++) d = addDays(d, 1);
  return d;
}

/**
 * Working days from `from` to `to`: the working days after `from` up to and including `to`. An
 * enrolment submitted on Friday is 1 working day old on Monday and 0 on the Saturday in between;
 * submitted on a holiday and looked at the next working day, it is 1 day old. 0 when `to` ≤ `from`.
 */
export function workingDaysBetween(from: string, to: string): number {
  requireDate(from);
  requireDate(to);
  if (to <= from) return 0;
  let count = 0;
  // Review ages are days to weeks; a year's bound keeps a bad input from looping long.
  for (let d = addDays(from, 1), i = 0; d <= to && i < 3660; d = addDays(d, 1), i++) {
    if (isWorkingDay(d)) count++;
  }
  return count;
}

/** The service level of the BPJS branch review: older than this many working days is overdue. */
export const REVIEW_SLA_WORKING_DAYS = 2;

/**
 * The latest submission day that is past the review's service level on `today`: an enrolment
 * submitted on this day or before is more than REVIEW_SLA_WORKING_DAYS working days old (the
 * queue's `overdue`). Lets a count ask the database for `submitted before the next day` instead of
 * reading every waiting enrolment's age.
 */
export function latestOverdueDay(today: string): string {
  requireDate(today);
  let d = addDays(today, -1);
  // Bounded like workingDaysBetween: the SLA is days, no run of holidays is longer than two weeks.
  for (let i = 0; i < 60 && workingDaysBetween(d, today) <= REVIEW_SLA_WORKING_DAYS; i++) d = addDays(d, -1);
  return d;
}
