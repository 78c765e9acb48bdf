/**
 * Calendar arithmetic on ISO strings.
 *
 * Dates cross every boundary as 'YYYY-MM-DD' and contribution months as 'YYYY-MM' (docs/decisions/0004-layout.md),
 * so the rules never depend on the server's time zone: a calendar date is not an instant. Nothing here
 * reads the clock; "today" is always a parameter, computed once at the edge with `todayInZone`.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function pad4(n: number): string {
  return String(n).padStart(4, "0");
}

/** Year, month (1–12) and day of a real calendar date; null for '2026-02-30', '2026-13-01', 'x'. */
export function parseIsoDate(isoDate: string): { year: number; month: number; day: number } | null {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/** Year and month (1–12) of a 'YYYY-MM' string; null when malformed. */
export function parseMonth(month: string): { year: number; month: number } | null {
  const m = ISO_MONTH.exec(month);
  if (!m) return null;
  const year = Number(m[1]);
  const mon = Number(m[2]);
  if (year < 1 || mon < 1 || mon > 12) return null;
  return { year, month: mon };
}

export function isIsoMonth(value: string): boolean {
  return parseMonth(value) !== null;
}

export function toIsoDate(year: number, month: number, day: number): string {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

function requireDate(isoDate: string): { year: number; month: number; day: number } {
  const d = parseIsoDate(isoDate);
  if (!d) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(isoDate)}`);
  return d;
}

function requireMonth(month: string): { year: number; month: number } {
  const m = parseMonth(month);
  if (!m) throw new RangeError(`Not a contribution month (YYYY-MM): ${JSON.stringify(month)}`);
  return m;
}

/** "2026-11-21" -> "21/11/2026", the id-ID short date shown everywhere in the UI. */
export function formatDateId(isoDate: string): string {
  const { year, month, day } = requireDate(isoDate);
  return `${pad2(day)}/${pad2(month)}/${pad4(year)}`;
}

/** "2026-11" -> "11/2026", how a contribution month is shown. */
export function formatMonthId(month: string): string {
  const m = requireMonth(month);
  return `${pad2(m.month)}/${pad4(m.year)}`;
}

/** The contribution month a date falls in: "2026-11-21" -> "2026-11". */
export function monthOf(isoDate: string): string {
  const { year, month } = requireDate(isoDate);
  return `${pad4(year)}-${pad2(month)}`;
}

/** "2026-12", 1 -> "2027-01"; n may be negative. */
export function addMonths(month: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Month offset must be an integer: ${n}`);
  const m = requireMonth(month);
  const index = m.year * 12 + (m.month - 1) + n;
  const year = Math.floor(index / 12);
  if (year < 1 || year > 9999) throw new RangeError(`Month out of range: ${month} + ${n}`);
  return `${pad4(year)}-${pad2((index % 12) + 1)}`;
}

/** Number of months from `from` to `to` ("2026-01" → "2026-04" is 3; negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const a = requireMonth(from);
  const b = requireMonth(to);
  return b.year * 12 + b.month - (a.year * 12 + a.month);
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthRange(from: string, to: string): string[] {
  const count = monthsBetween(from, to);
  const out: string[] = [];
  for (let i = 0; i <= count; i++) out.push(addMonths(from, i));
  return out;
}

export function firstDayOfMonth(month: string): string {
  const m = requireMonth(month);
  return toIsoDate(m.year, m.month, 1);
}

/** "2026-02" -> "2026-02-28": the last day a paid month protects. */
export function lastDayOfMonth(month: string): string {
  const m = requireMonth(month);
  return toIsoDate(m.year, m.month, daysInMonth(m.year, m.month));
}

/** Adds calendar days ("2026-02-28", 1 -> "2026-03-01"). */
export function addDays(isoDate: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Day offset must be an integer: ${n}`);
  const { year, month, day } = requireDate(isoDate);
  // Date.UTC is pure arithmetic on the proleptic Gregorian calendar; no local time zone is involved.
  // setUTCFullYear (unlike Date.UTC) does not map years 0–99 to 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day + n);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Adds calendar months to a date, clamping to the month's last day ("2025-08-31" + 6 -> "2026-02-28"),
 * the usual reading of "n bulan" in a period counted from a date.
 */
export function addMonthsToDate(isoDate: string, n: number): string {
  const { day } = requireDate(isoDate);
  const target = requireMonth(addMonths(monthOf(isoDate), n));
  return toIsoDate(target.year, target.month, Math.min(day, daysInMonth(target.year, target.month)));
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(isoDate: string): number {
  const { year, month, day } = requireDate(isoDate);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCDay();
}

/** Completed years from `birthDate` to `onDate`. A 29 February birthday is reached on 1 March in common years. */
export function ageOn(birthDate: string, onDate: string): number {
  const b = requireDate(birthDate);
  const t = requireDate(onDate);
  const beforeBirthday = t.month < b.month || (t.month === b.month && t.day < b.day);
  return t.year - b.year - (beforeBirthday ? 1 : 0);
}

/**
 * The calendar date of instant `now` in an IANA zone (offices show WIB Asia/Jakarta, WITA Asia/Makassar,
 * WIT Asia/Jayapura — docs/regulation.md §7). Pure given `now`: callers pass `new Date()` at the edge.
 * Throws RangeError for an unknown time zone (Intl's own error).
 */
export function todayInZone(now: Date, timeZone: string): string {
  const w = wallClockInZone(now, timeZone);
  return toIsoDate(w.year, w.month, w.day);
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * What a clock on the wall of an office in `timeZone` shows at instant `now`: the one place that
 * reads Intl's parts, for dates, day boundaries and display alike.
 * Throws RangeError for an invalid Date or an unknown time zone (Intl's own error).
 */
export function wallClockInZone(now: Date, timeZone: string): WallClock {
  if (Number.isNaN(now.getTime())) throw new RangeError("wallClockInZone: invalid Date");
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    calendar: "gregory",
    numberingSystem: "latn",
  }).formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    if (!part) throw new RangeError(`wallClockInZone: no ${type} for zone ${timeZone}`);
    return Number(part.value);
  };
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** How far the wall clock of `timeZone` is ahead of UTC at `instant` (ms since the epoch, whole seconds). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const w = wallClockInZone(new Date(instant), timeZone);
  const wall = new Date(0);
  wall.setUTCFullYear(w.year, w.month - 1, w.day);
  wall.setUTCHours(w.hour, w.minute, w.second, 0);
  return wall.getTime() - instant;
}

/**
 * The UTC instant (ISO string) at which calendar day `isoDate` begins in an IANA zone: the inverse of
 * `todayInZone`. "2026-03-10" in Asia/Jakarta (WIB, UTC+7) begins at "2026-03-09T17:00:00.000Z".
 * Indonesian zones have no daylight saving; for zones that do, the offset is re-read at the result,
 * so a day that starts after a midnight DST change still gets its own offset.
 * Throws RangeError for a malformed date or an unknown zone.
 */
export function startOfDayInZone(isoDate: string, timeZone: string): string {
  const { year, month, day } = requireDate(isoDate);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  const wallMidnight = d.getTime();
  const first = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
  const second = wallMidnight - zoneOffsetMs(first, timeZone);
  return new Date(second).toISOString();
}
