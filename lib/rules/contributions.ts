/**
 * BPU contributions for a KUR debtor (docs/regulation.md §3; PP 44/2015 jo. PP 82/2019 jo. PP 49/2023,
 * Permenaker 5/2021; relief PP 50/2025). Figures come from the dated tables in ./data; this file only
 * selects the version in force and does the arithmetic, in whole rupiah.
 */
import { firstDayOfMonth, isIsoDate, isIsoMonth } from "./dates";
import { onOrNextWorkingDay } from "./working-days";
import { BPU_RATES, type BpuRates } from "./data/bpu-rates";
import { RELIEF_RULES, type BpuSector, type ReliefRule } from "./data/bpu-relief";
import { TIER_TABLES, type Tier, type TierTable } from "./data/bpu-tiers";

export { TIER_TABLES, RELIEF_RULES, BPU_RATES };
export type { Tier, TierTable, ReliefRule, BpuSector, BpuRates };

export const BPU_SECTORS: readonly BpuSector[] = ["TRANSPORT", "OTHER"];

function newestOn<T extends { validFrom: string }>(versions: readonly T[], date: string, what: string): T {
  let best: T | undefined;
  for (const v of versions) {
    if (v.validFrom <= date && (!best || v.validFrom > best.validFrom)) best = v;
  }
  if (!best) throw new RangeError(`No ${what} in force on ${date}`);
  return best;
}

function requireDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function requireMonth(month: string): void {
  if (!isIsoMonth(month)) throw new RangeError(`Not a contribution month (YYYY-MM): ${JSON.stringify(month)}`);
}

/** The tier table in force on `date`. Throws RangeError before the first table (2015-07-01). */
export function tierTableFor(date: string): TierTable {
  requireDate(date);
  return newestOn(TIER_TABLES, date, "BPU tier table");
}

/** The contribution rates in force on `date`. */
export function bpuRatesFor(date: string): BpuRates {
  requireDate(date);
  return newestOn(BPU_RATES, date, "BPU contribution rates");
}

function newestVersion<T extends { validFrom: string }>(versions: readonly T[]): T {
  const newest = [...versions].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  if (!newest) throw new RangeError("Empty reference table");
  return newest;
}

/** JKM per month under the newest rates (Rp6.800). Use `bpuRatesFor(date).jkmFlat` for a dated figure. */
export const JKM_FLAT: number = newestVersion(BPU_RATES).jkmFlat;

function requireIncome(declaredIncome: number): void {
  if (!Number.isSafeInteger(declaredIncome) || declaredIncome < 0) {
    throw new RangeError(`Declared income must be a non-negative whole rupiah amount, got ${declaredIncome}`);
  }
}

/**
 * The tier a declared monthly income falls in: income < 1.100.000 → basis 1.000.000; … ;
 * ≥ 20.200.000 → 20.700.000. Default table: the newest version. Throws RangeError for a negative or
 * fractional income.
 */
export function findTier(declaredIncome: number, table: TierTable = newestVersion(TIER_TABLES)): Tier {
  requireIncome(declaredIncome);
  for (const tier of table.tiers) {
    if (declaredIncome >= tier.minIncome && (tier.maxIncome === null || declaredIncome <= tier.maxIncome)) return tier;
  }
  throw new RangeError(`Tier table ${table.version} does not cover income ${declaredIncome}`);
}

/**
 * The relief rule for a contribution month and sector, or null. Relief is not applied when the
 * contribution is paid from a state or regional budget (PP 50/2025).
 */
export function reliefFor(sector: BpuSector, month: string, fundedByBudget = false): ReliefRule | null {
  requireMonth(month);
  if (fundedByBudget) return null;
  // Windows of one sector never overlap (a unit test guards the data), so the first match is the only one.
  return RELIEF_RULES.find((r) => r.sectors.includes(sector) && r.fromMonth <= month && month <= r.toMonth) ?? null;
}

/**
 * Due date of a contribution month: the 15th of that month, or the next working day when the 15th is
 * a Saturday, Sunday, national holiday or cuti bersama (docs/regulation.md §3: "next working day if a
 * holiday"; the holiday table is lib/rules/data/holidays.ts). For a year without a complete holiday
 * table only weekends and fixed-date holidays move the date.
 */
export function contributionDueDate(month: string): string {
  requireMonth(month);
  return onOrNextWorkingDay(firstDayOfMonth(month).slice(0, 8) + "15");
}

export interface ContributionInput {
  declaredIncome: number;
  jht: boolean;
  sector: BpuSector;
  month: string /*YYYY-MM*/;
  fundedByBudget?: boolean;
}

export interface ContributionQuote {
  month: string;
  tierTableVersion: string;
  tierIndex: number;
  tierBasis: number;
  gross: { jkk: number; jkm: number; jht: number; total: number };
  jkk: number;
  jkm: number;
  jht: number;
  discount: number;
  reliefRuleId: string | null;
  total: number;
  dueDate: string;
}

/** Percent of an amount expressed in basis points, rounded to whole rupiah. */
function basisPoints(amount: number, bp: number): number {
  return Math.round((amount * bp) / 10_000);
}

/**
 * One month's BPU contribution:
 *   JKK = 1% of the tier basis, JKM = Rp6.800, JHT = 2% of the basis if chosen (else 0);
 *   relief (PP 50/2025) multiplies JKK and JKM by the rule's factor, never JHT.
 *
 * Rounding: every line is rounded on its own with Math.round to whole rupiah, and the total is the
 * sum of the rounded lines (so the total always equals what the lines show). With today's figures no
 * rounding ever happens — every basis is a multiple of Rp50.000, so 1% and 2% of it and half of it
 * are whole rupiah, and half of Rp6.800 is Rp3.400 — the rule only matters for a future figure.
 * Example (docs/regulation.md §3): minimum tier, 2026-11, non-transport → JKK 5.000 + JKM 3.400 = Rp8.400.
 *
 * Throws RangeError for a negative or fractional income, a malformed month or an unknown sector
 * (callers validate first with zod).
 */
export function contributionForMonth(input: ContributionInput): ContributionQuote {
  const { declaredIncome, jht, sector, month, fundedByBudget = false } = input;
  requireIncome(declaredIncome);
  requireMonth(month);
  if (!BPU_SECTORS.includes(sector)) throw new RangeError(`Unknown BPU sector: ${JSON.stringify(sector)}`);

  // A version in force on the first day of the month applies to the whole contribution month.
  const onDate = firstDayOfMonth(month);
  const table = tierTableFor(onDate);
  const rates = bpuRatesFor(onDate);
  const tier = findTier(declaredIncome, table);

  const grossJkk = basisPoints(tier.basis, rates.jkkBasisPoints);
  const grossJkm = rates.jkmFlat;
  const grossJht = jht ? basisPoints(tier.basis, rates.jhtBasisPoints) : 0;
  const grossTotal = grossJkk + grossJkm + grossJht;

  const relief = reliefFor(sector, month, fundedByBudget);
  const dueJkk = relief ? Math.round(grossJkk * relief.jkkFactor) : grossJkk;
  const dueJkm = relief ? Math.round(grossJkm * relief.jkmFactor) : grossJkm;
  const dueJht = grossJht; // PP 50/2025 relieves JKK and JKM only.
  const total = dueJkk + dueJkm + dueJht;

  return {
    month,
    tierTableVersion: table.version,
    tierIndex: tier.index,
    tierBasis: tier.basis,
    gross: { jkk: grossJkk, jkm: grossJkm, jht: grossJht, total: grossTotal },
    jkk: dueJkk,
    jkm: dueJkm,
    jht: dueJht,
    discount: grossTotal - total,
    reliefRuleId: relief?.id ?? null,
    total,
    dueDate: contributionDueDate(month),
  };
}

export interface PricedLine {
  month: string;
  jkkGross: number;
  jkmGross: number;
  jht: number;
  total: number;
  reliefRuleId: string | null;
}

/**
 * The credit owed on a month already paid at a price a relief rule now lowers (PP 50/2025 as read in
 * docs/regulation.md §3.3: a contribution paid in full for a relieved month is credited to the next
 * month): what was paid less the relieved price of the same gross amounts. Null when no relief
 * applies now or the line was already priced with it.
 */
export function reliefCredit(line: PricedLine, sector: BpuSector, fundedByBudget: boolean): { ruleId: string; credit: number } | null {
  const relief = reliefFor(sector, line.month, fundedByBudget);
  if (!relief || line.reliefRuleId === relief.id) return null;
  const relieved = Math.round(line.jkkGross * relief.jkkFactor) + Math.round(line.jkmGross * relief.jkmFactor) + line.jht;
  const credit = line.total - relieved;
  return credit > 0 ? { ruleId: relief.id, credit } : null;
}
