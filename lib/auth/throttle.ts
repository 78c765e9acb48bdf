/**
 * Sign-in throttling policy, per account (the e-mail as typed). Bank branches sit behind shared
 * NAT addresses, so an IP limit would lock a whole branch out; a per-account limit stops password
 * guessing against one officer without that collateral damage.
 *
 * Pure: the database part is in lib/auth/data.ts.
 */
export const MAX_FAILURES = 5;
/** Failures further apart than this start a new count. */
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

export interface ThrottleRow {
  failures: number;
  firstFailureAt: Date;
  lockedUntil: Date | null;
}

/** Whole minutes (at least 1) the account stays locked, or null when it is not locked. */
export function lockedMinutes(row: ThrottleRow | null, now: Date): number | null {
  if (!row?.lockedUntil || row.lockedUntil <= now) return null;
  return Math.max(1, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 60_000));
}

/** The row after one more failed attempt at `now`. */
export function afterFailure(row: ThrottleRow | null, now: Date): ThrottleRow {
  const expired =
    !row ||
    now.getTime() - row.firstFailureAt.getTime() > FAILURE_WINDOW_MS ||
    (row.lockedUntil !== null && row.lockedUntil <= now);
  const failures = expired ? 1 : row.failures + 1;
  const firstFailureAt = expired ? now : row.firstFailureAt;
  return {
    failures,
    firstFailureAt,
    lockedUntil: failures >= MAX_FAILURES ? new Date(now.getTime() + LOCK_MS) : null,
  };
}
