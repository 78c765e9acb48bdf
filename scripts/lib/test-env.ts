/**
 * The machine time zone every test runs in: WITA (UTC+8), deliberately neither UTC nor the offices'
 * default WIB (UTC+7), so that code which uses the machine's zone instead of the office's fails a
 * test instead of passing by luck. Unit and integration tests (vitest.config.ts), the e2e server
 * and the browser (scripts/test-all.ts, playwright.config.ts) all get it. TEST_TZ overrides it.
 */
export const TEST_TIME_ZONE = process.env.TEST_TZ ?? "Asia/Makassar";

/** Logs of the app under test: warnings and errors only (tests that check a log line spy on the logger). */
export const TEST_LOG_LEVEL = process.env.LOG_LEVEL ?? "warn";
