/**
 * The contribution lines an enrolment starts with (docs/decisions/0009-enrolment-lifecycle.md §3): `monthsInAdvance` months from
 * the first contribution month, each priced with `contributionForMonth` for its own month, so a
 * relief that ends (or starts) inside the period is applied month by month. Pure: the e-form's live
 * preview and the server's transaction call the same function.
 */
import { addMonths, contributionForMonth, type BpuSector, type ContributionQuote } from "@/lib/rules";

export interface AdvanceInput {
  declaredIncome: number;
  jht: boolean;
  sector: BpuSector;
  /** First contribution month, YYYY-MM. */
  firstMonth: string;
  months: number;
}

export interface AdvanceQuote {
  lines: ContributionQuote[];
  /** Sum of the lines' totals, whole rupiah. */
  total: number;
}

export function advanceContributions(input: AdvanceInput): AdvanceQuote {
  if (!Number.isSafeInteger(input.months) || input.months < 1) {
    throw new RangeError(`months must be a positive integer, got ${input.months}`);
  }
  const lines = Array.from({ length: input.months }, (_, i) =>
    contributionForMonth({
      declaredIncome: input.declaredIncome,
      jht: input.jht,
      sector: input.sector,
      month: addMonths(input.firstMonth, i),
    }),
  );
  return { lines, total: lines.reduce((sum, l) => sum + l.total, 0) };
}

export interface PriceSteps {
  /** What the first month shown costs. */
  first: number;
  /** When the price changes within the months shown (a relief window ends or starts): the last month at `first`, and the price after it. */
  change: { until: string; then: number } | null;
}

/**
 * "Rp114.650 s.d. 12/2026, lalu Rp140.300": the first month's price and, when a later month shown
 * costs something else, the month before the change and the new price (docs/regulation.md §3.3).
 * Null for no months.
 */
export function priceSteps(lines: readonly { month: string; total: number }[]): PriceSteps | null {
  const sorted = [...lines].sort((a, b) => (a.month < b.month ? -1 : 1));
  const first = sorted[0];
  if (!first) return null;
  const i = sorted.findIndex((l) => l.total !== first.total);
  return { first: first.total, change: i > 0 ? { until: sorted[i - 1]!.month, then: sorted[i]!.total } : null };
}

/**
 * The months an enrolment not yet approved plans (docs/decisions/0011 §1), as contribution rows marked
 * PLANNED: `months` months from `firstMonth` (the month it would be approved in: today's), priced for
 * their own months. Not a debt: approval writes the lines from its own month.
 */
export function plannedRows(input: AdvanceInput) {
  return advanceContributions(input).lines.map((q) => ({
    month: q.month,
    jkkGross: q.gross.jkk,
    jkmGross: q.gross.jkm,
    jhtGross: q.gross.jht,
    discount: q.discount,
    total: q.total,
    dueDate: q.dueDate,
    status: "PLANNED" as const,
  }));
}

export type PlannedRow = ReturnType<typeof plannedRows>[number];
