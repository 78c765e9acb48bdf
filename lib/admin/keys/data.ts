import "server-only";
import { db } from "@/lib/db";

export interface ApiKeyRow {
  id: string;
  prefix: string;
  name: string;
  penyalurName: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** A rotated key's end of overlap. */
  expiresAt: string | null;
  replacedByPrefix: string | null;
  /** ACTIVE; OVERLAP (rotated, still working until expiresAt); EXPIRED; REVOKED. */
  state: "ACTIVE" | "OVERLAP" | "EXPIRED" | "REVOKED";
}

/** Every key, newest first: never the key, never its hash. */
export async function listApiKeys(now: Date = new Date()): Promise<ApiKeyRow[]> {
  const rows = await db().apiKey.findMany({
    select: {
      id: true, prefix: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true, expiresAt: true,
      penyalur: { select: { name: true } },
      replacedBy: { select: { prefix: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((r) => ({
    id: r.id,
    prefix: r.prefix,
    name: r.name,
    penyalurName: r.penyalur.name,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    replacedByPrefix: r.replacedBy?.prefix ?? null,
    state: r.revokedAt ? "REVOKED" : r.expiresAt && r.expiresAt <= now ? "EXPIRED" : r.expiresAt ? "OVERLAP" : "ACTIVE",
  }));
}

/** Penyalur still in service, for the issue form. */
export async function keyPenyalurOptions(): Promise<{ code: string; name: string }[]> {
  return db().penyalur.findMany({ where: { retiredAt: null }, select: { code: true, name: true }, orderBy: { name: "asc" } });
}
