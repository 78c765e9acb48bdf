import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { baseBackupDrill } from "../../scripts/lib/base-backup";

afterAll(async () => {
  await db().$disconnect();
});

describe("restore drill by physical base backup (docs/decisions/0015-abuse-limits.md §Deployment and backups)", () => {
  it("a copy made with pg_backup_start/pg_backup_stop and the WAL written meanwhile opens with every table of the demo seed as it was", async () => {
    const url = process.env.DATABASE_URL!;
    const database = decodeURIComponent(new URL(url).pathname.slice(1));
    // The worker's database holds the demo seed (reference data, demo accounts and enrolments, one payment).
    expect(await db().contributionLine.count()).toBeGreaterThan(0);
    const r = await baseBackupDrill(url, { databases: [database] });
    expect(r.differences).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.databases).toEqual([database]);
    // Every model's table and Prisma's migration record, with rows in them.
    expect(r.tables).toBeGreaterThanOrEqual(20);
    expect(r.rows).toBeGreaterThan(100);
    expect(r.bytes).toBeGreaterThan(0);
  }, 120_000);
});
