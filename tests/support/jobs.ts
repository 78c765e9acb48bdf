/**
 * Runs queued jobs inside an integration test, through the same executeJob the worker uses
 * (scripts/worker.ts), against the worker's copy of the database: fetch from pg-boss, run,
 * complete or fail. A failed job goes back to pg-boss's retry state with its backoff, as in
 * production; `runQueuedJobs` does not wait for retries (pass `retryNow` to make them due at once).
 */
import { PgBoss } from "pg-boss";
import { executeJob, type ClaimedJob, type JobDefinition } from "@/lib/jobs";
import { JOB_SCHEMA, producer } from "@/lib/jobs/boss";
import { JOBS } from "@/lib/jobs/registry";

export interface DrainOptions {
  /** Only these queues (default: every registered job). */
  names?: string[];
  /** Job definitions a test made itself, besides the registered ones. */
  defs?: readonly JobDefinition<never>[];
  /** Retries count as due now (their backoff skipped), so a test can walk a job to its final failure. */
  retryNow?: boolean;
  /** Stop after this many rounds (a job that queues jobs adds a round); default 20. */
  maxRounds?: number;
}

export interface DrainResult {
  completed: number;
  failed: number;
}

export async function runQueuedJobs(options: DrainOptions = {}): Promise<DrainResult> {
  const boss = await producer();
  const defs = [...JOBS, ...(options.defs ?? [])].filter((d) => !options.names || options.names.includes(d.name));
  const result: DrainResult = { completed: 0, failed: 0 };
  for (let round = 0; round < (options.maxRounds ?? 20); round++) {
    let ran = 0;
    for (const def of defs) {
      if (!(await boss.getQueue(def.name))) continue;
      if (options.retryNow) await makeRetriesDue(def.name);
      const jobs = await boss.fetch<unknown>(def.name, { batchSize: 50, includeMetadata: true });
      for (const job of jobs) {
        ran++;
        try {
          const output = await executeJob(def, job as unknown as ClaimedJob<never>);
          await boss.complete(def.name, job.id, output && typeof output === "object" ? (output as object) : { value: output ?? null });
          result.completed++;
        } catch (error) {
          await boss.fail(def.name, job.id, { message: error instanceof Error ? error.message : String(error) });
          result.failed++;
        }
      }
    }
    if (ran === 0) break;
  }
  return result;
}

async function makeRetriesDue(name: string): Promise<void> {
  const boss = await producer();
  await boss.getDb().executeSql(`update ${JOB_SCHEMA}.job set start_after = now() where name = $1 and state = 'retry'`, [name]);
}

/** The jobs pg-boss holds for one queue, any state (for assertions). */
export async function queuedJobs(name: string): Promise<{ id: string; state: string; data: unknown; retryCount: number }[]> {
  const boss = await producer();
  const { rows } = await boss
    .getDb()
    .executeSql(`select id, state, data, retry_count as "retryCount" from ${JOB_SCHEMA}.job where name = $1 order by created_on`, [name]);
  return rows;
}

export type { PgBoss };
