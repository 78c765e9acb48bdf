import "server-only";
import { PassThrough } from "node:stream";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { CSV_BOM, csvDialect, csvNumber, csvRow, csvText, type CsvDialect } from "@/lib/csv";
import type { Locale } from "@/lib/i18n/config";
import { formatDateId, formatMonthId } from "@/lib/rules";
import type { CellValue, Column } from "@/lib/dashboard/tables";

/**
 * CSV and XLSX writers for the dashboard's exports, both streaming: rows arrive in batches (an
 * async iterable) and leave as soon as they are written, so an export of millions of rows needs
 * no more memory than one batch. Money stays integer rupiah, dates are dd/mm/yyyy; the CSV's
 * separator and decimal mark follow the reader's language (lib/csv.ts).
 */

export type Row = Record<string, CellValue>;

/** XLSX holds 1,048,576 rows per sheet; with the header row that leaves this many for data. */
export const XLSX_MAX_DATA_ROWS = 1_048_575;

/**
 * One CSV field in the reader's dialect (`lib/csv.ts`: `;` and decimal comma for id, `,` and
 * decimal point for en). Money and counts are integers; percents keep their one decimal.
 */
export function csvField(value: CellValue, kind: Column["kind"], dialect: CsvDialect = csvDialect("id")): string {
  if (value === null || value === undefined) return "";
  switch (kind) {
    case "int":
    case "money":
      return csvNumber(Math.round(Number(value)), dialect);
    case "percent":
      return csvNumber(Number(value), dialect);
    case "month":
      return csvText(formatMonthId(String(value)), dialect);
    case "date":
      return csvText(formatDateId(String(value)), dialect);
    default:
      return csvText(String(value), dialect);
  }
}

export function csvLine(columns: readonly Column[], row: Row, dialect: CsvDialect): string {
  return csvRow(columns.map((c) => csvField(row[c.key] ?? null, c.kind, dialect)), dialect);
}

/** The whole CSV in the reader's language: the byte-order mark, the header, then the rows. */
export async function* csvChunks(columns: readonly Column[], batches: AsyncIterable<Row[]>, locale: Locale): AsyncGenerator<string> {
  const dialect = csvDialect(locale);
  yield CSV_BOM + csvRow(columns.map((c) => csvText(c.label, dialect)), dialect);
  for await (const batch of batches) {
    let chunk = "";
    for (const row of batch) chunk += csvLine(columns, row, dialect);
    if (chunk) yield chunk;
  }
}

const NUM_FMT: Partial<Record<Column["kind"], string>> = { int: "#,##0", money: "#,##0", percent: "0.0", date: "dd/mm/yyyy" };

function xlsxValue(value: CellValue, kind: Column["kind"]): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (kind === "date") return new Date(`${String(value)}T00:00:00Z`);
  if (kind === "month") return formatMonthId(String(value));
  if (kind === "int" || kind === "money" || kind === "percent") return Number(value);
  return String(value);
}

const BACKLOG_LIMIT = 8 * 1024 * 1024;

type Queued = { _writableState?: { length?: number }; _readableState?: { length?: number } };
const queued = (stream: Queued | undefined) => (stream?._writableState?.length ?? 0) + (stream?._readableState?.length ?? 0);

/**
 * Bytes the workbook writer holds that the reader has not taken: the sheet XML exceljs has written
 * but the zip has not compressed (what its sheet stream, exceljs's StreamBuf, still buffers, plus
 * the queues of archiver's entry stream it pipes into), and the compressed bytes archiver has
 * produced but `out` has not accepted. Neither StreamBuf nor archiver waits for its reader, so the
 * export measures their queues from internal fields (`buffers`, `bufSize`, `pipes`, the streams'
 * `_writableState`/`_readableState`; exceljs 4.4.0 with archiver 5.3.2, pinned):
 * tests/unit/dashboard/xlsx-backpressure.test.ts fails if an upgrade renames them, rather than
 * letting the export's memory grow again unnoticed.
 */
export function zipBacklog(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet | null): number {
  const zip = (workbook as unknown as { zip?: Queued }).zip;
  const stream = (sheet as unknown as { _stream?: { buffers?: unknown[]; bufSize?: number; pipes?: Queued[] } } | null)?._stream;
  const own = stream ? (stream.buffers?.length ?? 0) * (stream.bufSize ?? 0) : 0;
  return queued(zip) + own + (stream?.pipes ?? []).reduce((sum, pipe) => sum + queued(pipe), 0);
}

/**
 * Writes an XLSX workbook into `out` with exceljs's streaming WorkbookWriter. When a sheet is full
 * (`rowsPerSheet` data rows, by default the format's limit) the rows continue on a new sheet
 * ("Data 2", "Data 3", …), each with the header row. Returns the number of sheets written.
 */
export async function writeXlsx(
  out: PassThrough,
  columns: readonly Column[],
  batches: AsyncIterable<Row[]>,
  options: { sheetName: string; rowsPerSheet?: number; isCancelled?: () => boolean } = { sheetName: "Data" },
): Promise<number> {
  const limit = Math.min(options.rowsPerSheet ?? XLSX_MAX_DATA_ROWS, XLSX_MAX_DATA_ROWS);
  // Fast compression: the zip writer does not push back on exceljs, so a slow deflate lets the
  // sheet's XML pile up in memory.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  let sheets = 0;
  let sheet: ExcelJS.Worksheet | null = null;
  let rowsInSheet = 0;
  const newSheet = () => {
    sheet?.commit();
    sheets += 1;
    const name = (sheets === 1 ? options.sheetName : `${options.sheetName} ${sheets}`).slice(0, 31);
    sheet = workbook.addWorksheet(name);
    sheet.columns = columns.map((c) => ({
      header: c.label,
      key: c.key,
      width: Math.max(12, Math.min(40, c.label.length + 2)),
      style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
    }));
    rowsInSheet = 0;
  };
  newSheet();
  for await (const batch of batches) {
    if (options.isCancelled?.()) break;
    for (const row of batch) {
      if (rowsInSheet >= limit) newSheet();
      sheet!.addRow(columns.map((c) => xlsxValue(row[c.key] ?? null, c.kind))).commit();
      rowsInSheet += 1;
    }
    // Let the zip writer compress what it holds (zlib works off the event loop) and the reader catch
    // up: without a real turn of the event loop here, rows pile up in the zip stream's queue.
    await new Promise((resolve) => setImmediate(resolve));
    // Back-pressure from the zip writer, not only from the reader: the sheet's XML is written into
    // the zip's deflate stream without regard to its buffer, so with a slow reader the output stays
    // small while the deflate queue grows (829 MiB peak for 1M rows at 1 MiB/s before this wait).
    while ((out.readableLength > BACKLOG_LIMIT || zipBacklog(workbook, sheet) > BACKLOG_LIMIT) && !options.isCancelled?.()) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  (sheet as ExcelJS.Worksheet | null)?.commit();
  await workbook.commit();
  return sheets;
}

const encoder = new TextEncoder();

/** A web stream (for a Response) that pulls from an async iterator of text: back-pressure for free. */
export function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/** A web stream of an XLSX workbook, written in the background as the client reads. */
export function xlsxStream(
  columns: readonly Column[],
  batches: AsyncIterable<Row[]>,
  sheetName: string,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const pass = new PassThrough();
  let cancelled = false;
  writeXlsx(pass, columns, batches, { sheetName, isCancelled: () => cancelled })
    .then(() => pass.end())
    .catch((error) => {
      onError(error);
      pass.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  const web = Readable.toWeb(pass) as ReadableStream<Uint8Array>;
  pass.on("close", () => (cancelled = true));
  return web;
}

/** A single batch, for tables that are already in memory. */
export async function* inBatches<T>(rows: readonly T[], size = 10_000): AsyncGenerator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
