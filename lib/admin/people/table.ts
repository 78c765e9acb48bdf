/**
 * The access list's columns, for the page and its CSV export alike, so that the file carries the
 * same headings and the same words as the screen. Pure: the translator is passed in.
 */
import { formatInstant } from "@/lib/format";
import type { Translator } from "@/lib/i18n/translator";
import type { PersonRow } from "@/lib/admin/people/data";

export const PEOPLE_COLUMNS = ["name", "email", "role", "place", "status", "secondFactor", "createdAt"] as const;
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];

/** A row's cells as text, in the language of `t` and the administrator's zone. */
export function peopleCells(t: Translator, row: PersonRow, timeZone: string): Record<PeopleColumn, string> {
  return {
    name: row.name,
    email: row.email,
    role: t(`enums.role.${row.role}`),
    place: row.placeName ?? (row.role === "ADMIN" ? t("people.adminScope") : t("people.national")),
    status: t(`people.status.${row.status}`),
    secondFactor: t(`people.secondFactor.${row.secondFactor}`),
    createdAt: formatInstant(row.createdAt, timeZone),
  };
}

export function peopleHeadings(t: Translator): Record<PeopleColumn, string> {
  return Object.fromEntries(PEOPLE_COLUMNS.map((c) => [c, t(`people.columns.${c}`)])) as Record<PeopleColumn, string>;
}

/** One CSV field (RFC 4180); a leading = + - @ is defused so a spreadsheet does not run it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The whole file: a UTF-8 byte-order mark (Excel), the headings, the rows. */
export function peopleCsv(t: Translator, rows: readonly PersonRow[], timeZone: string): string {
  const headings = peopleHeadings(t);
  const lines = [PEOPLE_COLUMNS.map((c) => csvField(headings[c])).join(",")];
  for (const row of rows) {
    const cells = peopleCells(t, row, timeZone);
    lines.push(PEOPLE_COLUMNS.map((c) => csvField(cells[c])).join(","));
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
