/**
 * `npm run db:backup-drill`: the restore drill by physical base backup (scripts/lib/base-backup.ts,
 * docs/decisions/0015-abuse-limits.md): pg_backup_start → copy of the data directory → pg_backup_stop →
 * the WAL written meanwhile → the copy started with the embedded `postgres` on a socket of its own →
 * every table's row count and fingerprint compared with the source. Exits 1 on any difference.
 * Uses DATABASE_URL (a superuser's, on this machine), or the embedded demo database (PG_DEMO_PORT);
 * every database of the server is compared. Run it on a quiet server (not while the demo serves).
 */
import { baseBackupDrill, mebibytes } from "./lib/base-backup";
import { DEMO_CLUSTER, runOnDatabase } from "./lib/database";
import { say } from "./lib/log";

await runOnDatabase(DEMO_CLUSTER, say, async (url) => {
  const r = await baseBackupDrill(url, { log: say });
  for (const d of r.differences) {
    say(`BERBEDA / DIFFERS ${d.table}: sumber ${d.source ? d.source.rows : "—"} baris, salinan ${d.copy ? d.copy.rows : "—"} baris`);
  }
  if (r.unlogged.length) say(`Tabel unlogged (kosong setelah pemulihan, tidak dibandingkan): ${r.unlogged.join(", ")}`);
  if (!r.ok) {
    say("Latihan pemulihan GAGAL: isi tabel berbeda / restore drill FAILED: tables differ.");
    return 1;
  }
  say(`Latihan pemulihan (base backup) berhasil / passed: ${r.databases.length} basis data, ${r.tables} tabel, ${r.rows} baris, ${mebibytes(r.bytes)} MiB disalin, ${r.seconds.toFixed(1)} s.`);
});
