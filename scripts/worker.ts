/**
 * `npm run worker`: runs the background jobs (lib/jobs/registry.ts) against DATABASE_URL — imports,
 * exports, webhook deliveries, debtor notices, the event fan-out. Start as many as the work needs,
 * on as many machines: pg-boss hands each job to one of them (docs/decisions/0024-jobs-and-events.md).
 * `npm run demo` and the e2e server start one beside the web server. SIGTERM lets running jobs finish
 * (30 s), then stops.
 */
import { PgBoss } from "pg-boss";
import { JOB_SCHEMA, queuePolicy } from "@/lib/jobs/boss";
import { executeJob, type ClaimedJob } from "@/lib/jobs";
import { JOBS } from "@/lib/jobs/registry";
import { serverEnv } from "@/lib/env";
import { logger, logUnexpected } from "@/lib/log";

const boss = new PgBoss({ connectionString: serverEnv().DATABASE_URL, schema: JOB_SCHEMA, max: 4, migrate: false });
boss.on("error", (error) => logUnexpected(error, { fault: "job-queue" }));
await boss.start();

for (const def of JOBS) {
  if (!(await boss.getQueue(def.name))) await boss.createQueue(def.name, queuePolicy(def));
  await boss.work(
    def.name,
    { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true, localConcurrency: def.options.concurrency },
    async ([job]) => executeJob(def, job as unknown as ClaimedJob<never>),
  );
  if (def.options.cron) await boss.schedule(def.name, def.options.cron, { input: {} }, { tz: "UTC" });
}
logger.info({ jobs: JOBS.map((d) => d.name) }, "worker started");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await boss.stop({ graceful: true, timeout: 30_000 });
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
