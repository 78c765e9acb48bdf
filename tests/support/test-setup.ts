/**
 * Every unit and integration test file (vitest.config.ts):
 *  - the machine zone is the pinned one (scripts/lib/test-env.ts), not whatever the machine has;
 *  - a test that writes to console.error fails, with the line (tests/support/console.ts).
 */
import { afterEach, beforeEach } from "vitest";
import { TEST_TIME_ZONE } from "../../scripts/lib/test-env";
import { startConsoleGuard, stopConsoleGuard } from "./console";

if (Intl.DateTimeFormat().resolvedOptions().timeZone !== TEST_TIME_ZONE) {
  throw new Error(`Tests must run with TZ=${TEST_TIME_ZONE} (vitest.config.ts sets it), not ${Intl.DateTimeFormat().resolvedOptions().timeZone}.`);
}

beforeEach(() => startConsoleGuard());

afterEach(() => {
  const problems = stopConsoleGuard();
  if (problems.length) throw new Error(`The test wrote to console.error:\n${problems.join("\n")}`);
});
