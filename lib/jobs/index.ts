/**
 * The job queue (pg-boss 10 on the portal's PostgreSQL): the one way a feature runs work outside a
 * request (docs/decisions/0024-jobs-and-events.md). Define a job in lib/<feature>/jobs.ts with
 * `defineJob`, add it to lib/jobs/registry.ts, send it with `enqueue` (inside your transaction with
 * `{ tx }`) or `startTrackedJob` when a person watches it.
 */
export { defineJob, RetryLater, type JobContext, type JobDefinition, type JobOptions } from "./define";
export { closeJobProducer } from "./boss";
export { enqueue, enqueueMany, startTrackedJob, executeJob, type EnqueueOptions, type TrackedJobOptions, type ClaimedJob } from "./mutations";
export { jobRunFor, jobRunResultFor, recentJobRuns, type JobRunView } from "./data";
