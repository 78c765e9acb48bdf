import "server-only";
import { hashApiKey } from "@/lib/api/keys";
import { serverEnv, unsafeProductionSettings } from "@/lib/env";
import { logger } from "@/lib/log";
import { demoDataPresent } from "@/lib/ops/data";
import { DEMO_API_KEY } from "@/prisma/seed/api-keys";

const DEMO_DATA_ATTEMPTS = 10;
const DEMO_DATA_RETRY_MS = 2000;

/**
 * Refuses to serve when the configuration is unsafe for real users (called once per server process
 * from instrumentation.ts, Next's start-up hook). Each problem is one line on stderr, then the
 * process exits 1, so an orchestrator shows the reason instead of a portal that half works.
 * Outside production nothing is checked; the demo and the e2e server say LINDUNGIKUR_DEMO=1.
 */
export async function refuseUnsafeStart(): Promise<void> {
  let problems: string[];
  try {
    const env = serverEnv();
    problems = unsafeProductionSettings(env);
    if (env.NODE_ENV === "production" && env.LINDUNGIKUR_DEMO !== "1") problems.push(...(await demoDataCheck()));
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  }
  if (!problems.length) return;
  for (const problem of problems) process.stderr.write(`[lindungikur] Tidak dijalankan / refusing to start: ${problem}\n`);
  logger.fatal({ problems: problems.length }, "unsafe production configuration");
  process.exit(1);
}

/** The database may come up a little after the app (compose): a few retries, then refuse (fail closed). */
async function demoDataCheck(): Promise<string[]> {
  let last: unknown;
  for (let attempt = 1; attempt <= DEMO_DATA_ATTEMPTS; attempt++) {
    try {
      return await demoDataPresent(hashApiKey(DEMO_API_KEY));
    } catch (error) {
      last = error;
      await new Promise((r) => setTimeout(r, DEMO_DATA_RETRY_MS));
    }
  }
  return [`basis data tidak terjangkau, data demo tidak dapat diperiksa (${String(last).slice(0, 200)}). / The database is unreachable, so the demo-data check cannot run.`];
}
