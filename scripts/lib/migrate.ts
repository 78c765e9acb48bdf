/**
 * Applies the committed SQL migrations in prisma/migrations/<timestamp>_<name>/migration.sql and
 * records them in Prisma's own `_prisma_migrations` table, with the same sha256 checksum the Prisma
 * CLI computes. The native schema engine cannot be installed on our machines
 * (docs/decisions/0002-migrations.md); a real `prisma migrate deploy` elsewhere sees these as applied.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { installJobQueue } from "./job-queue";

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+$/;
// Any fixed number: serialises concurrent migrators (demo + tests, two CI steps) on one server.
const ADVISORY_LOCK_KEY = 727_001_2023;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  // A folder the runner does not recognise is refused, not skipped: skipping it would leave its SQL
  // unapplied without a word (a typo in the timestamp, a "-" for "_").
  const unknown = entries.filter((e) => e.isDirectory() && !MIGRATION_NAME.test(e.name)).map((e) => e.name);
  if (unknown.length) {
    throw new Error(
      `Folder migrasi tidak dikenal: ${unknown.join(", ")}. Namanya harus <14 digit waktu>_<nama huruf kecil>. ` +
        `(Unrecognised migration folder: expected <timestamp>_<name>.)`,
    );
  }
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrations: Migration[] = [];
  for (const name of names) {
    const file = path.join(dir, name, "migration.sql");
    if (!existsSync(file)) throw new Error(`Migrasi ${name} tidak punya migration.sql`);
    const sql = await readFile(file, "utf8");
    migrations.push({ name, sql, checksum: checksumOf(sql) });
  }
  return migrations;
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies every pending migration, each in its own transaction. Returns the names applied. */
export async function applyMigrations(
  url: string,
  log: (line: string) => void = () => undefined,
  dir = MIGRATIONS_DIR,
): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("select pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>(`select migration_name, checksum, finished_at, rolled_back_at from "_prisma_migrations"`);
    const done = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r]));
    // The database is ahead of this checkout: it ran migrations this code does not have. Applying
    // the rest on top would mix two versions of the schema.
    const onDisk = new Set(migrations.map((m) => m.name));
    const missing = [...done.keys()].filter((name) => !onDisk.has(name)).sort();
    if (missing.length) {
      throw new Error(
        `Basis data mencatat migrasi yang tidak ada di folder ini: ${missing.join(", ")}. Jalankan kode versi yang ` +
          `sesuai, atau pakai basis data lain. (Migrations recorded in the database are missing on disk.)`,
      );
    }

    for (const m of migrations) {
      const row = done.get(m.name);
      if (row && row.finished_at === null) {
        throw new Error(
          `Migrasi ${m.name} pernah gagal di tengah jalan; perbaiki basis data lalu tandai rolled_back_at. ` +
            `(Migration ${m.name} failed earlier.)`,
        );
      }
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new Error(
            `Migrasi ${m.name} sudah diterapkan tetapi isinya berubah sejak itu. Jangan mengubah migrasi yang ` +
              `sudah diterapkan; buat migrasi baru. (Applied migration was modified.)`,
          );
        }
        continue;
      }
      log(`Menerapkan migrasi ${m.name} …`);
      await client.query("begin");
      try {
        await client.query(m.sql);
        await client.query(
          `insert into "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           values ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw new Error(`Migrasi ${m.name} gagal: ${(error as Error).message}`);
      }
      applied.push(m.name);
    }
  } finally {
    await client.query("select pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
  // The job queue's own schema, kept by pg-boss's migrations (idempotent).
  if (dir === MIGRATIONS_DIR) await installJobQueue(url);
  return applied;
}
