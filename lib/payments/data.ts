import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/search-params";
import type { SettlementResult } from "@/lib/payments/mutations/settlement";

export interface ChannelOption {
  id: string;
  code: string;
  name: string;
}

export interface SettlementImportView {
  id: string;
  channel: ChannelOption;
  fileName: string;
  createdAt: string;
  finishedAt: string | null;
  result: SettlementResult | null;
}

/** The channels a settlement file can come from (revoked ones too: their files still arrive). Head office only. */
export async function settlementChannels(actor: Actor): Promise<ChannelOption[] | null> {
  if (!can(actor, "settlement:import")) return null;
  return db().paymentChannelKey.findMany({ orderBy: { code: "asc" }, select: { id: true, code: true, name: true } });
}

const VIEW = { id: true, fileName: true, createdAt: true, finishedAt: true, result: true, channelKey: { select: { id: true, code: true, name: true } } } as const;

function toView(r: { id: string; fileName: string; createdAt: Date; finishedAt: Date | null; result: unknown; channelKey: ChannelOption }): SettlementImportView {
  return { id: r.id, channel: r.channelKey, fileName: r.fileName, createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null, result: (r.result as SettlementResult | null) ?? null };
}

/** The latest imports, newest first. */
export async function recentSettlementImports(actor: Actor, take = 20): Promise<SettlementImportView[] | null> {
  if (!can(actor, "settlement:import")) return null;
  const rows = await db().settlementImport.findMany({ orderBy: { createdAt: "desc" }, take, select: VIEW });
  return rows.map(toView);
}

export async function settlementImport(actor: Actor, id: string): Promise<SettlementImportView | null> {
  if (!can(actor, "settlement:import") || !isUuid(id)) return null;
  const row = await db().settlementImport.findUnique({ where: { id }, select: VIEW });
  return row ? toView(row) : null;
}
