/**
 * KUR schemes and the eligibility checks the officer attests on the e-form (docs/regulation.md §1): Permenko
 * Perekonomian 1/2022 as amended by Permenko 1/2023, in force 2023-02-01. Figures live in
 * ./data/kur-schemes.ts and ./data/interest-rates.ts as dated versions; this file only reads them.
 */
import { addMonthsToDate, formatDateId, isIsoDate } from "./dates";
import { issue, type RuleIssue } from "./issues";
import { formatRupiah } from "./money";
import { KUR_SCHEME_RULE_VERSIONS, type KurSchemeRules, type PlafonBand } from "./data/kur-schemes";
import { INTEREST_RATE_TABLES, type InterestRateTable } from "./data/interest-rates";
import { isFourAccessProductionKbli } from "./sectors";

export const KUR_SCHEMES = ["SUPER_MIKRO", "MIKRO", "KECIL", "KHUSUS", "PMI"] as const;
export type KurScheme = (typeof KUR_SCHEMES)[number];

export function isKurScheme(value: unknown): value is KurScheme {
  return typeof value === "string" && (KUR_SCHEMES as readonly string[]).includes(value);
}

export const KUR_PURPOSES = ["WORKING_CAPITAL", "INVESTMENT"] as const;
export type KurPurpose = (typeof KUR_PURPOSES)[number];

export type { KurSchemeRules, PlafonBand, InterestRateTable };

/** The newest version in force on `onDate` (or the newest of all without a date); versions need not be sorted. */
function versionOn<T extends { validFrom: string; version: string }>(
  versions: readonly T[],
  onDate: string | undefined,
  what: string,
): T {
  if (onDate !== undefined && !isIsoDate(onDate)) {
    throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(onDate)}`);
  }
  let best: T | undefined;
  for (const v of versions) {
    if (onDate !== undefined && v.validFrom > onDate) continue;
    if (!best || v.validFrom > best.validFrom) best = v;
  }
  if (!best) throw new RangeError(`No ${what} in force on ${onDate}`);
  return best;
}

/**
 * The KUR scheme rules in force on `onDate`. Without a date: the newest version, which is what the
 * e-form applies today (a future-dated version must not be loaded before it is in force).
 */
export function kurSchemeRulesFor(onDate?: string): KurSchemeRules {
  return versionOn(KUR_SCHEME_RULE_VERSIONS, onDate, "KUR scheme rules");
}

/** Inclusive rupiah band of a scheme's plafon per debtor (per member for KUR Khusus). */
export function plafonBand(scheme: KurScheme, onDate?: string): { min: number; max: number } {
  const band = kurSchemeRulesFor(onDate).plafonBands[scheme];
  return { min: band.min, max: band.max };
}

/**
 * A plafon outside its scheme's band is an input error reported on the plafon field (docs/regulation.md §1).
 * null when the plafon is a whole rupiah amount inside the band; else `plafon.notWhole` or
 * `plafon.outOfBand` { scheme, above, max }.
 */
export function checkPlafon(scheme: KurScheme, plafon: number): RuleIssue | null {
  if (!Number.isSafeInteger(plafon)) return issue("plafon.notWhole");
  const { min, max } = plafonBand(scheme);
  if (plafon >= min && plafon <= max) return null;
  // Bands are "> lower and ≤ upper" in the regulation, so the message quotes min - 1 as "di atas".
  return issue("plafon.outOfBand", { scheme, above: formatRupiah(min - 1), max: formatRupiah(max) });
}

/** The scheme a plafon alone points to among the general schemes (super mikro, mikro, kecil); null outside them. */
export function generalSchemeForPlafon(plafon: number): "SUPER_MIKRO" | "MIKRO" | "KECIL" | null {
  for (const scheme of ["SUPER_MIKRO", "MIKRO", "KECIL"] as const) {
    const { min, max } = plafonBand(scheme);
    if (Number.isSafeInteger(plafon) && plafon >= min && plafon <= max) return scheme;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Interest

export interface InterestRate {
  ratePercent: number;
  tableVersion: string;
}

/**
 * The debtor's earlier KUR accesses per scheme, as SLIK shows them: what the interest tiers and the
 * repeat-access cap count (docs/regulation.md §1.1, §1.2). Super mikro, khusus and PMI loans are not
 * counted by any article the portal applies.
 */
export interface KurAccessHistory {
  /** Earlier KUR mikro loans received (Pasal 22 ayat (2) tiers, Pasal 24 ayat (4)/(4a) cap). */
  mikro: number;
  /** Earlier KUR kecil loans received (Pasal 26 ayat (2) tiers). */
  kecil: number;
}

function requireCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative integer, got ${n}`);
}

/**
 * How many earlier accesses the interest tier of `scheme` counts: the earlier accesses **of that
 * scheme** — KUR mikro for a KUR mikro (Permenko 1/2023 Pasal 22 ayat (2): 6% "yang mengakses KUR mikro
 * pertama kali", 7% the second time …), KUR kecil for a KUR kecil (Pasal 26 ayat (2), likewise); 0 for
 * the flat-rate schemes. A KUR kecil after two KUR mikro is the debtor's first KUR kecil: 6%.
 */
export function accessesCounted(scheme: KurScheme, history: KurAccessHistory): number {
  requireCount("history.mikro", history.mikro);
  requireCount("history.kecil", history.kecil);
  if (scheme === "MIKRO") return history.mikro;
  if (scheme === "KECIL") return history.kecil;
  return 0;
}

/**
 * Effective annual interest for a debtor's next KUR (docs/regulation.md §1.1): super mikro 3%; mikro and
 * kecil 6/7/8/9% for the 1st/2nd/3rd/4th-and-later access of that scheme; khusus and PMI 6%.
 *
 * `priorAccessesOfScheme` is how many KUR of the same scheme the debtor has already received
 * (`accessesCounted`; 0 for a first one). Throws RangeError for a negative or fractional count, a
 * malformed date, or a date before any table.
 */
export function interestRate(scheme: KurScheme, priorAccessesOfScheme: number, onDate: string): InterestRate {
  requireCount("priorAccessesOfScheme", priorAccessesOfScheme);
  if (!isIsoDate(onDate)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(onDate)}`);
  const table = versionOn(INTEREST_RATE_TABLES, onDate, "KUR interest-rate table");
  const rates = table.ratesPercent[scheme];
  const rate = rates[Math.min(priorAccessesOfScheme, rates.length - 1)];
  if (rate === undefined) throw new RangeError(`Interest table ${table.version} has no rate for ${scheme}`);
  return { ratePercent: rate, tableVersion: table.version };
}

/** The interest for the next KUR of `scheme`, counting the accesses its article counts. */
export function interestRateFor(scheme: KurScheme, history: KurAccessHistory, onDate: string): InterestRate {
  return interestRate(scheme, accessesCounted(scheme, history), onDate);
}

// ---------------------------------------------------------------------------------------------------
// Tenor

export function tenorCapMonths(scheme: KurScheme, purpose: KurPurpose, onDate?: string): number {
  return kurSchemeRulesFor(onDate).tenorCapMonths[scheme][purpose];
}

/**
 * null when `months` is a whole number of months within the scheme's cap for that purpose; else
 * `tenor.notWhole` or `tenor.tooLong` { scheme, purpose, cap (months), years (cap in whole years,
 * 0 when the cap is not a whole number of years) }.
 */
export function checkTenor(scheme: KurScheme, purpose: KurPurpose, months: number): RuleIssue | null {
  if (!Number.isSafeInteger(months) || months < 1) return issue("tenor.notWhole");
  const cap = tenorCapMonths(scheme, purpose);
  if (months <= cap) return null;
  return issue("tenor.tooLong", { scheme, purpose, cap, years: cap % 12 === 0 ? cap / 12 : 0 });
}

// ---------------------------------------------------------------------------------------------------
// Collateral and NPWP

/**
 * Whether the penyalur may ask for additional collateral: not for a plafon up to and including
 * Rp100.000.000 (docs/regulation.md §1).
 */
export function additionalCollateralAllowed(plafon: number): boolean {
  return plafon > kurSchemeRulesFor().noAdditionalCollateralUpTo;
}

/** Same as `additionalCollateralAllowed`; the name the e-form code was first written against. */
export const requiresAdditionalCollateralAllowed = additionalCollateralAllowed;

/** NPWP is required when plafon > Rp50.000.000 (bank practice, docs/regulation.md §1). */
export function npwpRequired(plafon: number): boolean {
  return plafon > kurSchemeRulesFor().npwpRequiredAbove;
}

/**
 * null unless the plafon requires an NPWP and none was given (`npwp.required` { threshold }).
 * Format is `normalizeNpwp`'s job.
 */
export function checkNpwpRequired(plafon: number, npwp: string | null | undefined): RuleIssue | null {
  if (!npwpRequired(plafon) || (npwp ?? "").trim() !== "") return null;
  return issue("npwp.required", { threshold: formatRupiah(kurSchemeRulesFor().npwpRequiredAbove) });
}

// ---------------------------------------------------------------------------------------------------
// Business age

export function businessAgeRequired(scheme: KurScheme): boolean {
  return !kurSchemeRulesFor().businessAgeExempt.includes(scheme);
}

/**
 * The business must have been running at least 6 months, except for super mikro (docs/regulation.md §1).
 * "6 months" is counted as calendar months from `startedOn`, clamped to the month end
 * (started 2025-08-31 → eligible from 2026-02-28). A start date in the future is always an error.
 * `startedOn` is user input (a bad value gives an issue); `today` must be a valid ISO date.
 * Issues: `businessAge.invalidDate`, `businessAge.future`, `businessAge.tooYoung` { months, startedOn }.
 */
export function checkBusinessAge(scheme: KurScheme, startedOn: string, today: string): RuleIssue | null {
  if (!isIsoDate(today)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(today)}`);
  if (!isIsoDate(startedOn)) return issue("businessAge.invalidDate");
  if (startedOn > today) return issue("businessAge.future");
  if (!businessAgeRequired(scheme)) return null;
  const minMonths = kurSchemeRulesFor().minBusinessAgeMonths;
  if (addMonthsToDate(startedOn, minMonths) <= today) return null;
  return issue("businessAge.tooYoung", { months: minMonths, startedOn: formatDateId(startedOn) });
}

// ---------------------------------------------------------------------------------------------------
// Repeat access to KUR mikro and the outstanding total

/**
 * How many KUR mikro an applicant may receive in all (Permenko 1/2023 Pasal 24 ayat (4) and (4a)): 4 in
 * the production sectors ayat (4) names — pertanian, perkebunan, perikanan, peternakan
 * (`isFourAccessProductionKbli`: not forestry, KBLI 02) — and 2 otherwise. Throws RangeError for a
 * malformed KBLI.
 */
export function mikroAccessCap(kbli: string): number {
  const cap = kurSchemeRulesFor().mikroAccessCap;
  return isFourAccessProductionKbli(kbli) ? cap.primaryProduction : cap.other;
}

/**
 * null when a debtor who has already received `priorMikro` KUR mikro may receive one more; else
 * `mikroRepeat.capReached` { ayat: "4" | "4a", cap, prior }. The cap counts earlier KUR mikro (as the
 * Ministry announced it: "debitur yang telah mengakses dua kali KUR Mikro harus beralih ke KUR kecil"),
 * not super mikro or kecil loans. Throws RangeError for a negative or fractional count.
 */
export function checkMikroRepeatAccess(kbli: string, priorMikro: number): RuleIssue | null {
  requireCount("priorMikro", priorMikro);
  const cap = mikroAccessCap(kbli);
  if (priorMikro + 1 <= cap) return null;
  return issue("mikroRepeat.capReached", { ayat: isFourAccessProductionKbli(kbli) ? "4" : "4a", cap, prior: priorMikro });
}

/**
 * Permenko 1/2023 Pasal 24 ayat (1): an applicant already holding KUR mikro may get more KUR mikro as
 * long as the total outstanding stays within Rp100.000.000. null when `outstandingMikro` (rupiah still
 * owed on running KUR mikro, 0 for none) plus the new plafon fits; else
 * `mikroOutstanding.capExceeded` { cap, outstanding, room } (formatted rupiah; room may be Rp0), or
 * `mikroOutstanding.withoutPriorMikro` when an outstanding KUR mikro is declared but no earlier KUR
 * mikro is counted (the two fields contradict each other). Throws RangeError for a negative or
 * fractional amount.
 */
export function checkMikroOutstanding(plafon: number, outstandingMikro: number, priorMikro: number): RuleIssue | null {
  requireCount("outstandingMikro", outstandingMikro);
  requireCount("priorMikro", priorMikro);
  if (outstandingMikro === 0) return null;
  if (priorMikro === 0) return issue("mikroOutstanding.withoutPriorMikro");
  const cap = kurSchemeRulesFor().mikroOutstandingCap;
  if (!Number.isSafeInteger(plafon) || outstandingMikro + plafon <= cap) return null;
  return issue("mikroOutstanding.capExceeded", {
    cap: formatRupiah(cap),
    outstanding: formatRupiah(outstandingMikro),
    room: formatRupiah(Math.max(cap - outstandingMikro, 0)),
  });
}
