/**
 * Coverage status of a BPU participant, as BPJS Ketenagakerjaan applies it (docs/regulation.md §3.5, §3.6;
 * docs/decisions/0011-cover-lifecycle.md).
 *
 * Sources:
 * - Process manual "908 – PROBIS KEPESERTAAN" (Perdir BPJS Ketenagakerjaan 22/PERDIR.02/072022), item 12
 *   "Grace Period dan Nonaktif Kepesertaan BPU": (a) "Peserta BPU membayarkan iuran tertunggak maksimal
 *   3 bulan iuran sejak tanggal berakhir perlindungan"; (b) a BPU participant in arrears more than 3
 *   consecutive months: "Berakhir kepesertaan/keluar" (or "Nonaktif" after a JHT claim).
 * - BPJS Ketenagakerjaan BPU FAQ: a participant who has not paid for more than 3 months "dapat melanjutkan
 *   kepesertaannya … melakukan pembayaran iuran lanjutan"; no fine for paying late.
 * - Registration: participation is registered, protection follows payment.
 *
 * Definitions used by the portal:
 *
 * - The cover runs in stretches. The first starts at `startMonth` (the month of approval, when the KPJ is
 *   issued). A payment after a lapse ("iuran lanjutan") starts a new stretch at the month of that payment;
 *   the months of the lapse are written off (`writtenOffMonths`): never due again, never payable. The
 *   current stretch starts the month after the last written-off month.
 * - protectedUntil: the last day of the last month of the unbroken run of paid months that starts the
 *   current stretch; null when its first month is unpaid. No silent grace: protection is exactly the paid
 *   months.
 * - protectionEnded: protectedUntil, or — nothing paid in this stretch — the day before it began.
 * - arrearsDeadline ("masa tenggang pembayaran tunggakan"): the last day of the third month after the month
 *   protection ended (manual item 12 (a): arrears may be paid up to 3 months from the date protection ended).
 * - A month M of the stretch is overdue on `today` once its due date has passed (the 15th, moved off
 *   weekends and holidays, `contributionDueDate`; the first month of cover uses `firstDueDate` when given).
 *   Paying on the due date itself is on time.
 * - status:
 *   ACTIVE            today ≤ protectedUntil;
 *   LAPSED            today > arrearsDeadline (more than 3 months since protection ended: "berakhir
 *                     kepesertaan"). Not final: a payment resumes cover from its own month;
 *   ARREARS           otherwise, when at least one month is overdue (payable until arrearsDeadline);
 *   AWAITING_PAYMENT  otherwise: not protected, nothing overdue yet — the month `nextMonth` is due by
 *                     `nextDueDate` (a first month before its due date, or the month after the paid run).
 */
import { addDays, addMonths, isIsoDate, isIsoMonth, lastDayOfMonth, monthOf, monthRange } from "./dates";
import { contributionDueDate } from "./contributions";

export type CoverageStatus = "ACTIVE" | "AWAITING_PAYMENT" | "ARREARS" | "LAPSED";

export const COVERAGE_STATUSES: readonly CoverageStatus[] = ["ACTIVE", "AWAITING_PAYMENT", "ARREARS", "LAPSED"];

/** Arrears may be paid for this many months after protection ended; after that, membership lapses (docs/regulation.md §3.5). */
export const ARREARS_WINDOW_MONTHS = 3;

export interface CoverageInput {
  /** First month of cover, YYYY-MM: the month of approval. */
  startMonth: string;
  paidMonths: readonly string[];
  /** Months of a lapse, written off when cover resumed (never due again). */
  writtenOffMonths?: readonly string[];
  /** Due date of `startMonth` when it is not the regular one (approval after the 15th, see firstMonthDueDate). */
  firstDueDate?: string;
  today: string /*YYYY-MM-DD*/;
}

export interface Coverage {
  status: CoverageStatus;
  protectedUntil: string | null;
  /** Overdue months that may still be paid, oldest first (empty unless ARREARS). */
  unpaidMonths: string[];
  /** The month the current stretch of cover began (startMonth, or the month cover resumed). */
  stretchStart: string;
  /** The day protection ended (or, nothing paid yet in this stretch, the day before it began). */
  protectionEnded: string;
  /** Last day arrears may be paid ("masa tenggang pembayaran tunggakan"). */
  arrearsDeadline: string;
  /** The month whose contribution is awaited next: after the paid run, or — LAPSED — today's month (resume). */
  nextMonth: string;
  nextDueDate: string;
  /** LAPSED: the unpaid months a resuming payment writes off (never due again). */
  lapsedMonths: string[];
}

/**
 * Due date of the first month of cover (docs/decisions/0011 §2): its regular due date, or — the
 * enrolment approved after it — the last day of the approval month, so a month is never overdue on
 * the day the participant came to exist.
 */
export function firstMonthDueDate(startMonth: string, approvedOn: string): string {
  const regular = contributionDueDate(startMonth);
  return approvedOn > regular && monthOf(approvedOn) === startMonth ? lastDayOfMonth(startMonth) : regular;
}

function dueDateOf(month: string, input: CoverageInput): string {
  return month === input.startMonth && input.firstDueDate ? input.firstDueDate : contributionDueDate(month);
}

/** Whether contribution month `month` is past due on `today` (its regular due date, see above). */
export function isMonthDue(month: string, today: string): boolean {
  const current = monthOf(today);
  if (month < current) return true;
  if (month > current) return false;
  return today > contributionDueDate(month);
}

function requireMonth(m: string): void {
  if (!isIsoMonth(m)) throw new RangeError(`Not a contribution month (YYYY-MM): ${JSON.stringify(m)}`);
}

/** Throws RangeError for a malformed startMonth, paid or written-off month, first due date or today. */
export function coverageStatus(input: CoverageInput): Coverage {
  const { startMonth, paidMonths, writtenOffMonths = [], today } = input;
  requireMonth(startMonth);
  if (!isIsoDate(today)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(today)}`);
  if (input.firstDueDate !== undefined && !isIsoDate(input.firstDueDate)) throw new RangeError(`Not an ISO calendar date: ${JSON.stringify(input.firstDueDate)}`);
  paidMonths.forEach(requireMonth);
  writtenOffMonths.forEach(requireMonth);
  const paid = new Set(paidMonths);

  const lastWrittenOff = writtenOffMonths.reduce<string | null>((max, m) => (max === null || m > max ? m : max), null);
  const stretchStart = lastWrittenOff !== null && lastWrittenOff >= startMonth ? addMonths(lastWrittenOff, 1) : startMonth;

  // Unbroken paid run from the stretch's first month; bounded by the number of distinct paid months.
  let runEnd: string | null = null;
  for (let m = stretchStart; paid.has(m); m = addMonths(m, 1)) runEnd = m;
  const protectedUntil = runEnd === null ? null : lastDayOfMonth(runEnd);
  const firstUnpaid = runEnd === null ? stretchStart : addMonths(runEnd, 1);
  const protectionEnded = protectedUntil ?? addDays(`${stretchStart}-01`, -1);
  const arrearsDeadline = lastDayOfMonth(addMonths(monthOf(protectionEnded), ARREARS_WINDOW_MONTHS));
  const current = monthOf(today);
  const base = { protectedUntil, stretchStart, protectionEnded, arrearsDeadline };

  if (protectedUntil !== null && today <= protectedUntil) {
    return { ...base, status: "ACTIVE", unpaidMonths: [], nextMonth: firstUnpaid, nextDueDate: dueDateOf(firstUnpaid, input), lapsedMonths: [] };
  }
  if (today > arrearsDeadline) {
    const lapsedMonths = monthRange(firstUnpaid, addMonths(current, -1)).filter((m) => !paid.has(m));
    return { ...base, status: "LAPSED", unpaidMonths: [], nextMonth: current, nextDueDate: contributionDueDate(current), lapsedMonths };
  }
  const unpaidMonths = current < firstUnpaid ? [] : monthRange(firstUnpaid, current).filter((m) => !paid.has(m) && today > dueDateOf(m, input));
  return {
    ...base,
    status: unpaidMonths.length ? "ARREARS" : "AWAITING_PAYMENT",
    unpaidMonths,
    nextMonth: firstUnpaid,
    nextDueDate: dueDateOf(firstUnpaid, input),
    lapsedMonths: [],
  };
}
