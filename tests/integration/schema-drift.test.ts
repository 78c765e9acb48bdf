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
import { scratchDatabase, withClient } from "../support/db";

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
if (!adminUrl) throw new Error("TEST_ADMIN_DATABASE_URL belum diset: jalankan lewat `npm run test:integration`.");

const FROM_MIGRATIONS = scratchDatabase("drift_migrations");
const FROM_SCHEMA = scratchDatabase("drift_schema");
const FROM_MUTATED = scratchDatabase("drift_mutated");

/**
 * Extensions that migrations create by hand (schema.prisma cannot declare them without a preview
 * feature). The schema-side database gets them before Prisma's SQL runs, since its indexes (e.g.
 * gin_trgm_ops) need them; the catalogs still compare the installed extensions, so a migration that
 * forgets one, or an extension nobody listed here, fails the test.
 */
const HAND_WRITTEN_EXTENSIONS = ["pg_trgm"];

/**
 * Indexes that migrations create by hand because Prisma cannot declare them (expression indexes, a partial covering index).
 * The test checks that the migrations create each of them, then leaves them out of the comparison;
 * any other index missing from schema.prisma still fails it.
 */
const HAND_WRITTEN_INDEXES = ["DashEnrolmentFact_arrears_idx", "Participant_nik_last4_idx"];

/**
 * Constraints Prisma cannot declare (CHECK), created by hand in their migration; checked to exist,
 * then left out of the comparison like the indexes above.
 */
const HAND_WRITTEN_CONSTRAINTS = ["PhaseRule_one_region_check", "PhaseRule_period_check", "Payment_recorder_check", "PaymentChannelKey_penyalur_autodebit_check"];

/**
 * Every trigger is hand-written (schema.prisma cannot declare one): the dashboard aggregates'
 * (docs/decisions/0007), the audit table's append-only guard and its role/Kanwil fill, the
 * Kantor Cabang move and the guard of decided phase rules (docs/decisions/0014). The migrations must create exactly these: a trigger
 * dropped by a later migration, or one nobody listed here, fails the test.
 */
const HAND_WRITTEN_TRIGGERS = [
  "AuditEvent.audit_event_fill",
  "AuditEvent.audit_event_no_truncate",
  "AuditEvent.audit_event_no_update",
  "ContributionLine.dash_line_delete",
  "ContributionLine.dash_line_insert",
  "ContributionLine.dash_line_update",
  "DashContributionCell.dash_national_contribution_delete",
  "DashContributionCell.dash_national_contribution_insert",
  "DashContributionCell.dash_national_contribution_truncate",
  "DashContributionCell.dash_national_contribution_update",
  "DashCoverageCell.dash_national_coverage_delete",
  "DashCoverageCell.dash_national_coverage_insert",
  "DashCoverageCell.dash_national_coverage_truncate",
  "DashCoverageCell.dash_national_coverage_update",
  "DashDecisionKanwilCell.dash_national_decision_delete",
  "DashDecisionKanwilCell.dash_national_decision_insert",
  "DashDecisionKanwilCell.dash_national_decision_truncate",
  "DashDecisionKanwilCell.dash_national_decision_update",
  "DashOfficeCell.dash_list_counts_delete",
  "DashOfficeCell.dash_list_counts_insert",
  "DashOfficeCell.dash_list_counts_truncate",
  "DashOfficeCell.dash_list_counts_update",
  "DashWeekCell.dash_national_week_delete",
  "DashWeekCell.dash_national_week_insert",
  "DashWeekCell.dash_national_week_truncate",
  "DashWeekCell.dash_national_week_update",
  "Enrolment.dash_enrolment_delete",
  "Enrolment.dash_enrolment_insert",
  "Enrolment.dash_enrolment_update",
  "KantorCabang.dash_kantor_cabang_moved",
  "PhaseRule.phase_rule_keep_decided",
];

type Catalog = { indexes: { indexname: string }[]; constraints: { conname: string }[]; triggers: { name: string }[] } & Record<string, unknown>;

function withoutHandWrittenIndexes(catalog: Catalog): Catalog {
  return {
    ...catalog,
    indexes: catalog.indexes.filter((i) => !HAND_WRITTEN_INDEXES.includes(i.indexname)),
    constraints: catalog.constraints.filter((c) => !HAND_WRITTEN_CONSTRAINTS.includes(c.conname)),
    triggers: [],
  };
}

async function catalog(url: string): Promise<Catalog> {
  return withClient(url, async (c) => {
    const q = async (sql: string) => (await c.query(sql)).rows;
    return {
      extensions: await q(`select extname from pg_extension order by extname`),
      columns: await q(`
        select table_name, column_name, data_type, udt_name, is_nullable, column_default,
               character_maximum_length, numeric_precision, datetime_precision
        from information_schema.columns
        where table_schema = 'public' and table_name <> '_prisma_migrations'
        order by table_name, column_name`),
      enums: await q(`
        select t.typname, array_agg(e.enumlabel order by e.enumsortorder) as labels
        from pg_type t join pg_enum e on e.enumtypid = t.oid
        -- The job queue's own schema (pgboss, installed by pg-boss with the migrations) is not Prisma's.
        where t.typnamespace = 'public'::regnamespace
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
      triggers: await q(`
        select c.relname || '.' || t.tgname as name
        from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where not t.tgisinternal and c.relnamespace = 'public'::regnamespace
        order by 1`),
    };
  });
}

async function buildFromSchema(schema: string, database: string): Promise<Catalog> {
  await recreateDatabase(adminUrl!, database);
  const url = withDatabase(adminUrl!, database);
  const sql = await diffSchemas(null, schema, url);
  await withClient(url, async (c) => {
    for (const extension of HAND_WRITTEN_EXTENSIONS) await c.query(`create extension if not exists ${extension}`);
    await c.query(sql);
  });
  return catalog(url);
}

let migrated: Catalog;

beforeAll(async () => {
  await recreateDatabase(adminUrl, FROM_MIGRATIONS);
  const url = withDatabase(adminUrl, FROM_MIGRATIONS);
  await applyMigrations(url);
  const full = await catalog(url);
  const names = full.indexes.map((i) => i.indexname);
  for (const index of HAND_WRITTEN_INDEXES) {
    if (!names.includes(index)) throw new Error(`the migrations do not create the hand-written index ${index}`);
  }
  const constraints = full.constraints.map((c) => c.conname);
  for (const constraint of HAND_WRITTEN_CONSTRAINTS) {
    if (!constraints.includes(constraint)) throw new Error(`the migrations do not create the hand-written constraint ${constraint}`);
  }
  const triggers = full.triggers.map((t) => t.name);
  if (JSON.stringify(triggers) !== JSON.stringify([...HAND_WRITTEN_TRIGGERS].sort())) {
    throw new Error(`the migrations' triggers ${JSON.stringify(triggers)} are not the hand-written list ${JSON.stringify(HAND_WRITTEN_TRIGGERS)}`);
  }
  migrated = withoutHandWrittenIndexes(full);
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
    expect(fromSchema.triggers).toEqual([]);
    expect(migrated).toEqual(withoutHandWrittenIndexes(fromSchema));
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
