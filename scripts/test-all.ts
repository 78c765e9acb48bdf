/**
 * `npm test`: type check, lint, unit tests, integration tests against a real PostgreSQL, and the
 * Playwright journeys in Chromium against a production build. `npm test -- <stage>…` runs only the
 * named stages (typecheck, lint, unit, integration, e2e).
 *
 * PostgreSQL: the embedded test cluster (fsync off: throwaway data), or the server behind
 * DATABASE_URL when it is set, on which fresh databases named lindungikur_it / lindungikur_e2e are
 * created and dropped; the database named in DATABASE_URL itself is never touched.
 */
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import {
  TEST_CLUSTER,
  embeddedUrl,
  recreateDatabase,
  startEmbedded,
  withDatabase,
  type RunningDatabase,
} from "./lib/database";
import { say } from "./lib/log";
import { applyMigrations } from "./lib/migrate";
import { bin, run, start, stopChild, waitForHttp } from "./lib/processes";

const STAGES = ["typecheck", "lint", "unit", "integration", "e2e"] as const;
type Stage = (typeof STAGES)[number];
const asked = process.argv.slice(2).filter((a): a is Stage => (STAGES as readonly string[]).includes(a));
const stages: readonly Stage[] = asked.length ? asked : STAGES;
const E2E_PORT = process.env.E2E_PORT ?? "3100";
const RESULTS = path.resolve("test-results");

export const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];

const counts = { passed: 0, failed: 0 };

async function tally(file: string, kind: "vitest" | "playwright"): Promise<void> {
  if (!existsSync(file)) return;
  const report = JSON.parse(await readFile(file, "utf8"));
  if (kind === "vitest") {
    counts.passed += report.numPassedTests ?? 0;
    counts.failed += report.numFailedTests ?? 0;
  } else {
    counts.passed += report.stats?.expected ?? 0;
    counts.failed += (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0);
  }
}

async function vitest(project: "unit" | "integration", env: Record<string, string | undefined> = {}): Promise<void> {
  const out = path.join(RESULTS, `vitest-${project}.json`);
  try {
    await run(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], env);
  } finally {
    await tally(out, "vitest");
  }
}

let server: RunningDatabase | undefined;
let adminUrl = "";
let baseUrl = "";

async function testServer(): Promise<void> {
  if (server) return;
  if (process.env.DATABASE_URL) {
    say("DATABASE_URL diset: basis data uji dibuat di server itu.");
    baseUrl = process.env.DATABASE_URL;
    adminUrl = withDatabase(baseUrl, "postgres");
    server = { url: baseUrl, stop: async () => undefined, startedHere: false };
  } else {
    server = await startEmbedded(TEST_CLUSTER, say);
    baseUrl = server.url;
    adminUrl = embeddedUrl(TEST_CLUSTER, "postgres");
  }
}

/** A fresh, migrated and seeded database. */
async function freshDatabase(name: string): Promise<string> {
  await testServer();
  await recreateDatabase(adminUrl, name);
  const url = withDatabase(baseUrl, name);
  await applyMigrations(url, say);
  await run(bin("tsx"), ["--conditions=react-server", "scripts/db-seed.ts"], { DATABASE_URL: url });
  return url;
}

function chromiumPath(): string {
  const found = CHROMIUM_CANDIDATES.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      "Chromium tidak ditemukan, jadi uji e2e tidak bisa berjalan. Pasang dengan: apt-get install -y chromium " +
        "(atau set CHROMIUM_PATH). / Chromium not found: install it with `apt-get install -y chromium`.",
    );
  }
  return found;
}

async function e2e(): Promise<void> {
  const chromium = chromiumPath();
  const url = await freshDatabase("lindungikur_e2e");
  say("Membangun aplikasi produksi (next build) …");
  await run(bin("next"), ["build"], { NEXT_TELEMETRY_DISABLED: "1" });
  const app = start(bin("next"), ["start", "-H", "127.0.0.1", "-p", E2E_PORT], {
    DATABASE_URL: url,
    AUTH_SECRET: "e2e-secret-not-for-production-0123456789abcdef",
    AUTH_TRUST_HOST: "true",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const out = path.join(RESULTS, "playwright.json");
  try {
    await waitForHttp(`http://127.0.0.1:${E2E_PORT}/masuk`);
    await run(bin("playwright"), ["test"], {
      E2E_BASE_URL: `http://127.0.0.1:${E2E_PORT}`,
      DATABASE_URL: url,
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    });
  } finally {
    await tally(out, "playwright");
    await stopChild(app);
  }
}

let failure: unknown;
try {
  await rm(RESULTS, { recursive: true, force: true });
  for (const stage of stages) {
    say(`── ${stage} ──`);
    if (stage === "typecheck") await run(bin("tsc"), ["--noEmit", "-p", "."]);
    if (stage === "lint") await run(bin("eslint"), ["--max-warnings", "0", "."]);
    if (stage === "unit") await vitest("unit");
    if (stage === "integration") {
      const url = await freshDatabase("lindungikur_it");
      await vitest("integration", { DATABASE_URL: url, TEST_ADMIN_DATABASE_URL: adminUrl });
    }
    if (stage === "e2e") await e2e();
  }
} catch (error) {
  failure = error;
} finally {
  await server?.stop();
}
// One closing line any CI can read.
console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
if (failure) {
  console.error(failure instanceof Error ? failure.message : failure);
  process.exit(1);
}
