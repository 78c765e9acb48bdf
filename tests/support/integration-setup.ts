/**
 * Runs in each integration worker before its test file is imported: points DATABASE_URL at the
 * worker's own copy of the seeded template (VITEST_POOL_ID is 1…maxWorkers, one file at a time per
 * worker), so files run in parallel without seeing each other's rows. lib/env.ts reads
 * process.env on first use, after this. `npm run test:integration` sets the variables below.
 */
import { withDatabase } from "../../scripts/lib/database";
import { TEMPLATE_DB, ensureClone, workerDatabase } from "../../scripts/lib/test-databases";

const templateUrl = process.env.TEST_TEMPLATE_DATABASE_URL;
const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
if (!templateUrl || !adminUrl) {
  throw new Error(
    "TEST_TEMPLATE_DATABASE_URL / TEST_ADMIN_DATABASE_URL belum diset: jalankan `npm run test:integration` " +
      "(menyiapkan PostgreSQL uji), atau `npm run test:integration -- tests/integration/x.test.ts` untuk satu berkas.",
  );
}

const name = workerDatabase(process.env.VITEST_POOL_ID ?? "1");
// The global setup dropped earlier copies; the worker's first file makes its copy, later files reuse it.
await ensureClone(adminUrl, new URL(templateUrl).pathname.slice(1) || TEMPLATE_DB, name);
process.env.DATABASE_URL = withDatabase(templateUrl, name);
