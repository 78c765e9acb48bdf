import { describe, expect, it } from "vitest";
import { FAILURE_WINDOW_MS, LOCK_MS, MAX_FAILURES, afterFailure, lockedMinutes, type ThrottleRow } from "@/lib/auth/throttle";

const T0 = new Date("2026-11-21T03:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

function fail(times: number, start: ThrottleRow | null = null, stepMs = 1000): ThrottleRow | null {
  let row = start;
  for (let i = 0; i < times; i++) row = afterFailure(row, at(i * stepMs));
  return row;
}

describe("sign-in throttling per account", () => {
  it(`locks the account after ${MAX_FAILURES} failures within the window`, () => {
    const row = fail(MAX_FAILURES)!;
    expect(row.failures).toBe(MAX_FAILURES);
    expect(row.lockedUntil).toEqual(at((MAX_FAILURES - 1) * 1000 + LOCK_MS));
    expect(lockedMinutes(row, at(MAX_FAILURES * 1000))).toBe(15);
  });

  it(`does not lock after ${MAX_FAILURES - 1} failures`, () => {
    const row = fail(MAX_FAILURES - 1)!;
    expect(row.lockedUntil).toBeNull();
    expect(lockedMinutes(row, at(10_000))).toBeNull();
  });

  it("starts a new count when failures are further apart than the window", () => {
    const row = fail(MAX_FAILURES - 1, null, 1000)!;
    const later = afterFailure(row, at(FAILURE_WINDOW_MS + 5000));
    expect(later.failures).toBe(1);
    expect(later.lockedUntil).toBeNull();
  });

  it("unlocks when the lock has run out, and the next failure counts from one", () => {
    const locked = fail(MAX_FAILURES)!;
    const after = at(MAX_FAILURES * 1000 + LOCK_MS);
    expect(lockedMinutes(locked, after)).toBeNull();
    expect(afterFailure(locked, after).failures).toBe(1);
  });

  it("rounds the remaining lock up to whole minutes, at least one", () => {
    const row: ThrottleRow = { failures: MAX_FAILURES, firstFailureAt: T0, lockedUntil: at(61_000) };
    expect(lockedMinutes(row, T0)).toBe(2);
    expect(lockedMinutes(row, at(60_500))).toBe(1);
  });
});
