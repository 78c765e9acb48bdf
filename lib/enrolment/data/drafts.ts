import "server-only";
import { isUuid } from "@/lib/search-params";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { draftWhere } from "@/lib/auth/scope";

// Drafts: the e-form as typed, kept for the officer's office.

export interface DraftListItem {
  id: string;
  label: string;
  updatedAt: string;
  officerName: string;
}

/** The drafts of the officer's office, newest first. */
export async function draftsForActor(actor: Actor, take = 50): Promise<DraftListItem[]> {
  const where = draftWhere(actor);
  if (!where) return [];
  const rows = await db().enrolmentDraft.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, label: true, updatedAt: true, officer: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, label: r.label, updatedAt: r.updatedAt.toISOString(), officerName: r.officer.name }));
}

export async function draftCountForActor(actor: Actor): Promise<number> {
  const where = draftWhere(actor);
  return where ? db().enrolmentDraft.count({ where }) : 0;
}

/** One draft of the officer's office with what was typed; null for another office's (404). */
export async function draftForActor(
  actor: Actor,
  id: string,
): Promise<{ id: string; submissionKey: string; values: Record<string, string>; updatedAt: string } | null> {
  const where = draftWhere(actor);
  if (!where || !isUuid(id)) return null;
  const d = await db().enrolmentDraft.findFirst({
    where: { AND: [{ id }, where] },
    select: { id: true, submissionKey: true, data: true, updatedAt: true },
  });
  if (!d) return null;
  const values: Record<string, string> = {};
  if (d.data && typeof d.data === "object" && !Array.isArray(d.data)) {
    for (const [k, v] of Object.entries(d.data)) if (typeof v === "string") values[k] = v;
  }
  return { id: d.id, submissionKey: d.submissionKey, values, updatedAt: d.updatedAt.toISOString() };
}
