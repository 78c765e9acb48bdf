/**
 * schema.prisma and the committed migrations must describe the same database
 * (docs/decisions/0002-migrations.md). Nothing else keeps them in step offline, so this test does:
 * it builds one database from the migrations and one from Prisma's own SQL for schema.prisma, and
 * compares their catalogs (columns, types, defaults, enums, indexes, constraints).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recreateDatabase, withDatabase } from "../../scripts/lib/database";
import { applyMigrations } from "../../scripts/lib/migrate";
import { diffSchemas, readSchema } from "../../scripts/lib/schema-sql";
import { withClient } from "../support/db";

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
if (!adminUrl) throw new Error("TEST_ADMIN_DATABASE_URL belum diset: jalankan lewat `npm run test:integration`.");

const FROM_MIGRATIONS = "lindungikur_drift_migrations";
const FROM_SCHEMA = "lindungikur_drift_schema";
const FROM_MUTATED = "lindungikur_drift_mutated";

async function catalog(url: string): Promise<unknown> {
  return withClient(url, async (c) => {
    const q = async (sql: string) => (await c.query(sql)).rows;
    return {
      columns: await q(`
        select table_name, column_name, data_type, udt_name, is_nullable, column_default,
               character_maximum_length, numeric_precision, datetime_precision
        from information_schema.columns
        where table_schema = 'public' and table_name <> '_prisma_migrations'
        order by table_name, column_name`),
      enums: await q(`
        select t.typname, array_agg(e.enumlabel order by e.enumsortorder) as labels
        from pg_type t join pg_enum e on e.enumtypid = t.oid
        group by t.typname order by t.typname`),
      indexes: await q(`
        select tablename, indexname, indexdef from pg_indexes
        where schemaname = 'public' and tablename <> '_prisma_migrations'
        order by tablename, indexname`),
      constraints: await q(`
        select conrelid::regclass::text as tbl, conname, pg_get_constraintdef(oid) as def
        from pg_constraint
        where connamespace = 'public'::regnamespace and conrelid::regclass::text <> '"_prisma_migrations"'
          and conrelid::regclass::text <> '_prisma_migrations'
        order by 1, 2`),
    };
  });
}

async function buildFromSchema(schema: string, database: string): Promise<unknown> {
  await recreateDatabase(adminUrl!, database);
  const url = withDatabase(adminUrl!, database);
  const sql = await diffSchemas(null, schema, url);
  await withClient(url, (c) => c.query(sql));
  return catalog(url);
}

let migrated: unknown;

beforeAll(async () => {
  await recreateDatabase(adminUrl, FROM_MIGRATIONS);
  const url = withDatabase(adminUrl, FROM_MIGRATIONS);
  await applyMigrations(url);
  migrated = await catalog(url);
}, 120_000);

afterAll(async () => {
  await withClient(adminUrl, async (c) => {
    for (const name of [FROM_MIGRATIONS, FROM_SCHEMA, FROM_MUTATED]) {
      await c.query(`drop database if exists ${name} with (force)`);
    }
  });
});

describe("schema.prisma and prisma/migrations agree", () => {
  it("the database built by the migrations equals the one schema.prisma describes", async () => {
    const fromSchema = await buildFromSchema(await readSchema(), FROM_SCHEMA);
    expect(migrated).toEqual(fromSchema);
  }, 120_000);

  it("a field added to schema.prisma without a migration is detected", async () => {
    const mutated = (await readSchema()).replace(
      /model Kanwil \{\n/,
      "model Kanwil {\n  driftProbe String?\n",
    );
    const fromMutated = await buildFromSchema(mutated, FROM_MUTATED);
    expect(migrated).not.toEqual(fromMutated);
  }, 120_000);
});
