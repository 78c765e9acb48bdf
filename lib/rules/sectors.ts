/**
 * KUR sector groups (docs/regulation.md §6: "KUR reporting groups sectors as agriculture, fisheries, processing
 * industry, trade, services"), derived from the KBLI 2020 division of the business.
 *
 * Mapping, by KBLI 2020 division (first two digits):
 *   01–02  AGRICULTURE          (crops, plantations and livestock are all division 01; forestry 02)
 *   03     FISHERIES            (capture and aquaculture)
 *   10–33  PROCESSING_INDUSTRY  (section C)
 *   45–47  TRADE                (section G)
 *   every other existing division → SERVICES, including mining (05–09), utilities (35–39) and
 *   construction (41–43): the five-group reporting has no separate bucket for them.
 */
import { KBLI_2020_SECTIONS } from "./data/kbli";

export const KUR_SECTOR_GROUPS = ["AGRICULTURE", "FISHERIES", "PROCESSING_INDUSTRY", "TRADE", "SERVICES"] as const;
export type KurSectorGroup = (typeof KUR_SECTOR_GROUPS)[number];

/** The KBLI 2020 section letter of a division (1–99), or null when KBLI 2020 has no such division. */
export function kbliSectionOfDivision(division: number): string | null {
  for (const s of KBLI_2020_SECTIONS) {
    for (const [from, to] of s.divisions) {
      if (division >= from && division <= to) return s.section;
    }
  }
  return null;
}

/**
 * Whether a KBLI 2020 code is in one of the production sectors Permenko 1/2023 Pasal 24 ayat (4) names —
 * "pertanian, perkebunan, perikanan, dan peternakan" — which allow 4 KUR mikro instead of 2. Read at the
 * KBLI group (3 digits): 011 non-perennial crops, 012 perennial crops (perkebunan), 013 plant
 * propagation, 014 livestock (peternakan), 015 mixed farming, 031 capture fisheries, 032 aquaculture.
 * Not forestry (division 02: not named in ayat (4)), nor 016 support activities or 017 hunting (services
 * to, or not production of, the named sectors). The KUR reporting group stays AGRICULTURE for 01–02
 * (`sectorGroupForDivision`): only the cap reads this narrower list. Throws RangeError for a
 * malformed code.
 */
export function isFourAccessProductionKbli(kbli: string): boolean {
  if (!/^\d{5}$/.test(kbli)) throw new RangeError(`KBLI must be 5 digits: ${JSON.stringify(kbli)}`);
  return FOUR_ACCESS_KBLI_GROUPS.includes(kbli.slice(0, 3));
}
const FOUR_ACCESS_KBLI_GROUPS: readonly string[] = ["011", "012", "013", "014", "015", "031", "032"];

export function isKnownKbliDivision(division: number): boolean {
  return kbliSectionOfDivision(division) !== null;
}

export function sectorGroupForDivision(division: number): KurSectorGroup {
  if (!isKnownKbliDivision(division)) {
    throw new RangeError(`KBLI 2020 has no division ${String(division).padStart(2, "0")}`);
  }
  if (division === 1 || division === 2) return "AGRICULTURE";
  if (division === 3) return "FISHERIES";
  if (division >= 10 && division <= 33) return "PROCESSING_INDUSTRY";
  if (division >= 45 && division <= 47) return "TRADE";
  return "SERVICES";
}

/**
 * The BPU sector that decides how long the PP 50/2025 relief lasts (docs/regulation.md §3: "2026-01 … 2027-03
 * for the transport sector (drivers, couriers)"). Transport is KBLI 2020 section H, divisions 49–53:
 * land, water and air transport, warehousing, postal and courier activities — which covers ojek and
 * taxi drivers (49) and couriers (53). (verify: PP 50/2025 names the sector, not KBLI codes.)
 * Throws RangeError for a malformed code.
 */
export function bpuSectorForKbli(kbli: string): "TRANSPORT" | "OTHER" {
  if (!/^\d{5}$/.test(kbli)) throw new RangeError(`KBLI must be 5 digits: ${JSON.stringify(kbli)}`);
  return kbliSectionOfDivision(Number(kbli.slice(0, 2))) === "H" ? "TRANSPORT" : "OTHER";
}

/**
 * Sector group of a 5-digit KBLI 2020 code (validate it first with `checkKbli`).
 * Throws RangeError for a malformed code or a division KBLI 2020 does not have.
 */
export function sectorGroupForKbli(kbli: string): KurSectorGroup {
  if (!/^\d{5}$/.test(kbli)) throw new RangeError(`KBLI must be 5 digits: ${JSON.stringify(kbli)}`);
  return sectorGroupForDivision(Number(kbli.slice(0, 2)));
}
