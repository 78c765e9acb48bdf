/**
 * The bulk-upload template: one column per e-form field, in the e-form's order, with Indonesian
 * headers (docs/bulk-upload.md). Client-safe and pure: the template files, the parser and the error
 * report all read this one list, so a column cannot be added in one place only.
 *
 * What a cell holds is turned into what the e-form posts (`toFormFields`), and from there the e-form's
 * own validation decides (lib/enrolment/schema validateEnrolment): nothing here re-states a rule.
 */
import { FORM_FIELD_ORDER, type EnrolmentFieldName } from "@/lib/enrolment/schema/fields";

/** The e-form fields a file carries: all but the submission key, which the portal derives per loan. */
export type TemplateField = Exclude<EnrolmentFieldName, "submissionKey">;

export type CellKind = "text" | "date" | "yesNo" | "money" | "number" | "code";

export interface TemplateColumn {
  field: TemplateField;
  /** The header in the template (Indonesian); matched without regard to case or surrounding spaces. */
  header: string;
  kind: CellKind;
  /** Kept as text in the XLSX template: long digit strings (NIK, NPWP, phone) must not become numbers. */
  text?: boolean;
  /** A column added after files were already in use: a file without it reads as empty (the field's default). */
  optional?: boolean;
}

const COLUMN: Record<TemplateField, Omit<TemplateColumn, "field">> = {
  nik: { header: "NIK", kind: "text", text: true },
  fullName: { header: "Nama lengkap sesuai KTP", kind: "text" },
  birthPlace: { header: "Tempat lahir", kind: "text" },
  birthDate: { header: "Tanggal lahir", kind: "date" },
  sex: { header: "Jenis kelamin (L/P)", kind: "code" },
  motherMaidenName: { header: "Nama gadis ibu kandung", kind: "text" },
  phone: { header: "Nomor HP", kind: "text", text: true },
  email: { header: "Email", kind: "text" },
  addressProvinceCode: { header: "Kode provinsi alamat", kind: "text", text: true },
  addressRegency: { header: "Kabupaten/kota", kind: "text" },
  addressDistrict: { header: "Kecamatan", kind: "text" },
  addressStreet: { header: "Alamat jalan", kind: "text" },
  businessName: { header: "Nama usaha", kind: "text" },
  kbli: { header: "Kode KBLI", kind: "text", text: true },
  nib: { header: "NIB", kind: "text", text: true },
  businessStartedOn: { header: "Tanggal mulai usaha", kind: "date" },
  businessProvinceCode: { header: "Kode provinsi lokasi usaha", kind: "text", text: true },
  employsWorkers: { header: "Mempekerjakan pekerja (Ya/Tidak)", kind: "yesNo" },
  workerCount: { header: "Jumlah pekerja", kind: "number" },
  loanNumber: { header: "Nomor permohonan pinjaman", kind: "text", text: true },
  scheme: { header: "Skema KUR", kind: "code" },
  plafon: { header: "Plafon (Rp)", kind: "money" },
  purpose: { header: "Tujuan penggunaan", kind: "code" },
  tenorMonths: { header: "Jangka waktu (bulan)", kind: "number" },
  plannedDisbursementDate: { header: "Rencana tanggal pencairan", kind: "date" },
  npwp: { header: "NPWP", kind: "text", text: true },
  priorMikroCount: { header: "Jumlah KUR Mikro sebelumnya", kind: "number" },
  priorKecilCount: { header: "Jumlah KUR Kecil sebelumnya", kind: "number" },
  outstandingMikro: { header: "Sisa pokok KUR Mikro (Rp)", kind: "money" },
  declaredIncome: { header: "Penghasilan per bulan (Rp)", kind: "money" },
  jht: { header: "Ikut JHT (Ya/Tidak)", kind: "yesNo" },
  monthsInAdvance: { header: "Jumlah bulan dibayar di muka", kind: "number" },
  kantorCabangId: { header: "Kode Kantor Cabang BPJS", kind: "text" },
  autoDebitConsent: { header: "Setuju autodebet iuran oleh bank (Ya/Tidak)", kind: "yesNo", optional: true },
  heirName: { header: "Nama ahli waris", kind: "text" },
  heirRelationship: { header: "Hubungan ahli waris", kind: "code" },
  heirPhone: { header: "Nomor HP ahli waris", kind: "text", text: true },
  attestNikChecked: { header: "Pernyataan NIK sudah dicek (Ya/Tidak)", kind: "yesNo" },
  attestSlikChecked: { header: "Pernyataan SLIK sudah dicek (Ya/Tidak)", kind: "yesNo" },
  attestNoOtherKur: { header: "Pernyataan tidak ada KUR lain (Ya/Tidak)", kind: "yesNo" },
  attestNpwpPresent: { header: "Pernyataan NPWP ada (Ya/Tidak)", kind: "yesNo" },
  consent: { header: "Persetujuan debitur (Ya/Tidak)", kind: "yesNo" },
  consentTextVersion: { header: "Versi teks persetujuan", kind: "text" },
};

/** The template's columns, in the e-form's order. */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = FORM_FIELD_ORDER.filter(
  (f): f is TemplateField => f !== "submissionKey",
).map((field) => ({ field, ...COLUMN[field] }));

/** The column the error report adds after the template's columns; ignored when the report is uploaded again. */
export const ERROR_COLUMN_HEADER = "Kesalahan";

const normalHeader = (h: string) => h.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/\s+/g, " ");
const BY_HEADER = new Map<string, TemplateField>();
for (const c of TEMPLATE_COLUMNS) {
  BY_HEADER.set(normalHeader(c.header), c.field);
  BY_HEADER.set(c.field.toLowerCase(), c.field);
}

export interface HeaderMap {
  /** Column index → field (columns the template does not know, and the error column, are skipped). */
  fields: (TemplateField | null)[];
  /** Template headers the file lacks. */
  missing: string[];
  /** Headers the file has that the template does not (the error column excluded). */
  unknown: string[];
}

/** Which field each column of the file holds, by its header (Indonesian header or field name). */
export function mapHeader(header: readonly string[]): HeaderMap {
  const seen = new Set<TemplateField>();
  const unknown: string[] = [];
  const fields = header.map((h) => {
    const key = normalHeader(h);
    const field = BY_HEADER.get(key) ?? null;
    if (field && !seen.has(field)) {
      seen.add(field);
      return field;
    }
    if (!field && key !== "" && key !== normalHeader(ERROR_COLUMN_HEADER)) unknown.push(h.trim());
    return null;
  });
  const missing = TEMPLATE_COLUMNS.filter((c) => !c.optional && !seen.has(c.field)).map((c) => c.header);
  return { fields, missing, unknown };
}

/** A cell as a reader hands it over: text (CSV), or what a spreadsheet stored (XLSX). */
export type Cell = string | number | boolean | Date | null | undefined;

const pad = (n: number) => String(n).padStart(2, "0");
const isoOfUtc = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * A date cell as the e-form posts it (yyyy-mm-dd): dd/mm/yyyy (the portal's form, also with - or .),
 * yyyy-mm-dd, a spreadsheet date, or a spreadsheet's day serial. Anything else is passed on as typed,
 * so the e-form's own message ("… is not a date") names it.
 */
export function dateCell(cell: Cell): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : isoOfUtc(cell);
  if (typeof cell === "number") {
    // Excel's day 25569 is 1970-01-01 (its serials count from 1899-12-30).
    return Number.isFinite(cell) ? isoOfUtc(new Date(Math.round((cell - 25569) * 86_400_000))) : "";
  }
  const text = textCell(cell);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (dmy) return `${dmy[3]}-${pad(Number(dmy[2]))}-${pad(Number(dmy[1]))}`;
  return text;
}

const YES = new Set(["ya", "y", "yes", "true", "1", "x", "v", "✓"]);
const NO = new Set(["tidak", "t", "no", "n", "false", "0", ""]);

/** A Ya/Tidak cell as the e-form's checkbox posts it ("true"/"false"); anything else as typed (refused). */
export function yesNoCell(cell: Cell): string {
  if (typeof cell === "boolean") return cell ? "true" : "false";
  const text = textCell(cell).toLowerCase();
  if (YES.has(text)) return "true";
  if (NO.has(text)) return "false";
  return text;
}

export function textCell(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return isoOfUtc(cell);
  // A 16-digit NIK typed into a number cell may have lost its last digits: shown as the spreadsheet
  // shows it ("9.47101570885e+15"), so the NIK check refuses it rather than reading other digits.
  if (typeof cell === "number") return Number.isSafeInteger(cell) ? cell.toFixed(0) : Number.isInteger(cell) ? cell.toExponential() : String(cell);
  // The portal's CSV files defuse a leading = + - @ with an apostrophe (docs/platform.md §8): an error
  // report uploaded again gives the cell back as it was typed ("+62812…", not "'+62812…").
  return String(cell).trim().replace(/^'(?=[=+\-@])/, "");
}

/**
 * Codes the template accepts for the e-form's choice fields, beside the code itself: the words the
 * screen shows (from the catalogue, passed in by the caller) and a few short forms.
 */
export type CodeWords = Partial<Record<TemplateField, Record<string, string>>>;

function codeCell(field: TemplateField, cell: Cell, words: CodeWords): string {
  const text = textCell(cell);
  const key = text.toLowerCase().replace(/\s+/g, " ");
  const known = words[field];
  if (known && key in known) return known[key]!;
  return text.toUpperCase().replace(/[\s-]+/g, "_");
}

/** What a cell carries: the raw value of an e-form field (strings, as a form posts them). */
export function cellValue(column: TemplateColumn, cell: Cell, words: CodeWords): string {
  switch (column.kind) {
    case "date":
      return dateCell(cell);
    case "yesNo":
      return yesNoCell(cell);
    case "code":
      return codeCell(column.field, cell, words);
    default:
      return textCell(cell);
  }
}
