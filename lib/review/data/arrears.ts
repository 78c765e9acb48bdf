import "server-only";
import { Prisma, staleReadDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { presentIdentifier } from "@/lib/auth/permissions";
import { enrolmentWhere } from "@/lib/auth/scope";
import { addMonths, isMonthDue, monthOf, todayInZone } from "@/lib/rules";
import { REVIEW_PAGE_SIZE } from "@/lib/review/schema";
import { LINE_SELECT, coverageFrom, isoMonth, toLineDto, type CoverageSummary } from "@/lib/review/data/shared";

/**
 * The scope filter of lib/auth/scope.ts as SQL over the enrolments' dashboard facts, which carry
 * the same office columns. Only the shapes `enrolmentWhere` returns are translated; anything else
 * is refused (null), so a new scope shape cannot silently widen the list.
 */
export function scopeSql(where: Prisma.EnrolmentWhereInput): Prisma.Sql | null {
  const keys = Object.keys(where);
  if (keys.length === 0) return Prisma.sql`true`;
  if (keys.length !== 1) return null;
  if (typeof where.kantorCabangId === "string") return Prisma.sql`f."kantorCabangId" = ${where.kantorCabangId}::uuid`;
  if (typeof where.penyalurOfficeId === "string") return Prisma.sql`f."penyalurOfficeId" = ${where.penyalurOfficeId}::uuid`;
  const kanwilId = (where.kantorCabang as { kanwilId?: unknown } | undefined)?.kanwilId;
  if (typeof kanwilId === "string" && Object.keys(where.kantorCabang ?? {}).length === 1) {
    return Prisma.sql`f."kanwilId" = ${kanwilId}::uuid`;
  }
  return null;
}

/** The months from `from` through `lastDueDate` (both first days of a month), counted inclusively, as SQL. */
const monthsThrough = (from: Prisma.Sql, lastDueDate: string) =>
  Prisma.sql`((extract(year from ${lastDueDate}::date) - extract(year from ${from})) * 12
    + extract(month from ${lastDueDate}::date) - extract(month from ${from}) + 1)::int`;

/**
 * The last calendar day of the last month that is past due today (docs/regulation.md §3): today's
 * month only after its due date. As "YYYY-MM-01" of that month.
 */
export function lastDueMonthStart(today: string): string {
  const current = monthOf(today);
  return `${isMonthDue(current, today) ? current : addMonths(current, -1)}-01`;
}

/**
 * The approved enrolments in scope with their months owed (`id`, `submittedDay`, `unpaid`), as the
 * body of a CTE; a row is in arrears when `unpaid > 0`. Shared by the list and the reviewer home's
 * count (lib/review/data/home.ts), so the count is the list's total.
 *
 * Each approved enrolment's dashboard fact keeps its first open month (the cover start plus the
 * months settled without a gap), so only the enrolments whose open month is due are read, from
 * one index (DashEnrolmentFact_arrears_idx). For them, the months owed are the months from the open
 * month to the last due one — less a first month still within its own due date (approval after the
 * 15th) — unless a settled month lies beyond the open one (a reversal's hole: settledBeyond > 0),
 * where the lines are counted as before. Paid and written-off months (a lapse, docs/regulation.md
 * §3.6) are not owed.
 */
export function arrearsDueSql(inScope: Prisma.Sql, today: string, lastDueDate: string): Prisma.Sql {
  return Prisma.sql`
      select f."enrolmentId" as id, f."submittedDay",
             case when f."settledBeyond" = 0 then
               ${monthsThrough(Prisma.sql`f."firstOpenMonth"`, lastDueDate)}
               - (f."firstOpenMonth" = f."coverStartMonth" and f."firstOpenDueDate" >= ${today}::date)::int
             else
               ${monthsThrough(Prisma.sql`f."coverStartMonth"`, lastDueDate)}
               - (select count(*) from "ContributionLine" l
                   where l."enrolmentId" = f."enrolmentId" and l.month <= ${lastDueDate}::date
                     and (l.status::text in ('PAID', 'WRITTEN_OFF')
                          or (l.month = f."coverStartMonth" and l."dueDate" >= ${today}::date)))::int
             end as unpaid
      from "DashEnrolmentFact" f
      where ${inScope} and f.status = 'APPROVED' and f."firstOpenMonth" <= ${lastDueDate}::date`;
}

export interface ArrearsRow {
  id: string;
  fullName: string;
  nikMasked: string;
  kpj: string | null;
  penyalurName: string;
  /** Due months not settled, as the database counted them to order the list (LAPSED rows included). */
  monthsUnpaid: number;
  coverage: CoverageSummary;
}

export interface ArrearsPage {
  rows: ArrearsRow[];
  total: number;
  page: number;
  pageCount: number;
  today: string;
}

/**
 * Approved enrolments of the reviewer's Kantor Cabang with at least one due month unpaid (ARREARS,
 * and LAPSED ones so the branch can follow up: a payment resumes them), most months unpaid first,
 * then oldest submission. The database finds and pages them from the enrolments' dashboard facts
 * (the first open month, kept by the aggregates' triggers); each row's status, months and amount
 * owed then come from lib/rules/coverage.
 */
export async function arrearsList(actor: Actor, pageAsked: number, now: Date): Promise<ArrearsPage | null> {
  const scopeWhere = enrolmentWhere(actor, "arrears:read");
  const inScope = scopeWhere && scopeSql(scopeWhere);
  if (!inScope) return null;
  const today = todayInZone(now, actor.timeZone);
  const lastDueDate = lastDueMonthStart(today);

  const counted = await staleReadDb().$queryRaw<{ id: string; unpaid: number; total: bigint }[]>`
    with due as (${arrearsDueSql(inScope, today, lastDueDate)})
    select id::text, unpaid, count(*) over () as total
    from due where unpaid > 0
    order by unpaid desc, "submittedDay" asc, id
    limit ${REVIEW_PAGE_SIZE} offset ${(Math.max(1, pageAsked) - 1) * REVIEW_PAGE_SIZE}`;
  const total = Number(counted[0]?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE));
  const page = Math.min(Math.max(1, pageAsked), pageCount);
  if (counted.length === 0) return { rows: [], total, page, pageCount, today };

  const rows = await staleReadDb().enrolment.findMany({
    where: { id: { in: counted.map((c) => c.id) } },
    select: {
      id: true,
      kpj: true,
      coverStartMonth: true,
      declaredIncome: true,
      jht: true,
      sector: true,
      fundedByBudget: true,
      participant: { select: { fullName: true, nik: true } },
      penyalur: { select: { name: true } },
      contributionLines: LINE_SELECT,
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    rows: counted.flatMap((c) => {
      const r = byId.get(c.id);
      if (!r || !r.coverStartMonth) return [];
      const lines = r.contributionLines.map(toLineDto);
      return [
        {
          id: r.id,
          fullName: r.participant.fullName,
          nikMasked: presentIdentifier(actor, r.participant.nik),
          kpj: r.kpj,
          penyalurName: r.penyalur.name,
          monthsUnpaid: c.unpaid,
          coverage: coverageFrom(isoMonth(r.coverStartMonth), lines, today, r),
        },
      ];
    }),
    total,
    page,
    pageCount,
    today,
  };
}
