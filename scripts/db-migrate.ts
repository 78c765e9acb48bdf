/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded demo database. */
import { DEMO_CLUSTER, resolveDatabase } from "./lib/database";
import { say } from "./lib/log";
import { applyMigrations } from "./lib/migrate";

const database = await resolveDatabase(DEMO_CLUSTER, say);
try {
  const applied = await applyMigrations(database.url, say);
  say(applied.length ? `${applied.length} migrasi diterapkan.` : "Skema sudah mutakhir; tidak ada migrasi baru.");
} finally {
  await database.stop();
}
