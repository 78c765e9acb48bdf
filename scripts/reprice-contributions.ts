/**
 * `npm run db:reprice`: brings every approved enrolment's contribution lines up to the relief rules
 * deployed now (docs/decisions/0011-cover-lifecycle.md §4, docs/regulation.md §3.3): DUE lines are priced
 * again for their month, PAID lines paid at a price a relief now lowers are credited once, and the months
 * the credit pays in full are settled by it. Relief rules are code data, so it runs after `db:migrate` at
 * every start of the compose migrate job and of `npm run demo`. Idempotent: a second run changes nothing. Uses DATABASE_URL, or the embedded demo database. Every payment's transaction does the same
 * for its own enrolment, so skipping a run delays nothing that is paid.
 */
import { DEMO_CLUSTER, runOnDatabase } from "./lib/database";
import { say } from "./lib/log";

await runOnDatabase(DEMO_CLUSTER, say, async (url) => {
  process.env.DATABASE_URL = url;
  const [{ repriceAllEnrolments }, { db }] = await Promise.all([import("../lib/review/mutations"), import("../lib/db")]);
  try {
    const r = await repriceAllEnrolments();
    say(`Iuran dihitung ulang: ${r.enrolments} pendaftaran, ${r.repriced} bulan belum dibayar diubah, ${r.credited} bulan lunas dikreditkan, ${r.settledByCredit} bulan dilunasi kredit.`);
  } finally {
    await db().$disconnect();
  }
});
