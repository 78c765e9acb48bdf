import type { Locale } from "@/lib/i18n/config";

/**
 * The CSV dialect of every export, chosen by the reader's language so that the file opens in
 * columns when double-clicked (docs/platform.md, "CSV exports"):
 * - `id`: separator `;` and decimal comma (`12,5`) — a spreadsheet set to Indonesian uses the comma
 *   as its decimal mark, so it reads a comma-separated file as one column;
 * - `en`: separator `,` and decimal point (`12.5`).
 * Both: UTF-8 with a byte-order mark (Excel otherwise reads the bytes as ANSI), CRLF line ends,
 * RFC 4180 quoting, integers without thousands separators (a spreadsheet reads them as numbers),
 * and text a spreadsheet would run as a formula (= + - @) defused with a leading apostrophe.
 */
export interface CsvDialect {
  separator: ";" | ",";
  decimal: "," | ".";
}

export function csvDialect(locale: Locale): CsvDialect {
  return locale === "id" ? { separator: ";", decimal: "," } : { separator: ",", decimal: "." };
}

/** The byte-order mark every CSV export starts with. */
export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell: formula defused, quoted when it holds the separator, a quote, a line break or edge spaces. */
export function csvText(value: string, dialect: CsvDialect): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return csvQuote(safe, dialect);
}

/** A number with the dialect's decimal mark (no grouping), quoted only if it would need it. */
export function csvNumber(value: number, dialect: CsvDialect, fractionDigits?: number): string {
  const text = fractionDigits === undefined ? String(value) : value.toFixed(fractionDigits);
  return csvQuote(dialect.decimal === "," ? text.replace(".", ",") : text, dialect);
}

function csvQuote(text: string, dialect: CsvDialect): string {
  const needs = text.includes(dialect.separator) || /["\r\n]|^\s|\s$/.test(text);
  return needs ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line of already-encoded cells. */
export function csvRow(cells: readonly string[], dialect: CsvDialect): string {
  return cells.join(dialect.separator) + "\r\n";
}
