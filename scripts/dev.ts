/**
 * `npm run dev`: next dev against the embedded demo database (or DATABASE_URL), migrated and seeded,
 * with the background-job worker (scripts/worker.ts) beside it, so imports and notices run as in the demo.
 */
import { DEMO_CLUSTER, resolveDatabase } from "./lib/database";
import { say } from "./lib/log";
import { applyMigrations } from "./lib/migrate";
import { bin, localAuthSecret, run, start, stopChild } from "./lib/processes";

const database = await resolveDatabase(DEMO_CLUSTER, say);
await applyMigrations(database.url, say);
await run(bin("tsx"), ["--conditions=react-server", "scripts/db-seed.ts"], { DATABASE_URL: database.url });
const env = { DATABASE_URL: database.url, AUTH_SECRET: await localAuthSecret(), AUTH_TRUST_HOST: "true" };
const server = start(bin("next"), ["dev", "-H", "127.0.0.1", "-p", process.env.PORT ?? "3000"], env);
const worker = start(bin("tsx"), ["--conditions=react-server", "scripts/worker.ts"], env);
const shutdown = async () => {
  await Promise.all([stopChild(server), stopChild(worker)]);
  await database.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
server.on("exit", () => void shutdown());
