/**
 * A test fails when something writes to console.error while it runs (tests/support/test-setup.ts):
 * the portal logs through pino (lib/log.ts), so console.error means an error nobody handled — a
 * React warning, a library complaining, a forgotten debug line. A test that provokes one on
 * purpose says so first: `expectConsoleError(/pattern/)`; an expected line that never comes fails too.
 */
import { format } from "node:util";

interface Guard {
  logged: string[];
  expected: { pattern: RegExp; seen: boolean }[];
}

const guard: Guard = { logged: [], expected: [] };
let original: typeof console.error | undefined;

export function expectConsoleError(pattern: RegExp): void {
  guard.expected.push({ pattern, seen: false });
}

export function startConsoleGuard(): void {
  guard.logged = [];
  guard.expected = [];
  original ??= console.error;
  console.error = (...args: unknown[]) => {
    const line = format(...args);
    const expected = guard.expected.find((e) => e.pattern.test(line));
    if (expected) expected.seen = true;
    else guard.logged.push(line);
  };
}

/** The problems of the test that just ran: unexpected lines, and expected ones that never came. */
export function stopConsoleGuard(): string[] {
  if (original) console.error = original;
  const problems = [
    ...guard.logged.map((l) => `console.error: ${l.length > 2000 ? `${l.slice(0, 2000)} …` : l}`),
    ...guard.expected.filter((e) => !e.seen).map((e) => `expected a console.error matching ${e.pattern}, none came`),
  ];
  guard.logged = [];
  guard.expected = [];
  return problems;
}
