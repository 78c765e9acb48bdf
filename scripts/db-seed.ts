/**
 * `npm run db:seed`: reference data, demo accounts and demo enrolments into DATABASE_URL or the
 * embedded demo database. Applies pending migrations first. Idempotent.
 */
import { DEMO_CLUSTER, resolveDatabase } from "./lib/database";
import { say } from "./lib/log";
import { applyMigrations } from "./lib/migrate";
import { seedAll } from "./lib/seed";

const database = await resolveDatabase(DEMO_CLUSTER, say);
try {
  await applyMigrations(database.url, say);
  await seedAll(database.url, say);
} finally {
  await database.stop();
}
