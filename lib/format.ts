/** Display formats shared by pages: id-ID dates in the office's own time zone. */
import { formatDateId, toIsoDate, wallClockInZone } from "@/lib/rules";

const ZONE_ABBREVIATIONS: Record<string, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Pontianak": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

export function zoneAbbreviation(timeZone: string): string {
  return ZONE_ABBREVIATIONS[timeZone] ?? timeZone;
}

/** "21/11/2026 14.05 WIB": a UTC instant shown in an office's zone. */
export function formatInstant(iso: string, timeZone: string): string {
  const w = wallClockInZone(new Date(iso), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${formatDateId(toIsoDate(w.year, w.month, w.day))} ${pad(w.hour)}.${pad(w.minute)} ${zoneAbbreviation(timeZone)}`;
}

/**
 * A phone as Indonesians write it: "+6281234567890" → "0812-3456-7890" (mobile numbers in groups of
 * four after the 08 prefix). Anything that is not a stored +62 number (a masked "•••• 7890") is shown
 * as it is.
 */
export function formatPhoneId(phone: string): string {
  const m = /^\+62(\d{8,13})$/.exec(phone);
  if (!m) return phone;
  const local = `0${m[1]}`;
  return [local.slice(0, 4), local.slice(4, 8), local.slice(8)].filter(Boolean).join("-");
}

/**
 * An NPWP in its printed form: 15 digits as "01.234.567.8-901.000"; the 16-digit NPWP (the NIK, since
 * PMK 112/2022) in groups of four. Anything else is shown as it is.
 */
export function formatNpwp(npwp: string): string {
  const d = npwp.replace(/\D/g, "");
  if (d.length === 15 && d === npwp.replace(/[.\-\s]/g, "")) return `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}.${d.slice(8, 9)}-${d.slice(9, 12)}.${d.slice(12)}`;
  if (d.length === 16 && d === npwp.replace(/\s/g, "")) return d.replace(/(\d{4})(?=\d)/g, "$1 ");
  return npwp;
}
