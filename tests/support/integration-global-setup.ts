/**
 * Once per integration run: no worker database from an earlier run survives into this one, and
 * none is left behind on the server afterwards (also when it is an external DATABASE_URL server).
 */
import { WORKER_DB_PREFIX, dropDatabases } from "../../scripts/lib/test-databases";

export default async function setup(): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  if (!adminUrl) return async () => undefined;
  await dropDatabases(adminUrl, [], [WORKER_DB_PREFIX]);
  return () => dropDatabases(adminUrl, [], [WORKER_DB_PREFIX]);
}
