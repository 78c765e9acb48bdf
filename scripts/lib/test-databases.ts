/**
 * The test databases: one migrated and seeded template per run, and copies of it
 * (`CREATE DATABASE … TEMPLATE …`, a file copy: far quicker than migrating and seeding again) for
 * each integration worker and for the e2e server. Used by scripts/test-all.ts and by the
 * integration project's global setup and setup file (tests/support/integration-*.ts).
 */
import pg from "pg";

/** The migrated and seeded database every other test database is copied from. */
export const TEMPLATE_DB = "lindungikur_test_template";
/** Integration worker `n` (VITEST_POOL_ID) works in `lindungikur_it_w<n>`. */
export const WORKER_DB_PREFIX = "lindungikur_it_w";
export const E2E_DB = "lindungikur_e2e";

export function workerDatabase(poolId: string | number): string {
  return `${WORKER_DB_PREFIX}${poolId}`;
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
