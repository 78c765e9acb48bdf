import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { enrolmentWhere } from "@/lib/auth/scope";
import { addMonths } from "@/lib/rules";
import type { GapFilter } from "@/lib/loans/filter";

/**
 * Coverage gaps (docs/decisions/0019 §4): loans reported disbursed whose mandatory cover was not
 * approved and paid on the disbursement day (Enrolment.coverageGap, set when the disbursement is
 * recorded). Scoped like the enrolment list: the bank office sees its own, the Kantor Cabang its
 * branch's, the Kanwil its region's, head office all (lib/auth/scope.ts enrolmentWhere). No NIK and
 * no debtor name: the loan number links to the record, which applies its own masking.
 */
export interface GapRow {
  enrolmentId: string;
  loanNumber: string | null;
  penyalurName: string;
  officeName: string;
  kantorCabangName: string;
  kanwilName: string;
  scheme: string;
  mandateStatus: string;
  status: string;
  disbursedOn: string;
  disbursedAmount: number | null;
  approvedAt: string | null;
}

export interface GapCount {
  name: string;
  count: number;
}

export interface GapSummary {
  total: number;
  byOffice: GapCount[];
  byKantorCabang: GapCount[];
  byKanwil: GapCount[];
}

/**
 * The actor's scope AND the gap flag AND the filter. The filter only narrows: a Kanwil or branch code
 * outside the scope matches nothing (the scope condition stays), so a crafted URL shows no one else's.
 * The list, the counts and the export all use this one condition, so a filtered count is the number
 * of gaps the filtered list holds.
 */
function gapWhere(actor: Actor, filter: GapFilter = {}): Prisma.EnrolmentWhereInput | null {
  const scope = enrolmentWhere(actor, "enrolment:read");
  if (!scope) return null;
  const and: Prisma.EnrolmentWhereInput[] = [scope, { coverageGap: true }];
  if (filter.kanwil) and.push({ kantorCabang: { kanwil: { code: filter.kanwil } } });
  if (filter.kc) and.push({ kantorCabang: { code: filter.kc } });
  if (filter.penyalur) and.push({ penyalur: { code: filter.penyalur } });
  if (filter.scheme) and.push({ scheme: filter.scheme });
  if (filter.from) and.push({ disbursedOn: { gte: new Date(`${filter.from}-01T00:00:00Z`) } });
  if (filter.to) and.push({ disbursedOn: { lt: new Date(`${addMonths(filter.to, 1)}-01T00:00:00Z`) } });
  return { AND: and };
}

/** The gaps in the actor's scope, newest disbursement first; `limit` rows (the export passes none). */
export async function coverageGaps(actor: Actor, options: { limit?: number; filter?: GapFilter } = {}): Promise<GapRow[]> {
  const where = gapWhere(actor, options.filter);
  if (!where) return [];
  const rows = await db().enrolment.findMany({
    where,
    orderBy: [{ disbursedOn: "desc" }, { id: "asc" }],
    take: options.limit,
    select: {
      id: true,
      loanNumber: true,
      scheme: true,
      mandateStatus: true,
      status: true,
      disbursedOn: true,
      disbursedAmount: true,
      approvedAt: true,
      penyalur: { select: { name: true } },
      penyalurOffice: { select: { name: true } },
      kantorCabang: { select: { name: true, kanwil: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    enrolmentId: r.id,
    loanNumber: r.loanNumber,
    penyalurName: r.penyalur.name,
    officeName: r.penyalurOffice.name,
    kantorCabangName: r.kantorCabang.name,
    kanwilName: r.kantorCabang.kanwil.name,
    scheme: r.scheme,
    mandateStatus: r.mandateStatus,
    status: r.status,
    disbursedOn: r.disbursedOn!.toISOString().slice(0, 10),
    disbursedAmount: r.disbursedAmount,
    approvedAt: r.approvedAt?.toISOString() ?? null,
  }));
}

/**
 * Gap counts in the actor's scope and the filter (the dashboard's), per bank office, Kantor Cabang and Kanwil: three grouped counts
 * over the (coverageGap, kantorCabangId) index, not a scan of all enrolments.
 */
export async function coverageGapSummary(actor: Actor, filter: GapFilter = {}): Promise<GapSummary> {
  const where = gapWhere(actor, filter);
  if (!where) return { total: 0, byOffice: [], byKantorCabang: [], byKanwil: [] };
  const [byOffice, byKc] = await Promise.all([
    db().enrolment.groupBy({ by: ["penyalurOfficeId"], where, _count: { _all: true } }),
    db().enrolment.groupBy({ by: ["kantorCabangId"], where, _count: { _all: true } }),
  ]);
  const [offices, kcs] = await Promise.all([
    db().penyalurOffice.findMany({ where: { id: { in: byOffice.map((o) => o.penyalurOfficeId) } }, select: { id: true, name: true, penyalur: { select: { name: true } } } }),
    db().kantorCabang.findMany({ where: { id: { in: byKc.map((k) => k.kantorCabangId) } }, select: { id: true, name: true, kanwil: { select: { name: true } } } }),
  ]);
  const officeName = new Map(offices.map((o) => [o.id, `${o.penyalur.name} — ${o.name}`]));
  const kc = new Map(kcs.map((k) => [k.id, k]));
  const kanwil = new Map<string, number>();
  for (const k of byKc) {
    const name = kc.get(k.kantorCabangId)?.kanwil.name ?? "?";
    kanwil.set(name, (kanwil.get(name) ?? 0) + k._count._all);
  }
  const sorted = (list: GapCount[]) => list.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return {
    total: byKc.reduce((n, k) => n + k._count._all, 0),
    byOffice: sorted(byOffice.map((o) => ({ name: officeName.get(o.penyalurOfficeId) ?? "?", count: o._count._all }))),
    byKantorCabang: sorted(byKc.map((k) => ({ name: kc.get(k.kantorCabangId)?.name ?? "?", count: k._count._all }))),
    byKanwil: sorted([...kanwil].map(([name, count]) => ({ name, count }))),
  };
}
