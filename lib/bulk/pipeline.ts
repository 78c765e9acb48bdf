import "server-only";
import type { Locale } from "@/lib/rules";
import { batchLookups } from "@/lib/bulk/data";
import { checkRow, prepareRow, type CheckedRow, type PreparedRow, type Reference } from "@/lib/bulk/check";
import { readRows, type FileFormat } from "@/lib/bulk/read";
import { mapHeader, type TemplateField } from "@/lib/bulk/template";

/** Rows checked together: one participant read and one loan-number read per batch. */
export const BATCH_ROWS = 500;

export type FileProblem = { kind: "empty" } | { kind: "header"; missing: string[] };

/**
 * Rows in a CSV, counted from its line breaks (a quoted line break would count one too many; the
 * progress bar is only an estimate until the run ends). XLSX: unknown until read (null).
 */
export function estimateRows(bytes: Uint8Array, format: FileFormat): number | null {
  if (format !== "CSV") return null;
  let lines = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) lines++;
  if (bytes.length > 0 && bytes[bytes.length - 1] !== 0x0a) lines++;
  return Math.max(0, lines - 1);
}

/**
 * The file's rows checked in batches, streamed: the header is read first (a file lacking a template
 * column is refused as a whole), then every BATCH_ROWS rows are looked up in the database together
 * and checked one by one (lib/bulk/check.ts). Validation and commit both run this, so the commit
 * writes exactly what a validation of the file as it stands now accepts.
 */
export async function* checkedBatches(
  bytes: Uint8Array,
  format: FileFormat,
  ref: Reference,
  today: string,
  locale: Locale,
): AsyncGenerator<CheckedRow[], FileProblem | null> {
  let columns: (TemplateField | null)[] | null = null;
  const seenInFile = new Map<string, number>();
  let batch: PreparedRow[] = [];

  const flush = async () => {
    const niks = [...new Set(batch.map((r) => r.nik).filter((n) => /^\d{16}$/.test(n)))];
    const loans = [...new Set(batch.map((r) => r.loanNumber).filter((l) => l !== ""))];
    const lookups = await batchLookups(ref.office.penyalurId, niks, loans);
    const checked = batch.map((p) => checkRow(p, ref, lookups, seenInFile, today, locale));
    batch = [];
    return checked;
  };

  for await (const { line, cells } of readRows(bytes, format)) {
    if (!columns) {
      const header = mapHeader(cells.map((c) => (c === null || c === undefined ? "" : String(c))));
      if (header.missing.length > 0) return { kind: "header", missing: header.missing };
      columns = header.fields;
      continue;
    }
    // Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row 2.
    batch.push(prepareRow(line + 1, cells, columns, ref));
    if (batch.length >= BATCH_ROWS) yield await flush();
  }
  if (!columns) return { kind: "empty" };
  if (batch.length > 0) yield await flush();
  return null;
}
