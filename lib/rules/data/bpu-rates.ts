/**
 * BPU contribution rates (docs/regulation.md §3; PP 44/2015 as amended by PP 82/2019 and PP 49/2023,
 * Permenaker 5/2021): JKK 1% of the tier basis, JKM Rp6.800 flat, JHT 2% of the basis when chosen.
 * BPU never pays JP or JKP. Percentages are kept in basis points so that the arithmetic stays in
 * integers. A rate change is a new record with its own validFrom.
 */

export interface BpuRates {
  version: string;
  validFrom: string;
  legalBasis: string;
  /** JKK as basis points of the tier basis (100 = 1%). */
  jkkBasisPoints: number;
  /** JKM flat rupiah per month. */
  jkmFlat: number;
  /** JHT as basis points of the tier basis (200 = 2%), only when the participant chooses JHT. */
  jhtBasisPoints: number;
}

export const BPU_RATES: readonly BpuRates[] = Object.freeze([
  Object.freeze({
    version: "pp44-2015-bpu@2015-07-01",
    validFrom: "2015-07-01",
    legalBasis: "PP 44/2015 jo. PP 82/2019 jo. PP 49/2023; Permenaker 5/2021",
    jkkBasisPoints: 100,
    jkmFlat: 6_800,
    jhtBasisPoints: 200,
  }),
]);
