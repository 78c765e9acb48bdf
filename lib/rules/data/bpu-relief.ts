/**
 * Contribution relief (docs/regulation.md §3; PP 50/2025): JKK and JKM — never JHT — are halved for the listed
 * contribution months. Not applied when the contribution is paid from a state or regional budget.
 * Each contribution line references the id of the relief rule it used.
 *
 * Adding or changing a rule here (a deploy) reprices what is not yet paid and credits what was paid
 * above the relieved price (docs/regulation.md §3.3, docs/decisions/0011-cover-lifecycle.md §4): every
 * payment's transaction does it for its enrolment, and `npm run db:reprice` for all after the deploy.
 */

export type BpuSector = "TRANSPORT" | "OTHER";

export interface ReliefRule {
  id: string;
  legalBasis: string;
  sectors: readonly BpuSector[];
  /** First relieved contribution month, YYYY-MM, inclusive. */
  fromMonth: string;
  /** Last relieved contribution month, YYYY-MM, inclusive. */
  toMonth: string;
  jkkFactor: number;
  jkmFactor: number;
}

export const RELIEF_RULES: readonly ReliefRule[] = Object.freeze([
  Object.freeze({
    id: "PP50-2025-NONTRANSPORT",
    legalBasis: "PP 50/2025",
    sectors: Object.freeze(["OTHER"] as const),
    fromMonth: "2026-04",
    toMonth: "2026-12",
    jkkFactor: 0.5,
    jkmFactor: 0.5,
  }),
  Object.freeze({
    // Drivers, couriers and other transport workers get a longer window.
    id: "PP50-2025-TRANSPORT",
    legalBasis: "PP 50/2025",
    sectors: Object.freeze(["TRANSPORT"] as const),
    fromMonth: "2026-01",
    toMonth: "2027-03",
    jkkFactor: 0.5,
    jkmFactor: 0.5,
  }),
]);
