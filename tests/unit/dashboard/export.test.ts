import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { XLSX_MAX_DATA_ROWS, csvChunks, csvField, inBatches, writeXlsx } from "@/lib/dashboard/export";
import type { Column } from "@/lib/dashboard/tables";

const columns: Column[] = [
  { key: "name", label: "Kantor", kind: "text" },
  { key: "amount", label: "Ditagih", kind: "money" },
  { key: "day", label: "Tanggal", kind: "date" },
  { key: "month", label: "Bulan", kind: "month" },
];

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
}

describe("CSV export", () => {
  it("starts with a UTF-8 byte-order mark and the header, ends rows with CRLF", async () => {
    const csv = await text(csvChunks(columns, inBatches([{ name: "KC Bandung Suci", amount: 16800, day: "2026-11-21", month: "2026-11" }])));
    expect(csv.startsWith("\uFEFFKantor,Ditagih,Tanggal,Bulan\r\n")).toBe(true);
    // Money as integer rupiah, dates dd/mm/yyyy.
    expect(csv.endsWith("KC Bandung Suci,16800,21/11/2026,11/2026\r\n")).toBe(true);
  });

  it("quotes commas, quotes and line breaks (RFC 4180) and defuses formulas", () => {
    expect(csvField('BPR "Maju", Tbk', "text")).toBe('"BPR ""Maju"", Tbk"');
    expect(csvField("baris\nkedua", "text")).toBe('"baris\nkedua"');
    expect(csvField("=HYPERLINK(\"x\")", "text")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField(-5, "int")).toBe("-5");
    expect(csvField(null, "money")).toBe("");
  });
});

describe("XLSX export", () => {
  async function workbookOf(rows: number, rowsPerSheet?: number) {
    const out = new PassThrough();
    const parts: Buffer[] = [];
    out.on("data", (c: Buffer) => parts.push(c));
    const ended = new Promise((r) => out.on("end", r));
    const data = Array.from({ length: rows }, (_, i) => ({ name: `Kantor ${i}`, amount: i * 1000, day: "2026-11-21", month: "2026-11" }));
    const sheets = await writeXlsx(out, columns, inBatches(data, 4), { sheetName: "Data", rowsPerSheet });
    out.end();
    await ended;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
    return { sheets, wb };
  }

  it("keeps money as numbers and dates as dates with a dd/mm/yyyy format", async () => {
    const { wb } = await workbookOf(2);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, "Kantor", "Ditagih", "Tanggal", "Bulan"]);
    expect(ws.getCell("B3").value).toBe(1000);
    expect(ws.getCell("C3").value).toEqual(new Date("2026-11-21T00:00:00Z"));
    expect(ws.getCell("C3").numFmt).toBe("dd/mm/yyyy");
  });

  it("continues on a new sheet, header repeated, when a sheet is full (1,048,576 rows per sheet in XLSX)", async () => {
    expect(XLSX_MAX_DATA_ROWS).toBe(1_048_575);
    const { sheets, wb } = await workbookOf(7, 3);
    expect(sheets).toBe(3);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Data", "Data 2", "Data 3"]);
    expect(wb.worksheets.map((w) => w.rowCount)).toEqual([4, 4, 2]);
    expect(wb.worksheets[2]!.getCell("A1").value).toBe("Kantor");
    expect(wb.worksheets[2]!.getCell("A2").value).toBe("Kantor 6");
  });
});
