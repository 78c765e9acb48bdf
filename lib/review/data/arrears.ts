import "server-only";
import { Prisma, staleReadDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { presentIdentifier } from "@/lib/auth/permissions";
import { enrolmentWhere } from "@/lib/auth/scope";
import { addMonths, isMonthDue, monthOf, todayInZone } from "@/lib/rules";
import { REVIEW_PAGE_SIZE } from "@/lib/review/schema";
import { LINE_SELECT, coverageFrom, isoMonth, toLineDto, type CoverageSummary } from "@/lib/review/data/shared";

/**
 * The scope filter of lib/auth/scope.ts as SQL for the arrears query, which pages in the database
 * with a raw query. Only the shapes `enrolmentWhere` returns are translated; anything else is refused
 * (null), so a new scope shape cannot silently widen the list.
 */
function scopeSql(where: Prisma.EnrolmentWhereInput): Prisma.Sql | null {
  const keys = Object.keys(where);
  if (keys.length === 0) return Prisma.sql`true`;
  if (keys.length !== 1) return null;
  if (typeof where.kantorCabangId === "string") return Prisma.sql`e."kantorCabangId" = ${where.kantorCabangId}::uuid`;
  if (typeof where.penyalurOfficeId === "string") return Prisma.sql`e."penyalurOfficeId" = ${where.penyalurOfficeId}::uuid`;
  const kanwilId = (where.kantorCabang as { kanwilId?: unknown } | undefined)?.kanwilId;
  if (typeof kanwilId === "string" && Object.keys(where.kantorCabang ?? {}).length === 1) {
    return Prisma.sql`e."kantorCabangId" in (select id from "KantorCabang" where "kanwilId" = ${kanwilId}::uuid)`;
  }
  return null;
}

export interface ArrearsRow {
  id: string;
  fullName: string;
  nikMasked: string;
  kpj: string | null;
  penyalurName: string;
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
 * and LAPSED ones so the branch can follow up: a payment resumes them), most months unpaid first. The database finds and
 * pages them by counting paid lines among the months due; each row's status, months and amount
 * owed then come from lib/rules/coverage.
 */
export async function arrearsList(actor: Actor, pageAsked: number, now: Date): Promise<ArrearsPage | null> {
  const scopeWhere = enrolmentWhere(actor, "arrears:read");
  const inScope = scopeWhere && scopeSql(scopeWhere);
  if (!inScope) return null;
  const today = todayInZone(now, actor.timeZone);
  const current = monthOf(today);
  // The last month that is past due today (docs/regulation.md §3): today's month only after its due date.
  const lastDueDate = `${isMonthDue(current, today) ? current : addMonths(current, -1)}-01`;

  const counted = await staleReadDb().$queryRaw<{ id: string; unpaid: number; total: bigint }[]>`
    with due as (
      select e.id, e."createdAt",
             ((extract(year from ${lastDueDate}::date) - extract(year from e."coverStartMonth")) * 12
               + extract(month from ${lastDueDate}::date) - extract(month from e."coverStartMonth") + 1)::int as months_due,
             -- Paid and written-off months (a lapse, docs/regulation.md §3.6) are not owed; nor is a first
             -- month whose own due date (approval after the 15th) has not passed.
             (select count(*) from "ContributionLine" l
               where l."enrolmentId" = e.id and l.month <= ${lastDueDate}::date
                 and (l.status::text in ('PAID', 'WRITTEN_OFF')
                      or (l.month = e."coverStartMonth" and l."dueDate" >= ${today}::date)))::int as paid_due
      from "Enrolment" e
      where ${inScope} and e.status = 'APPROVED'
        and e."coverStartMonth" is not null and e."coverStartMonth" <= ${lastDueDate}::date
    )
    select id::text, (months_due - paid_due) as unpaid, count(*) over () as total
    from due where paid_due < months_due
    order by unpaid desc, "createdAt" asc, id
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
