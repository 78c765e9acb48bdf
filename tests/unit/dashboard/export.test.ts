import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { csvDialect } from "@/lib/csv";
import { XLSX_MAX_DATA_ROWS, csvChunks, csvField, inBatches, textStream, writeXlsx } from "@/lib/dashboard/export";
import { detailColumns, detailRecord, type Column, type DetailSource } from "@/lib/dashboard/tables";

const columns: Column[] = [
  { key: "name", label: "Kantor", kind: "text" },
  { key: "amount", label: "Ditagih", kind: "money" },
  { key: "day", label: "Tanggal", kind: "date" },
  { key: "month", label: "Bulan", kind: "month" },
];

async function bytesOf(chunks: AsyncGenerator<string>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(textStream(chunks)).arrayBuffer());
}

describe("CSV export (docs/platform.md, CSV exports)", () => {
  const withShare: Column[] = [...columns, { key: "share", label: "Kepatuhan (%)", kind: "percent" }];
  const row = { name: "KC Bandung Suci", amount: 16800, day: "2026-11-21", month: "2026-11", share: 12.5 };

  it("id: UTF-8 with a byte-order mark, semicolons, decimal comma, CRLF — opens in columns in an Indonesian spreadsheet", async () => {
    const bytes = await bytesOf(csvChunks(withShare, inBatches([row]), "id"));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(csv).toBe("\uFEFFKantor;Ditagih;Tanggal;Bulan;Kepatuhan (%)\r\nKC Bandung Suci;16800;21/11/2026;11/2026;12,5\r\n");
  });

  it("en: commas and a decimal point", async () => {
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await bytesOf(csvChunks(withShare, inBatches([row]), "en")));
    expect(csv).toBe("\uFEFFKantor,Ditagih,Tanggal,Bulan,Kepatuhan (%)\r\nKC Bandung Suci,16800,21/11/2026,11/2026,12.5\r\n");
  });

  it("quotes the dialect's separator, quotes and line breaks (RFC 4180) and defuses formulas", () => {
    const id = csvDialect("id");
    const en = csvDialect("en");
    expect(csvField("BPR Maju; Tbk", "text", id)).toBe('"BPR Maju; Tbk"');
    expect(csvField("BPR Maju, Tbk", "text", id)).toBe("BPR Maju, Tbk");
    expect(csvField('BPR "Maju", Tbk', "text", en)).toBe('"BPR ""Maju"", Tbk"');
    expect(csvField("baris\nkedua", "text", id)).toBe('"baris\nkedua"');
    expect(csvField("=HYPERLINK(\"x\")", "text", id)).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvField(-5, "int", id)).toBe("-5");
    expect(csvField(99.9, "percent", id)).toBe("99,9");
    expect(csvField(null, "money", id)).toBe("");
  });

  it("the enrolment detail carries the screen's words, not the codes (PHASED_REQUIRED, APPROVED)", async () => {
    const source: DetailSource = {
      enrolmentId: "e-1", submittedDay: "2026-11-02", kanwil: "Kanwil Jawa Barat", kantorCabang: "KC Bandung Suci",
      penyalur: "BRI", penyalurOffice: "BRI Unit Dago", scheme: "KECIL", plafon: 175_000_000, sectorGroup: "TRADE",
      provinceCode: "32", mandateStatus: "PHASED_REQUIRED", status: "APPROVED", decidedOn: "2026-11-03",
      firstMonthPaid: true, paidThroughMonth: "2026-12",
    };
    const id = new TextDecoder().decode(await bytesOf(csvChunks(detailColumns("id"), inBatches([detailRecord(source, "id")]), "id")));
    const [, line] = id.split("\r\n");
    expect(line!.split(";")).toEqual(expect.arrayContaining(["KUR Kecil", "Wajib bertahap", "Disetujui", "Perdagangan", "Jawa Barat", "02/11/2026", "175000000", "12/2026"]));
    for (const code of ["PHASED_REQUIRED", "APPROVED", "KECIL", "TRADE"]) expect(id).not.toContain(code);
    const en = new TextDecoder().decode(await bytesOf(csvChunks(detailColumns("en"), inBatches([detailRecord(source, "en")]), "en")));
    expect(en).not.toContain("PHASED_REQUIRED");
    expect(en.split("\r\n")[1]!.split(",")).toEqual(expect.arrayContaining(["Approved"]));
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
