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
