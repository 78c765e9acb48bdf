/**
 * The XLSX export stops pulling rows while the zip writer has not compressed what it was given
 * (issue #17: the 1M-row export under 500 MB RSS). exceljs writes the sheet's XML into the zip
 * without back-pressure, so lib/dashboard/export.ts reads the backlog from exceljs's own fields;
 * this test fails if those fields change (an exceljs upgrade) instead of the memory growing again.
 */
import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeXlsx, zipBacklog } from "@/lib/dashboard/export";
import type { Column } from "@/lib/dashboard/tables";

const columns: Column[] = [
  { key: "name", label: "Nama", kind: "text" },
  { key: "note", label: "Catatan", kind: "text" },
  { key: "amount", label: "Plafon", kind: "money" },
];
const BATCHES = 100;
const PER_BATCH = 1_000;

describe("XLSX export back-pressure from the zip writer", () => {
  it("the sheet stream exposes the backlog the writer waits on (exceljs internals still as read)", () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough() });
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow(["a"]).commit();
    const stream = (sheet as unknown as { _stream?: { buffers?: unknown; bufSize?: unknown; pipes?: unknown } })._stream;
    expect(Array.isArray(stream?.buffers)).toBe(true);
    expect(typeof stream?.bufSize).toBe("number");
    expect(Array.isArray(stream?.pipes)).toBe(true);
    expect(zipBacklog(workbook, sheet)).toBeGreaterThan(0);
  });

  it("the zip's entry stream keeps its queues where the backlog reads them (archiver internals)", async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough() });
    const sheet = workbook.addWorksheet("Data");
    for (let i = 0; i < 5_000; i++) sheet.addRow([`baris ${i}`.repeat(20)]).commit();
    // The zip takes the sheet's stream as its entry once the earlier entries are written.
    for (let i = 0; i < 50 && !(sheet as unknown as { _stream: { pipes: unknown[] } })._stream.pipes.length; i++) await new Promise((r) => setTimeout(r, 10));
    const pipe = (sheet as unknown as { _stream: { pipes: { _writableState?: { length?: unknown }; _readableState?: { length?: unknown } }[] } })._stream.pipes[0];
    expect(typeof pipe?._writableState?.length).toBe("number");
    expect(typeof pipe?._readableState?.length).toBe("number");
    // archiver's own output queue, the compressed bytes the reader has not taken.
    expect(typeof (workbook as unknown as { zip?: { _readableState?: { length?: unknown } } }).zip?._readableState?.length).toBe("number");
  });

  it("with nobody reading, it stops asking for rows; once read, every row is in the file", async () => {
    const out = new PassThrough();
    let pulled = 0;
    async function* batches() {
      for (let b = 0; b < BATCHES; b++) {
        pulled = b + 1;
        // Rows that barely compress (random notes), so the zip's output is as big as its input.
        yield Array.from({ length: PER_BATCH }, (_, i) => ({
          name: `Debitur ${b * PER_BATCH + i}`,
          note: randomBytes(300).toString("base64"),
          amount: 150_000_000 + i,
        }));
      }
    }
    const written = writeXlsx(out, columns, batches(), { sheetName: "Data" });
    // Wait until the writer stops pulling (or has pulled everything): however fast the machine.
    for (let last = -1, still = 0; still < 5 && pulled < BATCHES; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      still = pulled === last ? still + 1 : 0;
      last = pulled;
    }
    // ~45 MB of sheet XML in all, ~34 MB zipped; the writer must be holding at its 8 MiB limits, far from the end.
    expect(pulled).toBeLessThan(BATCHES / 2);

    const chunks: Buffer[] = [];
    // The zip ends `out` itself when the workbook is committed.
    const ended = new Promise((resolve) => out.on("end", resolve));
    out.on("data", (c: Buffer) => chunks.push(c));
    await written;
    await ended;
    expect(pulled).toBe(BATCHES);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(1 + BATCHES * PER_BATCH);
  }, 60_000);
});
