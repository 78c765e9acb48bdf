import "server-only";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import type { Cell } from "@/lib/bulk/template";

export type FileFormat = "CSV" | "XLSX";

/** One line of a file: its cells in column order. `line` 0 is the header. */
export interface RawRow {
  line: number;
  cells: Cell[];
}

/** The format by the file's first bytes (an XLSX is a zip: "PK\x03\x04"), not by its name. */
export function sniffFormat(bytes: Uint8Array): FileFormat {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? "XLSX" : "CSV";
}

/**
 * The CSV separator by the header line: the portal's Indonesian dialect uses ";" (docs/platform.md §8),
 * an English spreadsheet ",". Whichever occurs more often in the first line wins.
 */
function separatorOf(bytes: Uint8Array): string {
  const end = Math.min(bytes.length, 64 * 1024);
  let semicolons = 0;
  let commas = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0x0a) break;
    if (b === 0x3b) semicolons++;
    else if (b === 0x2c) commas++;
  }
  return semicolons >= commas ? ";" : ",";
}

/**
 * The file's rows one by one, streamed (a 100 000-row file is never held as rows in memory):
 * csv-parse for CSV (BOM, RFC 4180 quoting, CRLF), exceljs' streaming reader for XLSX (the first
 * worksheet only). Empty lines are skipped.
 */
export async function* readRows(bytes: Uint8Array, format: FileFormat): AsyncGenerator<RawRow> {
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  if (format === "CSV") {
    const parser = input.pipe(
      parse({ bom: true, delimiter: separatorOf(bytes), relax_column_count: true, skip_empty_lines: true, trim: true }),
    );
    let line = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      yield { line: line++, cells: record };
    }
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    entries: "ignore",
  });
  for await (const sheet of reader) {
    let line = 0;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      // row.values is 1-based (index 0 empty); a rich-text or formula cell is read as its text/result.
      const values = (row.values as unknown[]).slice(1).map(cellOf);
      if (values.every((v) => v === null || v === undefined || v === "")) continue;
      yield { line: line++, cells: values };
    }
    return; // the first worksheet only: the template has one
  }
}

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellOf(v.result);
    if (typeof v.text === "string") return v.text;
  }
  return String(value);
}
