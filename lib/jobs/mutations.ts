/**
 * Sending jobs and keeping the tracked runs a person watches (docs/decisions/0024-jobs-and-events.md).
 */
import "server-only";
import { db, Prisma } from "@/lib/db";
import { logger, logUnexpected } from "@/lib/log";
import { ensureQueue, producer, queuePolicy } from "./boss";
import { RetryLater, type JobContext, type JobDefinition, type JobEnvelope } from "./define";

/** A Prisma interactive transaction, for enqueueing inside it. */
type JobTransaction = Prisma.TransactionClient;

export interface EnqueueOptions {
  /** Insert the job in this transaction: if it rolls back, the job never existed. */
  tx?: JobTransaction;
  /** At most one queued job with this key (pg-boss singletonKey). */
  singletonKey?: string;
  startAfter?: Date;
}

/** pg-boss's statements run on the caller's Prisma transaction, so they commit or roll back with it. */
function inTransaction(tx: JobTransaction) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
  };
}

async function send<T>(def: JobDefinition<T>, envelope: JobEnvelope<T>, opts: EnqueueOptions): Promise<string | null> {
  const boss = await producer();
  await ensureQueue(boss, def);
  return boss.send(def.name, envelope as unknown as object, {
    ...queuePolicy(def),
    ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
    ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
    ...(opts.tx ? { db: inTransaction(opts.tx) } : {}),
  });
}

/** Queues a job; returns pg-boss's id (null when a singletonKey job was already queued). */
export async function enqueue<T>(def: JobDefinition<T>, data: T, opts: EnqueueOptions = {}): Promise<string | null> {
  return send(def, { input: data }, opts);
}

/**
 * Queues many jobs of one kind in one statement (pg-boss `insert`), in `tx` when given: a bulk
 * change that records hundreds of events queues their fan-outs without a round trip each.
 */
export async function enqueueMany<T>(def: JobDefinition<T>, data: readonly T[], opts: { tx?: JobTransaction } = {}): Promise<void> {
  if (data.length === 0) return;
  const boss = await producer();
  await ensureQueue(boss, def);
  const { retryLimit, retryDelay, retryBackoff, expireInSeconds } = queuePolicy(def);
  const jobs = data.map((input) => ({ name: def.name, data: { input } as JobEnvelope<T> as unknown as object, retryLimit, retryDelay, retryBackoff, expireInSeconds }));
  await boss.insert(jobs, opts.tx ? { db: inTransaction(opts.tx) } : {});
}

export interface TrackedJobOptions {
  ownerUserId: string;
  /** What the person sees, e.g. "Validasi berkas debitur.csv". */
  label: string;
  tx?: JobTransaction;
}

/** Queues a job a person watches: a JobRun row they can reload, then the job itself. Returns the run id. */
export async function startTrackedJob<T>(def: JobDefinition<T>, data: T, opts: TrackedJobOptions): Promise<string> {
  const write = async (tx: JobTransaction) => {
    const run = await tx.jobRun.create({ data: { kind: def.name, label: opts.label, ownerUserId: opts.ownerUserId }, select: { id: true } });
    await send(def, { input: data, runId: run.id }, { tx });
    return run.id;
  };
  return opts.tx ? write(opts.tx) : db().$transaction(write);
}

/** Writes at most this often while a run reports progress (a 100,000-row import reports per row). */
const PROGRESS_EVERY_MS = 500;

function progressReporter(runId: string | undefined): JobContext["progress"] {
  if (!runId) return async () => undefined;
  let last = 0;
  return async (done, total) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS && (total === undefined || done < total)) return;
    last = now;
    await db().jobRun.update({ where: { id: runId }, data: { done, ...(total === undefined ? {} : { total }) } });
  };
}

/** What pg-boss hands a handler (with includeMetadata, or as fetch returns it). */
export interface ClaimedJob<T> {
  id: string;
  data: JobEnvelope<T>;
  retryCount?: number;
  retryLimit?: number;
}

function asJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === undefined || value === null ? Prisma.DbNull : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

/**
 * Runs one claimed job through its handler: the tracked run turns RUNNING, then SUCCEEDED with the
 * handler's result, or (on a throw) logged with an id and FAILED once no retry is left (QUEUED again
 * while pg-boss will retry). Rethrows, so pg-boss records the failure and schedules the retry.
 */
export async function executeJob<T>(def: JobDefinition<T>, job: ClaimedJob<T>): Promise<unknown> {
  const runId = job.data.runId;
  const retryCount = job.retryCount ?? 0;
  const finalAttempt = retryCount >= (job.retryLimit ?? def.options.retryLimit);
  if (runId) {
    await db().jobRun.update({ where: { id: runId }, data: { status: "RUNNING", startedAt: new Date(), attempts: { increment: 1 }, errorId: null } });
  }
  try {
    const result = await def.handler(job.data.input, { jobId: job.id, runId, attempt: retryCount + 1, finalAttempt, progress: progressReporter(runId) });
    if (runId) await db().jobRun.update({ where: { id: runId }, data: { status: "SUCCEEDED", result: asJson(result), finishedAt: new Date() } });
    return result;
  } catch (error) {
    const context = { job: def.name, jobId: job.id, attempt: retryCount + 1 };
    const errorId = error instanceof RetryLater ? null : logUnexpected(error, context);
    if (error instanceof RetryLater) logger.warn({ ...context, reason: error.message, finalAttempt }, "job will be retried");
    if (runId) {
      await db()
        .jobRun.update({ where: { id: runId }, data: finalAttempt ? { status: "FAILED", errorId, finishedAt: new Date() } : { status: "QUEUED", errorId } })
        .catch((e: unknown) => logUnexpected(e, { job: def.name, jobId: job.id, fault: "job-run-update" }));
    }
    throw error;
  }
}
