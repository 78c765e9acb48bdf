/**
 * Sign-in throttling policy (docs/decisions/0015-abuse-limits.md). Pure: the counters live in
 * PostgreSQL through the project's one limiter (lib/action/limits.ts), used by lib/auth/data.ts.
 *
 * Per account (the e-mail as typed, whether or not it exists, so that a refusal says nothing about
 * existence): the first FREE_FAILURES wrong passwords cost nothing; after each further one the next
 * attempt must wait, and the wait doubles, from 15 seconds up to 15 minutes. Nothing is locked for
 * good: after the wait, the right password signs in and clears the count. So guessing is slow
 * (about 100 guesses a day at most) while a mistyping officer loses seconds, not a quarter of an hour.
 *
 * Per client address: at most ADDRESS_FAILURES failed sign-ins in ADDRESS_WINDOW_SECONDS, whatever the
 * accounts, which stops spraying one password over many accounts. Bank branches sit behind shared
 * NAT addresses, so the bound is on failures only and high enough for a branch's honest mistakes.
 */
export const FREE_FAILURES = 3;
export const FIRST_DELAY_SECONDS = 15;
export const MAX_DELAY_SECONDS = 15 * 60;
/** Consecutive failures are remembered this long after the first of them (a success forgets them). */
export const FAILURE_MEMORY_SECONDS = 24 * 60 * 60;

export const ADDRESS_FAILURES = 20;
export const ADDRESS_WINDOW_SECONDS = 15 * 60;

/**
 * Seconds the next attempt must wait after the `failures`-th consecutive failure: 0 up to
 * FREE_FAILURES, then 15 s, 30 s, 1 min, 2 min … capped at 15 min.
 */
export function delayAfterFailures(failures: number): number {
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - FREE_FAILURES - 1));
}
