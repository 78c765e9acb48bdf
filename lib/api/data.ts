import "server-only";
import { db } from "@/lib/db";
import { hashApiKey, looksLikeApiKey, looksLikeChannelKey } from "@/lib/api/keys";

/** Who is calling the API: one key of one penyalur. The penyalur is the only scope a key grants. */
export interface ApiPrincipal {
  apiKeyId: string;
  penyalurId: string;
  lastUsedAt: Date | null;
}

/**
 * The principal of a presented key, or null for an unknown, revoked or expired key (the caller answers 401
 * either way, so a caller cannot tell which). A malformed key is refused without a query.
 */
export async function apiKeyPrincipal(key: string): Promise<ApiPrincipal | null> {
  if (!looksLikeApiKey(key)) return null;
  const row = await db().apiKey.findUnique({
    where: { keyHash: hashApiKey(key) },
    select: { id: true, penyalurId: true, revokedAt: true, lastUsedAt: true, expiresAt: true },
  });
  // A rotated key works until the end of its overlap (expiresAt), then is refused like a revoked one.
  if (!row || row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt <= new Date())) return null;
  return { apiKeyId: row.id, penyalurId: row.penyalurId, lastUsedAt: row.lastUsedAt };
}

/**
 * The time zone whose calendar is "today" for a quote (docs/api.md): the office of the key's penyalur
 * with `officeCode`, else the penyalur's head office (the root of its office tree). undefined when
 * `officeCode` names no office of this penyalur; null when the penyalur has no office at all.
 */
export async function quoteOfficeZone(penyalurId: string, officeCode: string | null): Promise<string | null | undefined> {
  const office = await db().penyalurOffice.findFirst({
    where: officeCode ? { penyalurId, code: officeCode } : { penyalurId, parentId: null },
    orderBy: { code: "asc" },
    select: { timeZone: true },
  });
  if (office) return office.timeZone;
  return officeCode ? undefined : null;
}

export interface ApiKeySummary {
  id: string;
  prefix: string;
  name: string;
  penyalurCode: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** A key as an administrator may see it: never the key, never its hash. */
export async function apiKeyByPrefix(prefix: string): Promise<ApiKeySummary | null> {
  const row = await db().apiKey.findUnique({
    where: { prefix },
    select: {
      id: true,
      prefix: true,
      name: true,
      createdAt: true,
      revokedAt: true,
      lastUsedAt: true,
      penyalur: { select: { code: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    prefix: row.prefix,
    name: row.name,
    penyalurCode: row.penyalur.code,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** A payment channel calling the notification endpoint (docs/decisions/0016 §2). */
export interface ChannelPrincipal {
  channelKeyId: string;
  code: string;
  kind: "VIRTUAL_ACCOUNT" | "BANK_TELLER" | "AUTODEBIT" | "RETAIL_OUTLET" | "BPJS_OFFICE";
  signingSecret: string;
  /**
   * A lending bank's auto-debit channel (docs/decisions/0025): it settles only its own penyalur's
   * enrolments whose debtor consented to auto-debit. null: a channel that settles for every penyalur.
   */
  penyalurId: string | null;
}

/** The channel of a presented key, or null for an unknown or revoked one (401 either way). */
export async function channelKeyPrincipal(key: string): Promise<ChannelPrincipal | null> {
  if (!looksLikeChannelKey(key)) return null;
  const row = await db().paymentChannelKey.findUnique({
    where: { keyHash: hashApiKey(key) },
    select: { id: true, code: true, kind: true, signingSecret: true, revokedAt: true, penyalurId: true },
  });
  if (!row || row.revokedAt !== null) return null;
  return { channelKeyId: row.id, code: row.code, kind: row.kind, signingSecret: row.signingSecret, penyalurId: row.penyalurId };
}
