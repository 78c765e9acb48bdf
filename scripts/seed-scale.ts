/**
 * `npm run seed:scale -- --enrolments 1000000 [--months 24] [--seed 1] [--today 2026-11-21]`:
 * a national data set for the dashboards and their benchmarks (issue #6), in its own database
 * `lindungikur_scale` — on the embedded scale cluster (.data/pg-scale, port PG_SCALE_PORT, default
 * 54349), or on the server of DATABASE_URL when that is set (the database in the URL is not touched).
 *
 * Recreates the database, migrates, seeds reference data and the demo accounts (so one can sign in),
 * adds national master data, COPYs the generated rows with triggers off, rebuilds the dashboard
 * aggregates with dash_rebuild() and runs ANALYZE. Prints the time of each step and the sizes.
 */
import pg from "pg";
import { seedReference } from "../prisma/seed/reference";
import { seedDemoUsers } from "../prisma/seed/demo";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { todayInZone } from "../lib/rules";
import { bulkLoadActivity, ensureNationalMasterData, loadActivityMaster } from "./lib/activity";
import { SCALE_CLUSTER, embeddedUrl, recreateDatabase, startEmbedded, withDatabase } from "./lib/database";
import { say } from "./lib/log";
import { applyMigrations } from "./lib/migrate";

export const SCALE_DATABASE = "lindungikur_scale";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const enrolments = Number(arg("enrolments", "1000000"));
const months = Number(arg("months", "24"));
const seed = Number(arg("seed", "1"));
const today = arg("today", todayInZone(new Date(), "Asia/Jakarta"));
if (!Number.isSafeInteger(enrolments) || enrolments < 1 || !Number.isSafeInteger(months) || months < 1 || months > 96) {
  console.error("Pemakaian: npm run seed:scale -- --enrolments 1000000 [--months 24 (1–96)] [--seed 1] [--today YYYY-MM-DD]");
  process.exit(2);
}

const started = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const external = process.env.DATABASE_URL;
const server = external ? null : await startEmbedded(SCALE_CLUSTER, say);
const adminUrl = external ? withDatabase(external, "postgres") : embeddedUrl(SCALE_CLUSTER, "postgres");
const url = withDatabase(external ?? server!.url, SCALE_DATABASE);
try {
  await recreateDatabase(adminUrl, SCALE_DATABASE);
  await applyMigrations(url, say);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await seedReference(prisma);
  await seedDemoUsers(prisma);
  await prisma.$disconnect();

  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await ensureNationalMasterData(admin);
  const master = await loadActivityMaster(admin);
  say(`Data induk: ${master.kcs.size} Kantor Cabang, ${master.offices.length} kantor penyalur.`);

  let step = Date.now();
  const clients = await Promise.all(
    [0, 1, 2, 3].map(async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  let lastReport = 0;
  const totals = await bulkLoadActivity(clients, master, { enrolments, months, today, seed, runTag: "5ca1" }, (done) => {
    if (done - lastReport >= 100_000 || done === enrolments) {
      lastReport = done;
      say(`  ${done.toLocaleString("id-ID")} pendaftaran … (${seconds(step)})`);
    }
  });
  await Promise.all(clients.map((c) => c.end()));
  say(`COPY selesai: ${totals.enrolments} pendaftaran, ${totals.lines} baris iuran, ${totals.payments} pembayaran dalam ${seconds(step)}.`);

  step = Date.now();
  await admin.query("set work_mem = '256MB'");
  await admin.query("select dash_rebuild()");
  say(`Agregat dasbor dibangun (dash_rebuild) dalam ${seconds(step)}.`);
  step = Date.now();
  await admin.query("analyze");
  say(`ANALYZE dalam ${seconds(step)}.`);

  const sizes = await admin.query<{ name: string; rows: string; size: string }>(`
    select c.relname as name, c.reltuples::bigint::text as rows, pg_size_pretty(pg_total_relation_size(c.oid)) as size
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and pg_total_relation_size(c.oid) > 1024 * 1024
    order by pg_total_relation_size(c.oid) desc`);
  for (const r of sizes.rows) say(`  ${r.name.padEnd(24)} ${r.rows.padStart(12)} baris  ${r.size}`);
  const db = await admin.query<{ size: string }>("select pg_size_pretty(pg_database_size(current_database())) as size");
  say(`Basis data ${SCALE_DATABASE}: ${db.rows[0]!.size}; total ${seconds(started)}.`);
  say(`DATABASE_URL=${url}`);
  await admin.end();
} finally {
  await server?.stop();
}
