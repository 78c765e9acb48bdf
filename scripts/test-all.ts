/**
 * `npm test`: type check, lint, unit tests, integration tests against a real PostgreSQL, and the
 * Playwright journeys in Chromium against a production build. `npm test -- <stage>…` runs only the
 * named stages (typecheck, lint, unit, integration, e2e); any other argument goes to the test runner
 * (`npm test -- integration tests/integration/x.test.ts`, `npm test -- e2e review`).
 *
 * PostgreSQL: the embedded test cluster (fsync off: throwaway data), or the server behind
 * DATABASE_URL when it is set. On it, one template database is migrated and seeded per run; every
 * integration worker and the e2e server get a copy of it (scripts/lib/test-databases.ts), and all
 * of them are dropped at the end. The database named in DATABASE_URL itself is never touched.
 *
 * Everything runs with TZ=Asia/Makassar (scripts/lib/test-env.ts) and builds into .next-test, so a
 * `npm run demo` serving .next from the same checkout keeps running.
 */
import { existsSync } from "node:fs";
import http from "node:http";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { TEST_CLUSTER, embeddedUrl, recreateDatabase, startEmbedded, withDatabase, type RunningDatabase } from "./lib/database";
import { say } from "./lib/log";
import { applyMigrations } from "./lib/migrate";
import { bin, run, start, stopChild, waitForHttp } from "./lib/processes";
import { cloneDatabase, dropDatabases, dropDatabasesOfDeadRuns, runDatabases } from "./lib/test-databases";
import { TEST_LOG_LEVEL, TEST_TIME_ZONE } from "./lib/test-env";
import { outageRelay } from "../tests/support/db-outage";

const STAGES = ["typecheck", "lint", "unit", "integration", "e2e"] as const;
type Stage = (typeof STAGES)[number];
const isStage = (a: string): a is Stage => (STAGES as readonly string[]).includes(a);
const asked = process.argv.slice(2).filter(isStage);
const stages: readonly Stage[] = asked.length ? asked : STAGES;
/** Arguments that are not stage names: handed to vitest / playwright (file filters, -t, --grep …). */
const passThrough = process.argv.slice(2).filter((a) => !isStage(a));
const E2E_PORT = process.env.E2E_PORT ?? "3100";
const RESULTS = path.resolve("test-results");
/** The test build's own folder (next.config.ts distDir), git-ignored; .next stays the demo's. */
const TEST_DIST_DIR = ".next-test";
/** This run's databases (template, integration workers, e2e), named after its process id. */
const DBS = runDatabases(process.pid);
/** What every test process gets: the pinned machine zone, quiet app logs. */
const TEST_ENV = { TZ: TEST_TIME_ZONE, LOG_LEVEL: TEST_LOG_LEVEL };

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
    await run(
      bin("vitest"),
      ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...passThrough],
      { ...TEST_ENV, ...env },
    );
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
    await dropDatabasesOfDeadRuns(adminUrl);
  }
}

let templateUrl: string | undefined;

/** The run's template: migrated and seeded once; the other test databases are copies of it. */
async function template(): Promise<string> {
  await testServer();
  if (templateUrl) return templateUrl;
  await recreateDatabase(adminUrl, DBS.template);
  const url = withDatabase(baseUrl, DBS.template);
  await applyMigrations(url, say);
  await run(bin("tsx"), ["--conditions=react-server", "scripts/db-seed.ts"], { DATABASE_URL: url, ...TEST_ENV });
  templateUrl = url;
  return url;
}

/** A fresh copy of the template. */
async function freshDatabase(name: string): Promise<string> {
  await template();
  await cloneDatabase(adminUrl, DBS.template, name);
  return withDatabase(baseUrl, name);
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
  const url = await freshDatabase(DBS.e2e);
  say(`Membangun aplikasi produksi (next build → ${TEST_DIST_DIR}) …`);
  // next build points next-env.d.ts at its distDir's route types; put it back afterwards, so that
  // `tsc` (tsconfig.json) never reads the test build's types, stale or not.
  const nextEnv = existsSync("next-env.d.ts") ? await readFile("next-env.d.ts", "utf8") : undefined;
  try {
    await run(bin("next"), ["build"], { NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: TEST_DIST_DIR, ...TEST_ENV });
  } finally {
    if (nextEnv === undefined) await rm("next-env.d.ts", { force: true });
    else await writeFile("next-env.d.ts", nextEnv);
  }
  // The local mail catcher the debtor's e-mail goes to (issue #15's journey reads it): ports from E2E_PORT.
  const mailPorts = { smtp: String(Number(E2E_PORT) + 20000), web: String(Number(E2E_PORT) + 20001) };
  const mailCatcher = start(bin("maildev"), ["-s", mailPorts.smtp, "-w", mailPorts.web, "--ip", "127.0.0.1", "--web-ip", "127.0.0.1"], {});
  const mailEnv = { SMTP_URL: `smtp://127.0.0.1:${mailPorts.smtp}`, PUBLIC_BASE_URL: `http://127.0.0.1:${E2E_PORT}` };
  // The server reaches its database through a relay the journeys can switch off and on
  // (E2E_DB_SWITCH_URL + "/down" | "/up"), as a database outage during a submit
  // (tests/e2e/eform-outage.spec.ts); the journeys' own checks go to the database directly.
  const relay = await outageRelay(url);
  let dbDown = false;
  const dbSwitch = http.createServer((req, res) => {
    if (req.url !== "/down" && req.url !== "/up") return void res.writeHead(404).end();
    // Idempotent: "up" when it is up (a journey's afterEach) changes nothing.
    const down = req.url === "/down";
    const act = down === dbDown ? async () => undefined : down ? relay.down : relay.up;
    dbDown = down;
    act().then(
      () => res.end(req.url),
      (e: unknown) => res.writeHead(500).end(String(e)),
    );
  });
  await new Promise<void>((resolve) => dbSwitch.listen(0, "127.0.0.1", resolve));
  const dbSwitchUrl = `http://127.0.0.1:${(dbSwitch.address() as import("node:net").AddressInfo).port}`;
  const app = start(bin("next"), ["start", "-H", "127.0.0.1", "-p", E2E_PORT], {
    ...TEST_ENV,
    ...mailEnv,
    NEXT_DIST_DIR: TEST_DIST_DIR,
    DATABASE_URL: relay.url,
    AUTH_SECRET: "e2e-secret-not-for-production-0123456789abcdef",
    AUTH_TRUST_HOST: "true",
    NODE_ENV: "production",
    // Demo accounts and the demo API key are expected here (lib/ops/startup.ts).
    LINDUNGIKUR_DEMO: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  // The background jobs (imports, deliveries, notices) run in their own process, as in production.
  const worker = start(bin("tsx"), ["--conditions=react-server", "scripts/worker.ts"], { ...TEST_ENV, ...mailEnv, DATABASE_URL: url, NODE_ENV: "production", LINDUNGIKUR_DEMO: "1" });
  const out = path.join(RESULTS, "playwright.json");
  try {
    await waitForHttp(`http://127.0.0.1:${E2E_PORT}/masuk`);
    await run(bin("playwright"), ["test", ...passThrough], {
      ...TEST_ENV,
      E2E_BASE_URL: `http://127.0.0.1:${E2E_PORT}`,
      DATABASE_URL: url,
      E2E_DB_SWITCH_URL: dbSwitchUrl,
      CHROMIUM_PATH: chromium,
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      E2E_MAILDEV_URL: `http://127.0.0.1:${mailPorts.web}`,
    });
  } finally {
    await tally(out, "playwright");
    await stopChild(app);
    await stopChild(worker);
    await stopChild(mailCatcher);
    await relay.close();
    await new Promise<void>((resolve) => dbSwitch.close(() => resolve()));
  }
}

let failure: unknown;
const timings: string[] = [];
try {
  await rm(RESULTS, { recursive: true, force: true });
  for (const stage of stages) {
    say(`── ${stage} ──`);
    const started = performance.now();
    try {
      if (stage === "typecheck") await run(bin("tsc"), ["--noEmit", "-p", "."]);
      if (stage === "lint") await run(bin("eslint"), ["--max-warnings", "0", "."]);
      if (stage === "unit") await vitest("unit");
      if (stage === "integration") {
        // Each worker copies the template into its own database (tests/support/integration-setup.ts).
        await vitest("integration", {
          TEST_TEMPLATE_DATABASE_URL: await template(),
          TEST_WORKER_DB_PREFIX: DBS.workerPrefix,
          TEST_ADMIN_DATABASE_URL: adminUrl,
          DATABASE_URL: undefined,
        });
      }
      if (stage === "e2e") await e2e();
    } finally {
      timings.push(`${stage} ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }
} catch (error) {
  failure = error;
} finally {
  if (server) {
    // Also the fixed names earlier versions of this script used.
    await dropDatabases(adminUrl, [DBS.template, DBS.e2e, ...(process.env.DATABASE_URL ? [] : ["lindungikur_it", "lindungikur_e2e"])], [DBS.workerPrefix]).catch((e) => say(`Basis data uji tidak terhapus: ${String(e)}`));
    await server.stop();
  }
}
// One closing line any CI can read.
if (timings.length) say(`waktu: ${timings.join(", ")}`);
console.log(`\n${counts.passed} passed, ${counts.failed} failed`);
if (failure) {
  console.error(failure instanceof Error ? failure.message : failure);
  process.exit(1);
}
