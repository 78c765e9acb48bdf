import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/db";

/** Where the committed migrations are (prisma/migrations/<timestamp>_<name>), as the migrator reads them. */
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+$/;

export type Readiness =
  | { ready: true; migrations: number }
  | { ready: false; reason: "database-unreachable" }
  | { ready: false; reason: "migrations-pending"; pending: string[] };

/**
 * Whether this instance may take traffic (a load balancer's readiness probe): the database answers
 * and every migration on disk is recorded as finished in `_prisma_migrations`.
 */
export async function readiness(dir: string = MIGRATIONS_DIR): Promise<Readiness> {
  const onDisk = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() && MIGRATION_NAME.test(e.name)).map((e) => e.name);
  let applied: Set<string>;
  try {
    const rows = await db().$queryRaw<{ migration_name: string }[]>`
      select migration_name from "_prisma_migrations" where finished_at is not null and rolled_back_at is null`;
    applied = new Set(rows.map((r) => r.migration_name));
  } catch {
    return { ready: false, reason: "database-unreachable" };
  }
  const pending = onDisk.filter((name) => !applied.has(name)).sort();
  return pending.length ? { ready: false, reason: "migrations-pending", pending } : { ready: true, migrations: onDisk.length };
}
