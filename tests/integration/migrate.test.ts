import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { recreateDatabase, withDatabase } from "../../scripts/lib/database";
import { MIGRATIONS_DIR, applyMigrations, checksumOf, readMigrations } from "../../scripts/lib/migrate";
import { scratchDatabase, withClient } from "../support/db";

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
const DB = scratchDatabase("migrate");
const dirs: string[] = [];

afterAll(async () => {
  await withClient(adminUrl, (c) => c.query(`drop database if exists ${DB} with (force)`));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe("the migration runner (docs/decisions/0002-migrations.md)", () => {
  it("records each migration in _prisma_migrations with Prisma's sha256 checksum, once", async () => {
    await recreateDatabase(adminUrl, DB);
    const url = withDatabase(adminUrl, DB);
    const all = await readMigrations();
    expect(await applyMigrations(url)).toEqual(all.map((m) => m.name));
    expect(await applyMigrations(url)).toEqual([]);
    const rows = await withClient(url, (c) =>
      c.query(`select migration_name, checksum, finished_at is not null as finished from "_prisma_migrations" order by 1`),
    );
    expect(rows.rows).toEqual(all.map((m) => ({ migration_name: m.name, checksum: checksumOf(m.sql), finished: true })));
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "migr-"));
    dirs.push(dir);
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, "migration.sql"), `${first!.sql}\n-- edited\n`);
    await expect(applyMigrations(withDatabase(adminUrl, DB), () => undefined, dir)).rejects.toThrow(/berubah/);
  });

  it("refuses a migration folder whose name it does not recognise, instead of skipping its SQL", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "migr-"));
    dirs.push(dir);
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await mkdir(path.join(dir, "2026-12-01_add_column"));
    await writeFile(path.join(dir, "2026-12-01_add_column", "migration.sql"), `alter table "User" add column "x" int;\n`);
    await expect(applyMigrations(withDatabase(adminUrl, DB), () => undefined, dir)).rejects.toThrow(/2026-12-01_add_column/);
  });

  it("refuses to run when the database has applied a migration that is missing on disk, naming it", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "migr-"));
    dirs.push(dir);
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const all = await readMigrations(dir);
    const last = all.at(-1)!.name;
    await rm(path.join(dir, last), { recursive: true });
    await expect(applyMigrations(withDatabase(adminUrl, DB), () => undefined, dir)).rejects.toThrow(new RegExp(last));
  });

  it("a failing migration is rolled back whole and not recorded", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "migr-"));
    dirs.push(dir);
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const name = "29991231000000_broken";
    await import("node:fs/promises").then((fs) => fs.mkdir(path.join(dir, name)));
    await writeFile(path.join(dir, name, "migration.sql"), `create table "Half" (id int);\nselect * from "NoSuchTable";\n`);
    const url = withDatabase(adminUrl, DB);
    await expect(applyMigrations(url, () => undefined, dir)).rejects.toThrow(/29991231000000_broken/);
    const state = await withClient(url, async (c) => ({
      half: (await c.query(`select to_regclass('public."Half"') as t`)).rows[0].t,
      recorded: (await c.query(`select count(*)::int as n from "_prisma_migrations" where migration_name = $1`, [name])).rows[0].n,
    }));
    expect(state).toEqual({ half: null, recorded: 0 });
  });
});
