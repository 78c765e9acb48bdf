import "server-only";
import ExcelJS from "exceljs";
import { CSV_BOM, csvDialect, csvRow, csvText } from "@/lib/csv";
import type { Locale } from "@/lib/rules";
import { errorText } from "@/lib/bulk/check";
import { readRows, type FileFormat } from "@/lib/bulk/read";
import { ERROR_COLUMN_HEADER, TEMPLATE_COLUMNS, mapHeader, textCell, type Cell, type TemplateField } from "@/lib/bulk/template";
import type { FieldErrors } from "@/lib/enrolment/schema";

/**
 * The files of the bulk upload: the published template (CSV and XLSX, public/templates/, written by
 * `npm run bulk:template`) and the error report of one upload, in the template's columns plus the
 * error column, in the format the officer uploaded.
 */

/** One filled example row of the template (a made-up debtor; its NIK fits its birth date and sex). */
export const TEMPLATE_EXAMPLE: Record<TemplateField, string> = {
  nik: "3273015708850001",
  fullName: "Siti Aminah",
  birthPlace: "Bandung",
  birthDate: "17/08/1985",
  sex: "P",
  motherMaidenName: "Aisyah",
  phone: "081234567890",
  email: "",
  addressProvinceCode: "32",
  addressRegency: "Kota Bandung",
  addressDistrict: "Coblong",
  addressStreet: "Jl. Dago No. 1",
  businessName: "Warung Siti",
  kbli: "47111",
  nib: "",
  businessStartedOn: "15/01/2020",
  businessProvinceCode: "32",
  employsWorkers: "Tidak",
  workerCount: "",
  loanNumber: "KUR-2026-000001",
  scheme: "MIKRO",
  plafon: "50000000",
  purpose: "WORKING_CAPITAL",
  tenorMonths: "36",
  plannedDisbursementDate: "31/12/2026",
  npwp: "",
  priorMikroCount: "0",
  priorKecilCount: "0",
  outstandingMikro: "0",
  declaredIncome: "3000000",
  jht: "Ya",
  monthsInAdvance: "1",
  kantorCabangId: "",
  autoDebitConsent: "Tidak",
  heirName: "Budi Santoso",
  heirRelationship: "SPOUSE",
  heirPhone: "081311112222",
  attestNikChecked: "Ya",
  attestSlikChecked: "Ya",
  attestNoOtherKur: "Ya",
  attestNpwpPresent: "Tidak",
  consent: "Ya",
  consentTextVersion: "",
};

const HEADERS = TEMPLATE_COLUMNS.map((c) => c.header);

/** The CSV template in the Indonesian dialect (";", BOM, CRLF; docs/platform.md §8): header and the example. */
export function templateCsv(consentTextVersion: string): string {
  const d = csvDialect("id");
  const example = TEMPLATE_COLUMNS.map((c) => (c.field === "consentTextVersion" ? consentTextVersion : TEMPLATE_EXAMPLE[c.field]));
  return CSV_BOM + csvRow(HEADERS.map((h) => csvText(h, d)), d) + csvRow(example.map((v) => csvText(v, d)), d);
}

/** The XLSX template: the same header and example, identifier columns formatted as text ("@"). */
export async function templateXlsx(consentTextVersion: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Pendaftaran");
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: Math.max(12, Math.min(40, c.header.length + 2)), style: c.text || c.kind === "date" ? { numFmt: "@" } : {} }));
  sheet.addRow(TEMPLATE_COLUMNS.map((c) => (c.field === "consentTextVersion" ? consentTextVersion : TEMPLATE_EXAMPLE[c.field])));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ErrorReportSource {
  fileName: string;
  format: FileFormat;
  content: Uint8Array;
  locale: string;
  errors: Map<number, FieldErrors>;
}

/**
 * The rows that have errors, as the officer typed them, in the template's columns (whatever order the
 * file had), and one more column with every error of the row, "Baris N — <column>: <message> | …".
 * Uploaded again after fixing, the error column is ignored (lib/bulk/template.ts mapHeader).
 */
export async function errorReport(source: ErrorReportSource): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const locale = (source.locale === "en" ? "en" : "id") as Locale;
  const rowWord = locale === "id" ? "Baris" : "Row";
  const rows: { cells: Cell[]; error: string }[] = [];
  const fileProblem = source.errors.get(0);
  let columns: (TemplateField | null)[] | null = null;
  for await (const { line, cells } of readRows(source.content, source.format)) {
    if (!columns) {
      columns = mapHeader(cells.map((c) => textCell(c))).fields;
      continue;
    }
    const errors = source.errors.get(line + 1);
    if (!errors) continue;
    const byField = new Map<TemplateField, Cell>();
    columns.forEach((f, i) => f && byField.set(f, cells[i]));
    rows.push({ cells: TEMPLATE_COLUMNS.map((c) => byField.get(c.field) ?? null), error: `${rowWord} ${line + 1} — ${errorText(errors)}` });
  }
  const base = source.fileName.replace(/\.(csv|xlsx)$/i, "");
  const problem = fileProblem ? errorText(fileProblem) : null;

  if (source.format === "CSV") {
    const d = csvDialect(locale);
    let text = CSV_BOM + csvRow([...HEADERS, ERROR_COLUMN_HEADER].map((h) => csvText(h, d)), d);
    if (problem) text += csvRow([...HEADERS.map(() => ""), csvText(problem, d)], d);
    for (const r of rows) text += csvRow([...r.cells.map((c) => csvText(textCell(c), d)), csvText(r.error, d)], d);
    return { body: Buffer.from(text, "utf8"), contentType: "text/csv; charset=utf-8", fileName: `${base}-kesalahan.csv` };
  }
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Kesalahan");
  sheet.columns = [
    ...TEMPLATE_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: Math.max(12, Math.min(40, c.header.length + 2)), style: c.text ? { numFmt: "@" } : {} })),
    { header: ERROR_COLUMN_HEADER, key: "error", width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  if (problem) sheet.addRow([...HEADERS.map(() => null), problem]);
  for (const r of rows) sheet.addRow([...r.cells.map((c) => (c === undefined ? null : c)), r.error]);
  return {
    body: Buffer.from(await wb.xlsx.writeBuffer()),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: `${base}-kesalahan.xlsx`,
  };
}
