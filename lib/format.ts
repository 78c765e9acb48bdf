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
