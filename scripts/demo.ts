/**
 * `npm run demo`: the whole portal on one machine. Starts the embedded PostgreSQL (or uses
 * DATABASE_URL), applies migrations, seeds reference and demo data (idempotent), reprices contribution
 * lines for the relief rules deployed (`db:reprice`, idempotent), builds the
 * production app and serves it, with the background-job worker (scripts/worker.ts) beside it, on http://127.0.0.1:3000 (PORT overrides).
 */
import { DEMO_CLUSTER, resolveDatabase } from "./lib/database";
import { say } from "./lib/log";
import { applyMigrations } from "./lib/migrate";
import { bin, localAuthSecret, run, start, stopChild } from "./lib/processes";

const port = process.env.PORT ?? "3000";
const database = await resolveDatabase(DEMO_CLUSTER, say);
let server: ReturnType<typeof start> | undefined;
let worker: ReturnType<typeof start> | undefined;
const shutdown = async (code: number) => {
  await stopChild(server);
  await stopChild(worker);
  await database.stop();
  process.exit(code);
};
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  await applyMigrations(database.url, say);
  await run(bin("tsx"), ["--conditions=react-server", "scripts/db-seed.ts"], { DATABASE_URL: database.url });
  // Months of generated activity, so the dashboards have something to show (idempotent).
  await run(bin("tsx"), ["scripts/seed-activity.ts"], { DATABASE_URL: database.url });
  // Lines brought up to the relief rules of this checkout, as at every deploy (docs/decisions/0011 §4; idempotent).
  await run(bin("tsx"), ["--conditions=react-server", "scripts/reprice-contributions.ts"], { DATABASE_URL: database.url });
  say("Membangun aplikasi (next build) …");
  await run(bin("next"), ["build"], { NEXT_TELEMETRY_DISABLED: "1" });
  const env = {
    DATABASE_URL: database.url,
    AUTH_SECRET: await localAuthSecret(),
    AUTH_TRUST_HOST: "true",
    NODE_ENV: "production",
    // Demo accounts and the demo API key are expected here (lib/ops/startup.ts).
    LINDUNGIKUR_DEMO: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  server = start(bin("next"), ["start", "-H", "127.0.0.1", "-p", port], env);
  // Background jobs (imports, webhook deliveries, debtor notices): scripts/worker.ts, beside the server.
  worker = start(bin("tsx"), ["--conditions=react-server", "scripts/worker.ts"], env);
  say(`Portal berjalan di http://127.0.0.1:${port} — akun demo ada di README. Ctrl-C untuk berhenti.`);
  server.on("exit", (code) => void shutdown(code ?? 0));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
