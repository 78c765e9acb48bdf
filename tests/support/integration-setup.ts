/**
 * Runs in each integration worker before its test file is imported: points DATABASE_URL at the
 * worker's own copy of the seeded template (VITEST_POOL_ID is 1…maxWorkers, one file at a time per
 * worker), so files run in parallel without seeing each other's rows. lib/env.ts reads
 * process.env on first use, after this. `npm run test:integration` sets the variables below.
 */
import { withDatabase } from "../../scripts/lib/database";
import { ensureClone, workerDatabase } from "../../scripts/lib/test-databases";

const templateUrl = process.env.TEST_TEMPLATE_DATABASE_URL;
const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
const workerPrefix = process.env.TEST_WORKER_DB_PREFIX;
if (!templateUrl || !adminUrl || !workerPrefix) {
  throw new Error(
    "TEST_TEMPLATE_DATABASE_URL / TEST_WORKER_DB_PREFIX / TEST_ADMIN_DATABASE_URL belum diset: jalankan `npm run test:integration` " +
      "(menyiapkan PostgreSQL uji), atau `npm run test:integration -- tests/integration/x.test.ts` untuk satu berkas.",
  );
}

const name = workerDatabase(workerPrefix, process.env.VITEST_POOL_ID ?? "1");
// The worker's first file makes its copy, later files of the same worker reuse it; the global
// setup drops them all at the end.
await ensureClone(adminUrl, decodeURIComponent(new URL(templateUrl).pathname.slice(1)), name);
process.env.DATABASE_URL = withDatabase(templateUrl, name);
