/**
 * Installs or upgrades pg-boss's schema ("pgboss") beside the portal's tables, as part of applying
 * the migrations: requests and workers then start with migrate off and never change the schema
 * (docs/decisions/0024-jobs-and-events.md).
 */
import { PgBoss } from "pg-boss";

export async function installJobQueue(url: string): Promise<void> {
  const boss = new PgBoss({ connectionString: url, schema: "pgboss", max: 1, supervise: false, schedule: false, migrate: true });
  boss.on("error", () => undefined);
  await boss.start();
  await boss.stop({ graceful: false });
}
