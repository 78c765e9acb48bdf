import "server-only";
import type { Prisma } from "@/lib/db";
import { contributionForMonth, coverageStatus, todayInZone, type Coverage } from "@/lib/rules";

/** What the review's read models share: dates as ISO strings, contribution lines, cover from the money. */

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const isoMonth = (d: Date) => isoDay(d).slice(0, 7);

export type EnrolmentStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "REJECTED";

/** The programmes a participant is covered by: JKK and JKM always, JHT when chosen. */
export const programsOf = (jht: boolean) => (jht ? ["JKK", "JKM", "JHT"] : ["JKK", "JKM"]);

export interface LineDto {
  month: string;
  total: number;
  dueDate: string;
  status: "DUE" | "PAID";
  reliefRuleId: string | null;
}

export const LINE_SELECT = {
  orderBy: { month: "asc" },
  select: { month: true, total: true, dueDate: true, status: true, reliefRuleId: true },
} satisfies Prisma.Enrolment$contributionLinesArgs;

export function toLineDto(l: { month: Date; total: number; dueDate: Date; status: "DUE" | "PAID"; reliefRuleId: string | null }): LineDto {
  return { month: isoMonth(l.month), total: l.total, dueDate: isoDay(l.dueDate), status: l.status, reliefRuleId: l.reliefRuleId };
}

export interface CoverageSummary extends Coverage {
  startMonth: string;
  /** Unpaid due months with what each costs (line total, or the month's price when no line exists yet). */
  owed: number;
}

/**
 * Coverage of an approved enrolment on `today` (docs/regulation.md §3, lib/rules/coverage): ACTIVE /
 * ARREARS / ENDED / NOT_STARTED with "protected until", from its first month of cover and its paid lines.
 */
export function coverageFrom(
  startMonth: string,
  lines: readonly LineDto[],
  today: string,
  pricing: { declaredIncome: number; jht: boolean; sector: "TRANSPORT" | "OTHER"; fundedByBudget: boolean },
): CoverageSummary {
  const coverage = coverageStatus({ startMonth, paidMonths: lines.filter((l) => l.status === "PAID").map((l) => l.month), today });
  const byMonth = new Map(lines.map((l) => [l.month, l.total]));
  const owed = coverage.unpaidMonths.reduce(
    (sum, m) => sum + (byMonth.get(m) ?? contributionForMonth({ ...pricing, month: m }).total),
    0,
  );
  return { ...coverage, startMonth, owed };
}

/** Cover on the branch's calendar day of `now`, from the months paid. */
export function coverageFromPaidLines(coverStartMonth: Date, paidLines: readonly { month: Date }[], now: Date, timeZone: string) {
  const today = todayInZone(now, timeZone);
  const coverage = coverageStatus({ startMonth: isoMonth(coverStartMonth), paidMonths: paidLines.map((l) => isoMonth(l.month)), today });
  return { today, coverage };
}
