/** Reading tracked runs: a person sees their own runs only (docs/decisions/0024-jobs-and-events.md). */
import "server-only";
import { db } from "@/lib/db";

export interface JobRunView {
  id: string;
  kind: string;
  label: string;
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED";
  done: number;
  total: number | null;
  errorId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const VIEW = { id: true, kind: true, label: true, status: true, done: true, total: true, errorId: true, createdAt: true, finishedAt: true } as const;

/** The run if `ownerUserId` started it, else null (another person's run reads as missing). */
export async function jobRunFor(id: string, ownerUserId: string): Promise<JobRunView | null> {
  return db().jobRun.findFirst({ where: { id, ownerUserId }, select: VIEW });
}

/** The run's stored result, for its owner: the page that started it renders it. */
export async function jobRunResultFor(id: string, ownerUserId: string): Promise<{ run: JobRunView; result: unknown } | null> {
  const row = await db().jobRun.findFirst({ where: { id, ownerUserId }, select: { ...VIEW, result: true } });
  if (!row) return null;
  const { result, ...run } = row;
  return { run, result };
}

/** A person's latest runs of one kind (a page shows the one still going after a reload). */
export async function recentJobRuns(ownerUserId: string, kind: string, take = 5): Promise<JobRunView[]> {
  return db().jobRun.findMany({ where: { ownerUserId, kind }, orderBy: { createdAt: "desc" }, take, select: VIEW });
}
