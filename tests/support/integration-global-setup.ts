/**
 * Once per integration run: no worker database from an earlier run survives into this one, and
 * none is left behind on the server afterwards (also when it is an external DATABASE_URL server).
 */
import { dropDatabases } from "../../scripts/lib/test-databases";

export default async function setup(): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  const prefix = process.env.TEST_WORKER_DB_PREFIX;
  if (!adminUrl || !prefix) return async () => undefined;
  await dropDatabases(adminUrl, [], [prefix]);
  return () => dropDatabases(adminUrl, [], [prefix]);
}
