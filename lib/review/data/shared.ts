import "server-only";
import type { Prisma } from "@/lib/db";
import { contributionForMonth, coverageStatus, monthOf, planPayment, reliefCredit, settledByCredit, todayInZone, type BpuSector, type Coverage, type LineState } from "@/lib/rules";

/** What the review's read models share: dates as ISO strings, contribution lines, cover from the money. */

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const isoMonth = (d: Date) => isoDay(d).slice(0, 7);

export type EnrolmentStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "REJECTED";

/** The programmes a participant is covered by: JKK and JKM always, JHT when chosen. */
export const programsOf = (jht: boolean) => (jht ? ["JKK", "JKM", "JHT"] : ["JKK", "JKM"]);

export interface LineDto {
  month: string;
  jkkGross: number;
  jkmGross: number;
  jhtGross: number;
  jht: number;
  discount: number;
  total: number;
  dueDate: string;
  status: LineState;
  reliefRuleId: string | null;
  /** PAID line paid at full price, relief later: the part credited forward (docs/regulation.md §3.3). */
  reliefCredit: number;
  /** Credit spent on this month when it was settled. */
  creditUsed: number;
}

export const LINE_SELECT = {
  orderBy: { month: "asc" },
  select: {
    month: true,
    jkkGross: true,
    jkmGross: true,
    jhtGross: true,
    jht: true,
    discount: true,
    total: true,
    dueDate: true,
    status: true,
    reliefRuleId: true,
    reliefCredit: true,
    creditUsed: true,
  },
} satisfies Prisma.Enrolment$contributionLinesArgs;

type StoredLine = Prisma.ContributionLineGetPayload<{ select: (typeof LINE_SELECT)["select"] }>;

export function toLineDto(l: StoredLine): LineDto {
  return { ...l, month: isoMonth(l.month), dueDate: isoDay(l.dueDate) };
}

export interface Pricing {
  declaredIncome: number;
  jht: boolean;
  sector: BpuSector;
  fundedByBudget: boolean;
}

export interface CoverageSummary extends Coverage {
  startMonth: string;
  /** What the overdue months cost now (repriced, relief credit spent oldest first). */
  owed: number;
  /** Relief credit not yet spent. */
  creditBalance: number;
  /** The next month a payment settles and what it costs (after credit). */
  next: { month: string; amount: number } | null;
  /** The payable months of the next year, for "Rp… s.d. mm/yyyy, lalu Rp…". */
  upcoming: { month: string; total: number }[];
}

/** Cover input from stored lines: paid, written off, and the first month's own due date. */
function coverageInput(startMonth: string, lines: readonly { month: string; status: LineState; dueDate?: string }[], today: string) {
  return {
    startMonth,
    paidMonths: lines.filter((l) => l.status === "PAID").map((l) => l.month),
    writtenOffMonths: lines.filter((l) => l.status === "WRITTEN_OFF").map((l) => l.month),
    firstDueDate: lines.find((l) => l.month === startMonth)?.dueDate,
    today,
  };
}

/**
 * Coverage of an approved enrolment on `today` (docs/regulation.md §3.5, §3.6, lib/rules/coverage):
 * ACTIVE / AWAITING_PAYMENT / ARREARS / LAPSED with "protected until" and the arrears deadline, and
 * what the debtor owes as the next payment would settle it (lib/rules/payments planPayment: DUE lines
 * at today's price, relief credit spent oldest first) — the same rule the payment applies. Months the
 * credit pays in full count as settled by it, as the next repricing will store them (docs/decisions/0011 §4).
 */
export function coverageFrom(startMonth: string, lines: readonly LineDto[], today: string, pricing: Pricing): CoverageSummary {
  const price = (month: string) => contributionForMonth({ ...pricing, month }).total;
  const coverage = coverageStatus(coverageInput(startMonth, lines, today));
  let creditBalance = 0;
  for (const l of lines) {
    const granted = l.status === "PAID" ? l.reliefCredit || (reliefCredit(l, pricing.sector, pricing.fundedByBudget)?.credit ?? 0) : 0;
    creditBalance += granted - l.creditUsed;
  }
  const plan = planPayment({
    startMonth,
    firstDueDate: coverageInput(startMonth, lines, today).firstDueDate,
    lines: lines.map((l) => ({ month: l.month, status: l.status, total: l.status === "DUE" ? price(l.month) : l.total })),
    paidOn: today,
    currentMonth: monthOf(today),
    price,
    credit: creditBalance,
  });
  const covered = settledByCredit(plan);
  if (covered.length) return coverageFrom(startMonth, withCreditSettled(lines, covered, pricing), today, pricing);
  const unpaid = new Set(coverage.unpaidMonths);
  const owed = plan.payable.filter((p) => unpaid.has(p.month)).reduce((sum, p) => sum + p.total, 0);
  const first = plan.payable[0];
  return {
    ...coverage,
    startMonth,
    owed,
    creditBalance,
    next: first ? { month: first.month, amount: first.total } : null,
    upcoming: plan.payable.slice(0, 12).map((p) => ({ month: p.month, total: p.total })),
  };
}

/** `lines` with `covered` as repricing stores them: PAID at today's price, the credit spent on each (no payment). */
function withCreditSettled(lines: readonly LineDto[], covered: readonly { month: string; credit?: number }[], pricing: Pricing): LineDto[] {
  const byMonth = new Map(lines.map((l) => [l.month, l]));
  for (const { month, credit = 0 } of covered) {
    const q = contributionForMonth({ ...pricing, month });
    byMonth.set(month, {
      month,
      jkkGross: q.gross.jkk,
      jkmGross: q.gross.jkm,
      jhtGross: q.gross.jht,
      jht: q.jht,
      discount: q.discount,
      total: q.total,
      dueDate: byMonth.get(month)?.dueDate ?? q.dueDate,
      status: "PAID",
      reliefRuleId: q.reliefRuleId,
      reliefCredit: 0,
      creditUsed: credit,
    });
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** Cover on the branch's calendar day of `now`, from the stored lines' months and statuses. */
export function coverageFromLines(
  coverStartMonth: Date,
  lines: readonly { month: Date; status: LineState; dueDate: Date }[],
  now: Date,
  timeZone: string,
) {
  const today = todayInZone(now, timeZone);
  const input = coverageInput(isoMonth(coverStartMonth), lines.map((l) => ({ month: isoMonth(l.month), status: l.status, dueDate: isoDay(l.dueDate) })), today);
  return { today, coverage: coverageStatus(input) };
}
