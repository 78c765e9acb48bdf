/**
 * BPU income tiers (docs/regulation.md §3; PP 44/2015 Lampiran II as amended by PP 82/2019 — verify against the
 * Lampiran). The declared monthly income selects a tier; contributions are computed on the tier's
 * basis amount, never on the raw income.
 *
 * The table is written as the bands docs/regulation.md §3 states, expanded into 33 tiers below:
 *   income < 1.100.000                      → 1.000.000
 *   200.000-wide bands from 1.100.000        (1.100.000–1.299.999 → 1.200.000 … 2.500.000–2.699.999 → 2.600.000)
 *   500.000-wide bands from 2.700.000        (2.700.000–3.199.999 → 2.950.000 … 7.700.000–8.199.999 → 7.950.000)
 *   1.000.000-wide bands from 8.200.000      (8.200.000–9.199.999 → 8.700.000 … 19.200.000–20.199.999 → 19.700.000)
 *   income ≥ 20.200.000                     → 20.700.000
 * Each band's basis is the band's midpoint (e.g. 2.700.000–3.199.999 → 2.950.000).
 * A corrected figure is a new TierTable version with its own validFrom; old versions stay.
 */

export interface Tier {
  index: number /*1..33*/;
  minIncome: number;
  maxIncome: number | null;
  basis: number;
}

export interface TierTable {
  version: string;
  validFrom: string;
  tiers: readonly Tier[];
}

interface Band {
  /** First income of the first tier in this band group. */
  from: number;
  width: number;
  count: number;
  /** basis = lower bound of the tier + offset. */
  basisOffset: number;
}

function expand(first: { maxIncome: number; basis: number }, bands: readonly Band[], top: { minIncome: number; basis: number }): Tier[] {
  const tiers: Tier[] = [{ index: 1, minIncome: 0, maxIncome: first.maxIncome, basis: first.basis }];
  for (const band of bands) {
    for (let i = 0; i < band.count; i++) {
      const min = band.from + i * band.width;
      tiers.push({ index: tiers.length + 1, minIncome: min, maxIncome: min + band.width - 1, basis: min + band.basisOffset });
    }
  }
  tiers.push({ index: tiers.length + 1, minIncome: top.minIncome, maxIncome: null, basis: top.basis });
  return tiers.map((t) => Object.freeze(t));
}

export const TIER_TABLES: readonly TierTable[] = Object.freeze([
  Object.freeze({
    version: "pp44-2015-lampiran-ii@2015-07-01",
    validFrom: "2015-07-01",
    tiers: Object.freeze(
      expand(
        { maxIncome: 1_099_999, basis: 1_000_000 },
        [
          { from: 1_100_000, width: 200_000, count: 8, basisOffset: 100_000 }, // tiers 2–9
          { from: 2_700_000, width: 500_000, count: 11, basisOffset: 250_000 }, // tiers 10–20
          { from: 8_200_000, width: 1_000_000, count: 12, basisOffset: 500_000 }, // tiers 21–32
        ],
        { minIncome: 20_200_000, basis: 20_700_000 }, // tier 33
      ),
    ),
  }),
]);
