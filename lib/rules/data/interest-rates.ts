/**
 * KUR interest (effective p.a.) tables (docs/regulation.md §1). Each version is dated: the flat 6% for repeat
 * loans announced for 2026 and the 0% for disaster areas (Aceh, Sumut, Sumbar) are to be added as new
 * records once verified against the signed Permenko text — never by editing the one below, which
 * must keep reproducing decisions taken since 2023-02-01.
 */
import type { KurScheme } from "../kur";

export interface InterestRateTable {
  version: string;
  validFrom: string;
  legalBasis: string;
  /**
   * Rate in percent by the debtor's KUR count: index 0 is the 1st KUR, index 1 the 2nd, …; the last
   * entry applies to every later KUR (the "4th+" rate for mikro and kecil).
   */
  ratesPercent: Readonly<Record<KurScheme, readonly number[]>>;
}

export const INTEREST_RATE_TABLES: readonly InterestRateTable[] = [
  {
    version: "permenko-1-2023-bunga@2023-02-01",
    validFrom: "2023-02-01",
    legalBasis: "Permenko Perekonomian 1/2023",
    ratesPercent: {
      SUPER_MIKRO: [3],
      MIKRO: [6, 7, 8, 9],
      KECIL: [6, 7, 8, 9],
      KHUSUS: [6],
      PMI: [6],
    },
  },
];
