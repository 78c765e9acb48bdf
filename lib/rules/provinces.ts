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
