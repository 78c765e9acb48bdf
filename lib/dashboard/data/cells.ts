import "server-only";
import { Prisma } from "@/lib/db";
import type { ResolvedFilter } from "@/lib/dashboard/data/filter";
import type { BreakdownRow } from "@/lib/dashboard/data/figures";

/**
 * What every figure query shares: the filter as SQL conditions on an aggregate cell table, and the
 * five enrolment measures (docs/decisions/0007-dashboard-aggregates.md).
 */

export const firstDay = (month: string) => `${month}-01`;

/** The filter's conditions on a cell table whose period column is `timeColumn`. */
export function cellWhere(f: ResolvedFilter, timeColumn: "month" | "week", bounds?: { from: string; to: string }): Prisma.Sql {
  const from = bounds?.from ?? firstDay(f.from);
  const to = bounds?.to ?? firstDay(f.to);
  const column = Prisma.raw(`"${timeColumn}"`);
  const parts = [Prisma.sql`${column} >= ${from}::date`, Prisma.sql`${column} <= ${to}::date`];
  if (f.kanwil) parts.push(Prisma.sql`"kanwilId" = ${f.kanwil.id}::uuid`);
  if (f.kc) parts.push(Prisma.sql`"kantorCabangId" = ${f.kc.id}::uuid`);
  if (f.penyalur) parts.push(Prisma.sql`"penyalurId" = ${f.penyalur.id}::uuid`);
  if (f.scheme) parts.push(Prisma.sql`scheme = ${f.scheme}`);
  return Prisma.join(parts, " and ");
}

export const BREAKDOWN_MEASURES = Prisma.sql`
  sum(enrolments)::int as enrolments,
  coalesce(sum(enrolments) filter (where status = 'APPROVED'), 0)::int as approved,
  coalesce(sum("firstMonthPaid") filter (where status = 'APPROVED'), 0)::int as "approvedPaid",
  coalesce(sum(enrolments) filter (where "mandateStatus" in ('MANDATORY', 'PHASED_REQUIRED') and status <> 'REJECTED'), 0)::int as mandatory,
  coalesce(sum("firstMonthPaid") filter (where "mandateStatus" in ('MANDATORY', 'PHASED_REQUIRED') and status = 'APPROVED'), 0)::int as "mandatoryCovered"`;

export type Measures = Pick<BreakdownRow, "enrolments" | "approved" | "approvedPaid" | "mandatory" | "mandatoryCovered">;
export type GroupedRow = Measures & { dim: string; key: string | null };

export const ZERO: Measures = { enrolments: 0, approved: 0, approvedPaid: 0, mandatory: 0, mandatoryCovered: 0 };

/** A national view (no Kanwil, no branch) reads the roll-ups without the Kantor Cabang. */
export const isNational = (f: ResolvedFilter) => !f.kanwil && !f.kc;
