/**
 * `npm run db:ready`: the readiness check a load balancer gets from /api/ready (lib/ops/data.ts),
 * from the command line: exits 0 when the database answers and every migration is applied.
 */
import { DEMO_CLUSTER, resolveDatabase } from "./lib/database";
import { say } from "./lib/log";

const database = await resolveDatabase(DEMO_CLUSTER, say);
process.env.DATABASE_URL = database.url;
const { readiness } = await import("../lib/ops/data");
const { db } = await import("../lib/db");
try {
  const state = await readiness();
  say(state.ready ? `Siap: ${state.migrations} migrasi diterapkan.` : `Belum siap: ${JSON.stringify(state)}`);
  process.exitCode = state.ready ? 0 : 1;
} finally {
  await db().$disconnect();
  await database.stop();
}
