import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { presentIdentifier, presentPhone } from "@/lib/auth/permissions";
import { auditWhere } from "@/lib/auth/scope";
import { addDays, startOfDayInZone } from "@/lib/rules";
import { AUDIT_PAGE_SIZE, type AuditQuery } from "@/lib/admin/audit/schema";

export interface AuditRow {
  id: string;
  at: string;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** before → after, as JSON text with identifiers masked for the viewer. */
  before: string | null;
  after: string | null;
}

/** A 16-digit run (a NIK or an NPWP) anywhere in a text, not part of a longer number. */
const NIK_LIKE = /(?<!\d)\d{16}(?!\d)/g;
const PHONE_KEYS = new Set(["phone", "heirPhone"]);
const IDENTIFIER_KEYS = new Set(["nik", "npwp"]);

/**
 * A before/after value as this viewer may see it: NIK/NPWP (by key, or any 16-digit run in a text) and phone
 * numbers masked through the permission module (maskNik/maskPhone via presentIdentifier/presentPhone).
 */
export function maskedJson(viewer: Actor, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === "string") {
      if (key && PHONE_KEYS.has(key)) return presentPhone(viewer, v);
      if (key && IDENTIFIER_KEYS.has(key)) return presentIdentifier(viewer, v);
      return v.replace(NIK_LIKE, (nik) => presentIdentifier(viewer, nik));
    }
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return JSON.stringify(walk(value));
}

/** The viewer's scope and the query's filters as one Prisma filter; null = nothing visible. */
export function auditFilter(viewer: Actor, q: AuditQuery): Prisma.AuditEventWhereInput | null {
  const scope = auditWhere(viewer);
  if (!scope) return null;
  const and: Prisma.AuditEventWhereInput[] = [scope];
  if (q.actor) and.push({ actor: { OR: [{ name: { contains: q.actor, mode: "insensitive" } }, { email: { contains: q.actor, mode: "insensitive" } }] } });
  if (q.record) and.push({ OR: [{ entityId: q.record }, { entityType: { equals: q.record, mode: "insensitive" } }] });
  if (q.action) and.push({ action: { contains: q.action, mode: "insensitive" } });
  if (q.from) and.push({ at: { gte: new Date(startOfDayInZone(q.from, viewer.timeZone)) } });
  if (q.to) and.push({ at: { lt: new Date(startOfDayInZone(addDays(q.to, 1), viewer.timeZone)) } });
  return { AND: and };
}

const SELECT = {
  id: true, at: true, actorRole: true, action: true, entityType: true, entityId: true, before: true, after: true,
  actor: { select: { name: true, email: true } },
} as const;

type Selected = Prisma.AuditEventGetPayload<{ select: typeof SELECT }>;

function rowOf(viewer: Actor, e: Selected): AuditRow {
  return {
    id: e.id.toString(),
    at: e.at.toISOString(),
    actorName: e.actor?.name ?? null,
    actorEmail: e.actor?.email ?? null,
    actorRole: e.actorRole,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: maskedJson(viewer, e.before),
    after: maskedJson(viewer, e.after),
  };
}

/** One page of events, newest first; `next` is the cursor of the following page. */
export async function auditPage(viewer: Actor, q: AuditQuery): Promise<{ rows: AuditRow[]; next: string | null } | null> {
  const where = auditFilter(viewer, q);
  if (!where) return null;
  const rows = await db().auditEvent.findMany({
    where: q.before ? { AND: [where, { id: { lt: BigInt(q.before) } }] } : where,
    select: SELECT,
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE).map((e) => rowOf(viewer, e));
  return { rows: page, next: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id : null };
}

/**
 * Every matching event, newest first, in batches of `size` by keyset (id < last id): what the CSV
 * export streams, so a large export holds one batch in memory and never one long query.
 */
export async function* auditBatches(viewer: Actor, q: AuditQuery, size = 2000): AsyncGenerator<AuditRow[]> {
  const where = auditFilter(viewer, q);
  if (!where) return;
  let before: bigint | null = null;
  for (;;) {
    const rows: Selected[] = await db().auditEvent.findMany({
      where: before === null ? where : { AND: [where, { id: { lt: before } }] },
      select: SELECT,
      orderBy: { id: "desc" },
      take: size,
    });
    if (rows.length === 0) return;
    yield rows.map((e) => rowOf(viewer, e));
    if (rows.length < size) return;
    before = rows[rows.length - 1]!.id;
  }
}
