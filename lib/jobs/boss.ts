/**
 * The pg-boss instances (docs/decisions/0024-jobs-and-events.md). One small producer per process
 * (the web server, the tests) that only sends: no maintenance, no schedules. The worker process
 * makes its own (scripts/worker.ts) with maintenance and schedules on. The schema "pgboss" is
 * installed with the migrations (scripts/lib/job-queue.ts), never by a request.
 */
import "server-only";
import { PgBoss } from "pg-boss";
import { serverEnv } from "@/lib/env";
import { logUnexpected } from "@/lib/log";
import type { JobDefinition } from "./define";

export const JOB_SCHEMA = "pgboss";

const globalForBoss = globalThis as unknown as { jobProducer?: Promise<PgBoss>; jobQueues?: Set<string> };

/** The process's sending instance, started on first use; a failed start is retried at the next use. */
export function producer(): Promise<PgBoss> {
  globalForBoss.jobProducer ??= (async () => {
    const boss = new PgBoss({
      connectionString: serverEnv().DATABASE_URL,
      schema: JOB_SCHEMA,
      max: 2,
      supervise: false,
      schedule: false,
      migrate: false,
    });
    boss.on("error", (error) => logUnexpected(error, { fault: "job-queue" }));
    await boss.start();
    return boss;
  })().catch((error: unknown) => {
    globalForBoss.jobProducer = undefined;
    throw error;
  });
  return globalForBoss.jobProducer;
}

/** The queue's retry policy as pg-boss takes it (createQueue and send alike). */
export function queuePolicy(def: JobDefinition<never>) {
  const { retryLimit, retryDelay, retryBackoff, retryDelayMax, expireInSeconds } = def.options;
  return { retryLimit, retryDelay, retryBackoff, expireInSeconds, ...(retryDelayMax ? { retryDelayMax } : {}) };
}

/** Creates the job's queue once per process (pg-boss's create_queue is idempotent). */
export async function ensureQueue(boss: PgBoss, def: JobDefinition<never>): Promise<void> {
  globalForBoss.jobQueues ??= new Set();
  if (globalForBoss.jobQueues.has(def.name)) return;
  if (!(await boss.getQueue(def.name))) await boss.createQueue(def.name, queuePolicy(def));
  globalForBoss.jobQueues.add(def.name);
}

/** Stops this process's producer, if it started one (scripts end with it, so the process can exit). */
export async function closeJobProducer(): Promise<void> {
  const starting = globalForBoss.jobProducer;
  globalForBoss.jobProducer = undefined;
  globalForBoss.jobQueues = undefined;
  if (!starting) return;
  const boss = await starting.catch(() => undefined);
  await boss?.stop({ graceful: false });
}
