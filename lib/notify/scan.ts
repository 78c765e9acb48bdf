/**
 * The daily scan (`notify.daily-scan`, a pg-boss cron job; docs/decisions/0025): walks the approved
 * enrolments in batches and, for each, computes its cover on the Kantor Cabang's calendar day from the
 * stored contribution lines (lib/rules/coverage.ts, docs/regulation.md §3.4–§3.6) — not from the
 * dashboard's facts, so it needs nothing but the lines the real mutations wrote. It
 *
 * (a) writes the due-date reminder (DUE_SOON) into the debtor-message outbox from REMINDER_DAYS before a
 *     month's due date until that date, once per enrolment and month (dedupe key `due:<enrolment>:<month>`),
 *     opt-out respected by the outbox (an OPTED_OUT row), no NIK (the outbox refuses one);
 * (b) records `coverage.arrears` when a month first turns overdue and `coverage.lapsed` when the arrears
 *     window has passed (Perdir BPJS Ketenagakerjaan 22/PERDIR.02/072022 item 12 (a) and (b), as
 *     `coverageStatus` applies it), each once per transition: the told state is kept in CoverageAlert,
 *     written with the event in one transaction; settled months (ACTIVE or awaiting a month not yet due)
 *     remove it, which re-arms the next transition.
 */
import "server-only";
import { coverageFromLines } from "@/lib/review/data";
import { addDays, monthOf, todayInZone, type CoverageStatus } from "@/lib/rules";
import { scanCandidates } from "@/lib/notify/data";
import { queueDebtorMessages, rearmCoverageAlert, tellCoverageTransition, type CoverageAlertKind } from "@/lib/notify/mutations";

/** The reminder goes out this many days before a contribution's due date (issue #15). */
export const REMINDER_DAYS = 3;
/** Enrolments read per batch (one query for their lines). */
export const SCAN_BATCH = 500;
/** The zone whose month selects the candidates; at the cron's hour every Indonesian zone has the same day. */
const CANDIDATE_ZONE = "Asia/Jakarta";

export interface ScanResult {
  scanned: number;
  reminders: number;
  arrears: number;
  lapsed: number;
  rearmed: number;
}

const alertOf = (status: CoverageStatus): CoverageAlertKind | null => (status === "ARREARS" || status === "LAPSED" ? status : null);

/**
 * One pass over the approved enrolments on `now` (the clock is a parameter: tests pass a fixed day).
 * Candidates are those with today's month not paid — a protected one needs no reminder and cannot be
 * in arrears — and those with a told state to re-arm; read in id order, `batchSize` at a time.
 */
export async function runDailyScan(
  now: Date,
  options: { batchSize?: number; progress?: (done: number) => Promise<void>; /** These enrolments alone (a re-run for named ones). */ only?: readonly string[] } = {},
): Promise<ScanResult> {
  const result: ScanResult = { scanned: 0, reminders: 0, arrears: 0, lapsed: 0, rearmed: 0 };
  const month = `${monthOf(todayInZone(now, CANDIDATE_ZONE))}-01`;
  const batchSize = options.batchSize ?? SCAN_BATCH;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await scanCandidates(after, month, batchSize, options.only);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    for (const e of rows) {
      result.scanned++;
      const { today, coverage } = coverageFromLines(e.coverStartMonth!, e.contributionLines, now, e.kantorCabang.timeZone);
      const alert = alertOf(coverage.status);
      const told = e.coverageAlert?.state ?? null;
      if (alert === null && told !== null) {
        if (await rearmCoverageAlert(e.id, told)) result.rearmed++;
      } else if (alert !== null && alert !== told) {
        if (await tellCoverageTransition(e, alert, coverage, today, told)) result[alert === "ARREARS" ? "arrears" : "lapsed"]++;
      }
      // (a) The reminder: the next month awaited, its due date within REMINDER_DAYS (not once lapsed:
      // a lapsed participant is told how to resume by the lapse message).
      if (coverage.status !== "LAPSED" && today <= coverage.nextDueDate && addDays(today, REMINDER_DAYS) >= coverage.nextDueDate) {
        const queued = await queueDebtorMessages({ enrolmentId: e.id, kind: "DUE_SOON", dedupeKey: `due:${e.id}:${coverage.nextMonth}` }, now);
        if (queued.length) result.reminders++;
      }
    }
    await options.progress?.(result.scanned);
    if (rows.length < batchSize) break;
  }
  return result;
}

