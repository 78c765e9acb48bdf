/**
 * What a reviewer checks about a participant's identity, and what a third party may see of it.
 * Pure: no database, no framework.
 */
import { formatDateId, parseNik, provinceByCode, SEX_LABELS } from "@/lib/rules";
import { ruleMessage, rulesTranslator } from "@/lib/i18n/rules";

export interface NikCheck {
  /** What is checked, e.g. "Tanggal lahir". */
  label: string;
  ok: boolean;
  detail: string;
}

/**
 * The NIK against the stored data (RULES.md §6): the birth date and sex it encodes, and its province
 * code against the address province when the address is known. `today` resolves the century.
 */
export function nikChecks(
  p: { nik: string; birthDate: string; sex: "L" | "P"; addressProvinceCode: string | null },
  today: string,
): NikCheck[] {
  const parsed = parseNik(p.nik, today);
  if (!parsed.ok) return [{ label: "NIK", ok: false, detail: ruleMessage(rulesTranslator("id"), parsed.issue) }];
  const info = parsed.value;
  const province = provinceByCode(info.provinceCode);
  const checks: NikCheck[] = [
    {
      label: "Tanggal lahir",
      ok: info.birthDate === p.birthDate,
      detail: `NIK: ${formatDateId(info.birthDate)} · data: ${formatDateId(p.birthDate)}`,
    },
    {
      label: "Jenis kelamin",
      ok: info.sex === p.sex,
      detail: `NIK: ${SEX_LABELS[info.sex]} · data: ${SEX_LABELS[p.sex]}`,
    },
  ];
  if (p.addressProvinceCode) {
    const address = provinceByCode(p.addressProvinceCode);
    checks.push({
      label: "Provinsi",
      ok: info.provinceCode === p.addressProvinceCode,
      detail: `NIK: ${info.provinceCode} ${province?.name ?? ""} · alamat: ${p.addressProvinceCode} ${address?.name ?? ""}`.trim(),
    });
  } else {
    checks.push({
      label: "Provinsi",
      ok: true,
      detail: `NIK: ${info.provinceCode} ${province?.name ?? ""} · alamat belum diisi (pendaftaran sebelum e-form lengkap)`,
    });
  }
  return checks;
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
