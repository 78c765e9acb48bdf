/**
 * What a background job is: a name (the pg-boss queue), a handler, and how it retries
 * (docs/decisions/0024-jobs-and-events.md). Pure: defining a job touches no database; the worker
 * (scripts/worker.ts) and the tests' drain (tests/support/jobs.ts) find every definition through
 * lib/jobs/registry.ts.
 */

export interface JobContext {
  /** pg-boss's id of this job. */
  jobId: string;
  /** The tracked run a person watches (startTrackedJob), if any. */
  runId?: string;
  /** 1 for the first try. */
  attempt: number;
  /** No retry follows a failure of this attempt. */
  finalAttempt: boolean;
  /** Reports progress to the person watching (a no-op for untracked jobs); writes are throttled. */
  progress(done: number, total?: number): Promise<void>;
}

export interface JobOptions {
  /** Retries after the first failure (pg-boss retryLimit); default 2. */
  retryLimit?: number;
  /** Seconds before the first retry; default 30. */
  retryDelay?: number;
  /** Exponential backoff from retryDelay (retryDelay × 2^retries, with jitter); default true. */
  retryBackoff?: boolean;
  /** A try that runs longer than this is failed (and retried); default 15 minutes. */
  expireInSeconds?: number;
  /** Jobs of this kind run at once in one worker process; default 1. */
  concurrency?: number;
  /** A recurring job: a cron expression (UTC) the worker schedules, e.g. "0 1 * * *". */
  cron?: string;
}

export interface JobDefinition<T> {
  name: string;
  handler: (data: T, ctx: JobContext) => Promise<unknown>;
  options: Required<Pick<JobOptions, "retryLimit" | "retryDelay" | "retryBackoff" | "expireInSeconds" | "concurrency">> & JobOptions;
}

/** The envelope every job carries: the feature's own data, and the tracked run if any. */
export interface JobEnvelope<T> {
  input: T;
  runId?: string;
}

const NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

export function defineJob<T>(name: string, handler: (data: T, ctx: JobContext) => Promise<unknown>, options: JobOptions = {}): JobDefinition<T> {
  if (!NAME.test(name)) throw new Error(`Job name "${name}" must look like "feature.verb" (lowercase).`);
  return {
    name,
    handler,
    options: { retryLimit: 2, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60, concurrency: 1, ...options },
  };
}

/**
 * A failure the job expects and pg-boss should retry with its backoff (a receiver that is down, a
 * gateway that answered 5xx): logged as a warning with the attempt, not as an unexpected error with
 * an id for support. Anything else a handler throws is unexpected.
 */
export class RetryLater extends Error {
  override name = "RetryLater";
}
