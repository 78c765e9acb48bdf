/** Display formats shared by pages: id-ID dates in the office's own time zone. */
import { formatDateId } from "@/lib/rules";

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
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const day = formatDateId(`${get("year")}-${get("month")}-${get("day")}`);
  return `${day} ${get("hour")}.${get("minute")} ${zoneAbbreviation(timeZone)}`;
}
