/**
 * What a reviewer checks about a participant's identity, and what a third party may see of it.
 * Pure: no database, no framework. Checks come back as codes and values; the page words them from
 * messages/*.json (`review.nikCheck`).
 */
import { parseNik, provinceByCode, type RuleIssue } from "@/lib/rules";

type Province = { code: string; name: string };

export type NikCheck =
  /** The NIK itself cannot be read; `issue` says why (worded by lib/i18n/rules.ts). */
  | { check: "nik"; ok: false; issue: RuleIssue }
  | { check: "birthDate"; ok: boolean; fromNik: string; stored: string }
  | { check: "sex"; ok: boolean; fromNik: "L" | "P"; stored: "L" | "P" }
  /** `stored` is null when the enrolment predates the full e-form and has no address. */
  | { check: "province"; ok: boolean; fromNik: Province; stored: Province | null };

/**
 * The NIK against the stored data (docs/regulation.md §6): the birth date and sex it encodes, and its province
 * code against the address province when the address is known. `today` resolves the century.
 */
export function nikChecks(
  p: { nik: string; birthDate: string; sex: "L" | "P"; addressProvinceCode: string | null },
  today: string,
): NikCheck[] {
  const parsed = parseNik(p.nik, today);
  if (!parsed.ok) return [{ check: "nik", ok: false, issue: parsed.issue }];
  const info = parsed.value;
  const province = (code: string): Province => ({ code, name: provinceByCode(code)?.name ?? "" });
  return [
    { check: "birthDate", ok: info.birthDate === p.birthDate, fromNik: info.birthDate, stored: p.birthDate },
    { check: "sex", ok: info.sex === p.sex, fromNik: info.sex, stored: p.sex },
    p.addressProvinceCode
      ? { check: "province", ok: info.provinceCode === p.addressProvinceCode, fromNik: province(info.provinceCode), stored: province(p.addressProvinceCode) }
      : { check: "province", ok: true, fromNik: province(info.provinceCode), stored: null },
  ];
}

/**
 * "Ujang Suryana" → "U**** S******": enough for a third party holding the certificate to see it is
 * the same person, not enough to learn the name from a code (UU 27/2022 data minimisation).
 */
export function maskName(fullName: string): string {
  return fullName
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => {
      const chars = [...word];
      return chars[0]! + "*".repeat(Math.max(chars.length - 1, 1));
    })
    .join(" ");
}
