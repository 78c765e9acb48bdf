import "server-only";
import { Prisma, staleReadDb } from "@/lib/db";
import { lastDayOfMonth } from "@/lib/rules";
import type { HistogramBucket } from "@/lib/dashboard/median";
import { cellWhere, firstDay, isNational } from "@/lib/dashboard/data/cells";
import type { ResolvedFilter } from "@/lib/dashboard/data/filter";

/** The time series and money of a view: weeks, active debtors, decision times, contributions. */

export interface ContributionFigures {
  lines: number;
  /** Contributions after relief of approved enrolments' months in the period. */
  billed: number;
  /** Before relief. */
  gross: number;
  /** Removed by the PP 50/2025 relief (gross − billed). */
  relief: number;
  paid: number;
  paidLines: number;
  /** Unpaid after the due date. */
  arrears: number;
  /** Unpaid, not yet due. */
  notYetDue: number;
}

/**
 * ISO weeks (Monday) that start inside the period. National views (no Kanwil, no branch) read the
 * national series here and below (docs/decisions/0022-national-series.md): thousands of rows a year
 * instead of the per-branch cells' 50,000–100,000.
 */
export async function weekly(f: ResolvedFilter) {
  const where = cellWhere(f, "week", { from: firstDay(f.from), to: lastDayOfMonth(f.to) });
  if (isNational(f)) {
    return staleReadDb().$queryRaw<{ week: string; enrolments: number; approved: number }[]>`
      select to_char(week, 'YYYY-MM-DD') as week, sum(enrolments)::int as enrolments, sum(approved)::int as approved
      from "DashNationalWeekCell" where ${where}
      group by week order by week`;
  }
  return staleReadDb().$queryRaw<{ week: string; enrolments: number; approved: number }[]>`
    select to_char(week, 'YYYY-MM-DD') as week, sum(enrolments)::int as enrolments,
           coalesce(sum(enrolments) filter (where status = 'APPROVED'), 0)::int as approved
    from "DashWeekCell"
    where ${where}
    group by week order by week`;
}

/** Debtors whose paid months reach the current month ("active", docs/regulation.md §3). */
export async function activeDebtors(f: ResolvedFilter, today: string): Promise<number> {
  const rows = await staleReadDb().$queryRaw<{ active: number }[]>`
    select coalesce(sum(debtors), 0)::int as active from ${Prisma.raw(isNational(f) ? `"DashNationalCoverageCell"` : `"DashCoverageCell"`)}
    where ${cellWhere(f, "month")} and "paidThroughMonth" >= ${firstDay(today.slice(0, 7))}::date`;
  return rows[0]?.active ?? 0;
}

export async function decisionHistogram(f: ResolvedFilter): Promise<HistogramBucket[]> {
  const table = Prisma.raw(isNational(f) ? `"DashNationalDecisionCell"` : `"DashDecisionCell"`);
  return staleReadDb().$queryRaw<HistogramBucket[]>`
    select "hoursBucket", sum(decisions)::int as decisions from ${table}
    where ${cellWhere(f, "month")}
    group by "hoursBucket" having sum(decisions) <> 0 order by "hoursBucket"`;
}

export type ContributionRow = { month: string | null } & ContributionFigures;

export async function contributionRows(f: ResolvedFilter, today: string): Promise<ContributionRow[]> {
  return staleReadDb().$queryRaw<ContributionRow[]>`
    select to_char(month, 'YYYY-MM') as month,
           coalesce(sum(lines), 0)::int as lines, coalesce(sum(total), 0)::float8 as billed, coalesce(sum(gross), 0)::float8 as gross,
           coalesce(sum(discount), 0)::float8 as relief, coalesce(sum("paidTotal"), 0)::float8 as paid,
           coalesce(sum("paidLines"), 0)::int as "paidLines",
           coalesce(sum(total - "paidTotal") filter (where "dueDate" < ${today}::date), 0)::float8 as arrears,
           coalesce(sum(total - "paidTotal") filter (where "dueDate" >= ${today}::date), 0)::float8 as "notYetDue"
    from ${Prisma.raw(isNational(f) ? `"DashNationalContributionCell"` : `"DashContributionCell"`)}
    where ${cellWhere(f, "month")} ${isNational(f) ? Prisma.empty : Prisma.sql`and "enrolmentStatus" = 'APPROVED'`}
    group by grouping sets ((), (month))
    order by month nulls first`;
}

export function withoutMonth(row: ContributionRow | undefined): ContributionFigures {
  if (!row) return emptyContributions();
  const { lines, billed, gross, relief, paid, paidLines, arrears, notYetDue } = row;
  return { lines, billed, gross, relief, paid, paidLines, arrears, notYetDue };
}

function emptyContributions(): ContributionFigures {
  return { lines: 0, billed: 0, gross: 0, relief: 0, paid: 0, paidLines: 0, arrears: 0, notYetDue: 0 };
}
