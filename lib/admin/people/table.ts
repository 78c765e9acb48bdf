/**
 * The access list's columns, for the page and its CSV export alike, so that the file carries the
 * same headings and the same words as the screen. Pure: the translator is passed in.
 */
import { CSV_BOM, csvDialect, csvRow, csvText } from "@/lib/csv";
import { formatInstant } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
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

/** The whole file in the reader's CSV dialect (lib/csv.ts): byte-order mark, the headings, the rows. */
export function peopleCsv(t: Translator, rows: readonly PersonRow[], timeZone: string, locale: Locale): string {
  const dialect = csvDialect(locale);
  const headings = peopleHeadings(t);
  let out = CSV_BOM + csvRow(PEOPLE_COLUMNS.map((c) => csvText(headings[c], dialect)), dialect);
  for (const row of rows) {
    const cells = peopleCells(t, row, timeZone);
    out += csvRow(PEOPLE_COLUMNS.map((c) => csvText(cells[c], dialect)), dialect);
  }
  return out;
}
