/**
 * `npm run seed:activity [-- --enrolments 400]`: months of generated enrolments, reviews and
 * payments in the demo database (over the demo's own offices and branches), so that the demo
 * dashboards have something to show. Written with triggers on, like any other write. Idempotent:
 * a second run finds the first one's rows and adds nothing. `npm run demo` runs it.
 */
import pg from "pg";
import { todayInZone } from "../lib/rules";
import { loadActivity, loadActivityMaster } from "./lib/activity";
import { DEMO_CLUSTER, resolveDatabase } from "./lib/database";
import { say } from "./lib/log";

const DEMO_RUN_TAG = "de00";
const i = process.argv.indexOf("--enrolments");
const enrolments = i > 0 ? Number(process.argv[i + 1]) : 400;

const database = await resolveDatabase(DEMO_CLUSTER, say);
const client = new pg.Client({ connectionString: database.url });
await client.connect();
try {
  const { rowCount } = await client.query(`select 1 from "Enrolment" where "loanNumber" like $1 limit 1`, [`GEN-${DEMO_RUN_TAG}-%`]);
  if (rowCount) {
    say("Aktivitas demo sudah ada.");
  } else {
    const master = await loadActivityMaster(client);
    const today = todayInZone(new Date(), "Asia/Jakarta");
    const counts = await loadActivity(client, master, { enrolments, months: 12, today, seed: 2026, runTag: DEMO_RUN_TAG });
    say(`Aktivitas demo: ${counts.enrolments} pendaftaran, ${counts.lines} baris iuran, ${counts.payments} pembayaran (12 bulan).`);
  }
} finally {
  await client.end();
  await database.stop();
}
