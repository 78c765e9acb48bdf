import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Before any test code reads a date: the pinned zone, inherited by the workers. The same values as
// scripts/lib/test-env.ts (not imported: Vite's config loader wants no extension-less imports);
// tests/support/test-setup.ts fails every file if the two disagree.
process.env.TZ = process.env.TEST_TZ ?? "Asia/Makassar";
process.env.LOG_LEVEL ??= "warn";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; in Node tests it is a no-op marker.
  "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
};

/**
 * Integration files run in parallel, each worker in its own copy of the seeded template database
 * (tests/support/integration-setup.ts). Measured on the 2-core machine shared with other jobs
 * (load ≈ 12): 1 worker 271 s, 2 workers 164 s, 3 workers 134 s. The third worker won mostly CPU
 * share from the other jobs, and schema-drift (≈ 25–45 s, one file) bounds the total anyway, so the
 * default is one worker per core, at most 2. INTEGRATION_WORKERS overrides it.
 */
const integrationWorkers = Number(process.env.INTEGRATION_WORKERS ?? Math.min(2, Math.max(1, os.availableParallelism())));

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/test-setup.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/integration-global-setup.ts"],
          setupFiles: ["tests/support/test-setup.ts", "tests/support/integration-setup.ts"],
          fileParallelism: true,
          maxWorkers: integrationWorkers,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
