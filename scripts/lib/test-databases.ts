/**
 * The test databases: one migrated and seeded template per run, and copies of it
 * (`CREATE DATABASE … TEMPLATE …`, a file copy: far quicker than migrating and seeding again) for
 * each integration worker and for the e2e server. Used by scripts/test-all.ts and by the
 * integration project's global setup and setup file (tests/support/integration-*.ts).
 */
import pg from "pg";

/**
 * Every test database of one run carries the run's id (test-all's process id), so that two runs on
 * one server — two CI jobs on an external DATABASE_URL, or two terminals — never drop each other's.
 */
export const TEST_DB_PREFIX = "lindungikur_t";

export interface RunDatabases {
  /** The migrated and seeded database every other one is copied from. */
  template: string;
  /** Integration worker `n` (VITEST_POOL_ID) works in `<workerPrefix><n>`. */
  workerPrefix: string;
  e2e: string;
}

export function runDatabases(runId: string | number): RunDatabases {
  const run = `${TEST_DB_PREFIX}${runId}_`;
  return { template: `${run}template`, workerPrefix: `${run}it_w`, e2e: `${run}e2e` };
}

export function workerDatabase(workerPrefix: string, poolId: string | number): string {
  return `${workerPrefix}${poolId}`;
}

/**
 * Drops the test databases of earlier runs on this machine whose process is gone (a run that was
 * killed cannot clean up after itself). Only for the embedded cluster: on a shared server another
 * machine's run id says nothing about this machine's processes.
 */
export async function dropDatabasesOfDeadRuns(adminUrl: string): Promise<void> {
  const names = await withAdmin(adminUrl, async (c) =>
    (await c.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`${TEST_DB_PREFIX.replace(/_/g, "\\_")}%`])).rows.map((r) => r.datname),
  );
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const dead = names.filter((n) => {
    const pid = Number(/^lindungikur_t(\d+)_/.exec(n)?.[1]);
    return Number.isInteger(pid) && pid > 0 && !alive(pid);
  });
  if (dead.length) await dropDatabases(adminUrl, dead);
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** `name` as a fresh copy of `template` (dropped first if it exists). */
export async function cloneDatabase(adminUrl: string, template: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (c) => {
    await c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`);
    await c.query(`create database ${c.escapeIdentifier(name)} template ${c.escapeIdentifier(template)}`);
  });
}

/** Copies `template` into `name` unless `name` exists already. */
export async function ensureClone(adminUrl: string, template: string, name: string): Promise<void> {
  await withAdmin(adminUrl, async (c) => {
    const { rowCount } = await c.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await c.query(`create database ${c.escapeIdentifier(name)} template ${c.escapeIdentifier(template)}`);
  });
}

/** Drops the named databases and every database whose name starts with one of `prefixes`. */
export async function dropDatabases(adminUrl: string, names: readonly string[], prefixes: readonly string[] = []): Promise<void> {
  await withAdmin(adminUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>(
      `select datname from pg_database where datname = any($1::text[]) or datname like any($2::text[])`,
      [names, prefixes.map((p) => `${p.replace(/_/g, "\\_")}%`)],
    );
    for (const { datname } of rows) await c.query(`drop database if exists ${c.escapeIdentifier(datname)} with (force)`);
  });
}
