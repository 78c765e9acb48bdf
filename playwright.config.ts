import { defineConfig, devices } from "@playwright/test";
import { TEST_TIME_ZONE } from "./scripts/lib/test-env";

/**
 * Journeys in Debian's Chromium against a production build (`next start`), which scripts/test-all.ts
 * builds and serves with a fresh seeded database. Browsers cannot be downloaded here (docs/platform.md §4).
 * The "sessions" project signs every demo account in once (tests/e2e/sessions.setup.ts); the
 * journeys start from those sessions (fixtures.ts). The browser runs in the pinned test zone
 * (WITA), not the offices' WIB, so a page that formats with the browser's zone fails.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100",
    locale: "id-ID",
    timezoneId: TEST_TIME_ZONE,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "sessions", testMatch: /sessions\.setup\.ts$/ },
    { name: "chromium", dependencies: ["sessions"], use: { ...devices["Desktop Chrome"] } },
  ],
});
