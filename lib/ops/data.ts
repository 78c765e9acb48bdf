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

/** The demo accounts' domain (prisma/seed/demo.ts): their password is published in the README. */
export const DEMO_ACCOUNT_DOMAIN = "@demo.lindungikur.id";

/**
 * Demo data that must not exist in a real deployment, one sentence each: active demo accounts
 * (published password) and the published demo API key (prisma/seed/api-keys.ts). Throws when the
 * database cannot be read.
 */
export async function demoDataPresent(demoApiKeyHash: string): Promise<string[]> {
  const [accounts, key] = await Promise.all([
    db().user.count({ where: { email: { endsWith: DEMO_ACCOUNT_DOMAIN }, active: true } }),
    db().apiKey.count({ where: { keyHash: demoApiKeyHash, revokedAt: null } }),
  ]);
  const problems: string[] = [];
  if (accounts) {
    problems.push(
      `${accounts} akun demo (*${DEMO_ACCOUNT_DOMAIN}, kata sandinya ada di README) aktif di basis data ini: nonaktifkan atau hapus. / Demo accounts with a published password are active.`,
    );
  }
  if (key) problems.push("Kunci API demo (diterbitkan di docs/api.md) belum dicabut: cabut kunci itu. / The published demo API key is not revoked.");
  return problems;
}
