/**
 * KUR scheme reference data (docs/regulation.md §1): Permenko Perekonomian 1/2022 as amended by Permenko 1/2023,
 * in force 2023-02-01. One record per version: a corrected figure or a new Permenko is a new record
 * with its own `validFrom`, so decisions taken under an older version stay reproducible.
 */
import type { KurPurpose, KurScheme } from "../kur";

export interface PlafonBand {
  /** Inclusive, rupiah. */
  min: number;
  /** Inclusive, rupiah. */
  max: number;
}

export interface KurSchemeRules {
  version: string;
  validFrom: string;
  legalBasis: string;
  plafonBands: Readonly<Record<KurScheme, PlafonBand>>;
  tenorCapMonths: Readonly<Record<KurScheme, Readonly<Record<KurPurpose, number>>>>;
  /** Up to and including this plafon the penyalur may not ask for additional collateral. */
  noAdditionalCollateralUpTo: number;
  /** Above this plafon the debtor must give an NPWP (bank practice, not the Permenko). */
  npwpRequiredAbove: number;
  /** Business running at least this long before applying; super mikro is exempt. */
  minBusinessAgeMonths: number;
  businessAgeExempt: readonly KurScheme[];
  /**
   * Permenko 1/2023 Pasal 24 ayat (4) and (4a): how many KUR mikro an applicant may receive in all, in
   * the four production sectors ayat (4) names and otherwise.
   */
  mikroAccessCap: { primaryProduction: number; other: number };
  /** Pasal 24 ayat (1): total outstanding KUR mikro of an applicant already holding one, inclusive. */
  mikroOutstandingCap: number;
}

export const KUR_SCHEME_RULE_VERSIONS: readonly KurSchemeRules[] = [
  {
    version: "permenko-1-2023@2023-02-01",
    validFrom: "2023-02-01",
    legalBasis: "Permenko Perekonomian 1/2022 jo. Permenko 1/2023",
    plafonBands: {
      SUPER_MIKRO: { min: 1, max: 10_000_000 },
      MIKRO: { min: 10_000_001, max: 100_000_000 },
      KECIL: { min: 100_000_001, max: 500_000_000 },
      // Per member of the group or cluster.
      KHUSUS: { min: 1, max: 500_000_000 },
      PMI: { min: 1, max: 100_000_000 },
    },
    tenorCapMonths: {
      SUPER_MIKRO: { WORKING_CAPITAL: 36, INVESTMENT: 60 },
      MIKRO: { WORKING_CAPITAL: 36, INVESTMENT: 60 },
      KECIL: { WORKING_CAPITAL: 48, INVESTMENT: 60 },
      KHUSUS: { WORKING_CAPITAL: 48, INVESTMENT: 60 },
      // KUR PMI follows the work contract, at most 3 years whatever the purpose.
      PMI: { WORKING_CAPITAL: 36, INVESTMENT: 36 },
    },
    noAdditionalCollateralUpTo: 100_000_000,
    npwpRequiredAbove: 50_000_000,
    minBusinessAgeMonths: 6,
    businessAgeExempt: ["SUPER_MIKRO"],
    mikroAccessCap: { primaryProduction: 4, other: 2 },
    mikroOutstandingCap: 100_000_000,
  },
];
