import "server-only";
import { Prisma, staleReadDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { presentIdentifier } from "@/lib/auth/permissions";
import { firstDay } from "@/lib/dashboard/data/cells";
import type { ResolvedFilter } from "@/lib/dashboard/data/filter";
import type { BehindFigure } from "@/lib/dashboard/schema";

/** One page of the enrolments behind a figure. */
export const BEHIND_PAGE_SIZE = 20;

export interface BehindRow {
  id: string;
  fullName: string;
  nikMasked: string;
  kantorCabang: string;
  penyalur: string;
  scheme: string;
  status: string;
  submittedDay: string;
  /** Arrears only: unpaid past-due contributions of the period's months (rupiah). */
  owed: number | null;
}

export interface BehindPage {
  rows: BehindRow[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * The figure's condition on the enrolments' dashboard facts `f`, under the view's filter (the same
 * columns the figure's cells carry, docs/decisions/0007):
 * - `pending`: the status table's "awaiting review" — SUBMITTED, submitted in the period;
 * - `arrears`: the arrears figure — approved, with a contribution month in the period that is past
 *   its due date and not paid (the cells' `total − paidTotal` where `dueDate < today`).
 */
function figureWhere(f: ResolvedFilter, figure: BehindFigure, today: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (f.kanwil) parts.push(Prisma.sql`f."kanwilId" = ${f.kanwil.id}::uuid`);
  if (f.kc) parts.push(Prisma.sql`f."kantorCabangId" = ${f.kc.id}::uuid`);
  if (f.penyalur) parts.push(Prisma.sql`f."penyalurId" = ${f.penyalur.id}::uuid`);
  if (f.scheme) parts.push(Prisma.sql`f.scheme = ${f.scheme}`);
  if (figure === "pending") {
    parts.push(Prisma.sql`f.status = 'SUBMITTED'`);
    parts.push(Prisma.sql`f."submittedMonth" between ${firstDay(f.from)}::date and ${firstDay(f.to)}::date`);
  } else {
    parts.push(Prisma.sql`f.status = 'APPROVED'`);
    parts.push(Prisma.sql`exists (select 1 from "ContributionLine" l where ${owedLineWhere(f, today)})`);
  }
  return Prisma.join(parts, " and ");
}

/**
 * The enrolment's lines behind the arrears figure: months of the period, past due, still DUE (a
 * written-off month of a lapse is not billed, docs/regulation.md §3.6).
 */
const owedLineWhere = (f: ResolvedFilter, today: string) => Prisma.sql`
  l."enrolmentId" = f."enrolmentId" and l.status = 'DUE' and l."dueDate" < ${today}::date
    and l.month between ${firstDay(f.from)}::date and ${firstDay(f.to)}::date`;

/**
 * The enrolments behind the dashboard's pending or arrears figure, within the view the reader may
 * see (the filter comes from resolveDashboardFilter, scope included), oldest submission first.
 */
export async function enrolmentsBehind(actor: Actor, f: ResolvedFilter, figure: BehindFigure, today: string, pageAsked: number): Promise<BehindPage> {
  const where = figureWhere(f, figure, today);
  const counted = await staleReadDb().$queryRaw<{ n: number }[]>`select count(*)::int as n from "DashEnrolmentFact" f where ${where}`;
  const n = counted[0]?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(n / BEHIND_PAGE_SIZE));
  const page = Math.min(Math.max(1, pageAsked), pageCount);
  const rows = await staleReadDb().$queryRaw<(Omit<BehindRow, "nikMasked" | "owed"> & { nik: string; owed: number | null })[]>`
    select f."enrolmentId"::text as id, p."fullName", p.nik, kc.name as "kantorCabang", pe.name as penyalur, f.scheme, f.status,
           to_char(f."submittedDay", 'YYYY-MM-DD') as "submittedDay",
           ${figure === "arrears" ? Prisma.sql`(select coalesce(sum(l.total), 0)::int from "ContributionLine" l where ${owedLineWhere(f, today)})` : Prisma.sql`null::int`} as owed
    from "DashEnrolmentFact" f
    join "Enrolment" e on e.id = f."enrolmentId"
    join "Participant" p on p.id = e."participantId"
    join "KantorCabang" kc on kc.id = f."kantorCabangId"
    join "Penyalur" pe on pe.id = f."penyalurId"
    where ${where}
    order by f."submittedDay", f."enrolmentId"
    limit ${BEHIND_PAGE_SIZE} offset ${(page - 1) * BEHIND_PAGE_SIZE}`;
  return {
    rows: rows.map(({ nik, ...r }) => ({ ...r, nikMasked: presentIdentifier(actor, nik) })),
    total: n,
    page,
    pageCount,
  };
}
