import "server-only";
import { db } from "@/lib/db";
import type { PaymentChannel } from "@/lib/review/schema";

export interface ChannelKeyRow {
  id: string;
  code: string;
  name: string;
  kind: PaymentChannel;
  prefix: string;
  /** The lending bank an auto-debit channel is bound to (docs/decisions/0025); null for a national channel. */
  penyalurName: string | null;
  createdAt: string;
  revokedAt: string | null;
  /** Notifications this channel has sent that settled a payment. */
  payments: number;
}

/** Every channel, active first then by code: never the key, its hash or the signing secret. */
export async function listChannelKeys(): Promise<ChannelKeyRow[]> {
  const rows = await db().paymentChannelKey.findMany({
    select: {
      id: true, code: true, name: true, kind: true, prefix: true, createdAt: true, revokedAt: true,
      penyalur: { select: { name: true } },
      _count: { select: { payments: true } },
    },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { code: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    prefix: r.prefix,
    penyalurName: r.penyalur?.name ?? null,
    createdAt: r.createdAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    payments: r._count.payments,
  }));
}
