/** Province and Kanwil lookups over ./data/provinces.ts (docs/regulation.md §6, §7). */
import { KANWIL_CODES, PROVINCES, PROVINCES_VERSION, type KanwilCode, type Province } from "./data/provinces";

export { KANWIL_CODES, PROVINCES, PROVINCES_VERSION };
export type { KanwilCode, Province };

/** The two-digit NIK province codes (11–19, 21, 31–36, 51–53, 61–65, 71–76, 81–82, 91–96). */
export const NIK_PROVINCE_CODES: readonly string[] = Object.freeze(PROVINCES.map((p) => p.code));

export function provinceByCode(code: string): Province | null {
  return PROVINCES.find((p) => p.code === code) ?? null;
}

export function isKanwilCode(value: unknown): value is KanwilCode {
  return typeof value === "string" && (KANWIL_CODES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------------
// Regency/city and district segments of a NIK (docs/regulation.md §6.1), over ./data/area-codes.ts

import { AREA_CODES_VERSION, DISTRICT_MAX_BY_PROVINCE, REGENCIES_BY_PROVINCE } from "./data/area-codes";

export { AREA_CODES_VERSION };

const DISTRICT_MAX: ReadonlyMap<string, number> = new Map(
  Object.entries(DISTRICT_MAX_BY_PROVINCE).flatMap(([province, pairs]) =>
    pairs.split(" ").map((pair) => {
      const [regency, max] = pair.split(":");
      return [`${province}${regency}`, Number(max)] as const;
    }),
  ),
);

/** The regency/city codes listed today for a province ("01".."79"); empty for an unknown province. */
export function regencyCodesOf(province: string): readonly string[] {
  return REGENCIES_BY_PROVINCE[province]?.split(" ") ?? [];
}

/**
 * Whether a regency/city code can appear in a NIK of this province. Listed today, or — because a NIK
 * keeps the code it was first issued with and regencies move to newer provinces (the Papua splits of
 * 2022 renumbered Merauke 91.01 as 93.01) — a number inside the range the province's regencies (01–)
 * or cities (71–) use today, below its highest listed one. "00" and numbers beyond the range never
 * existed.
 */
export function isPossibleRegencyCode(province: string, regency: string): boolean {
  const listed = regencyCodesOf(province);
  if (!/^\d{2}$/.test(regency) || regency === "00" || listed.length === 0) return false;
  if (listed.includes(regency)) return true;
  const n = Number(regency);
  const isCity = n >= 71;
  const sameKind = listed.map(Number).filter((c) => (c >= 71) === isCity);
  return sameKind.length > 0 && n <= Math.max(...sameKind);
}

/**
 * Whether a district (kecamatan) code can appear in a NIK of this regency: 01 up to the regency's
 * highest listed district number (a gap is usually a district moved to a newer regency since the NIK
 * was issued). For a regency not listed today (a historical code, see `isPossibleRegencyCode`) only
 * "00" is refused: its districts cannot be known from today's list.
 */
export function isPossibleDistrictCode(province: string, regency: string, district: string): boolean {
  if (!/^\d{2}$/.test(district) || district === "00") return false;
  const max = DISTRICT_MAX.get(`${province}${regency}`);
  return max === undefined ? isPossibleRegencyCode(province, regency) : Number(district) <= max;
}
