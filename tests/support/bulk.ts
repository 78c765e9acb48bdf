import { CSV_BOM, csvDialect, csvRow, csvText } from "@/lib/csv";
import { TEMPLATE_COLUMNS, type TemplateField } from "@/lib/bulk/template";
import { CHECKBOX_FIELDS } from "@/lib/enrolment/schema/fields";
import { uniqueNik } from "./db";
import { eformFields } from "./eform";

/** One row of the bulk template from a valid e-form (eformFields), as a bank would type it. */
export function templateRow(today: string, kantorCabangCode: string, overrides: Partial<Record<TemplateField, string>> = {}): Record<TemplateField, string> {
  // A birth date of its own for each row: a 10,000-row file on one birth date would use up the NIK
  // serials other tests draw from for that date (uniqueNik's default), and their debtors would collide.
  // (A row whose NIK the caller gives keeps the e-form fixture's birth date, which uniqueNik's default matches.)
  const birthDate = `19${60 + Math.floor(Math.random() * 40)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, "0")}`;
  const form = overrides.nik ? eformFields(today, { nik: overrides.nik }) : eformFields(today, { nik: uniqueNik(birthDate), birthDate });
  const row = {} as Record<TemplateField, string>;
  for (const c of TEMPLATE_COLUMNS) {
    let v = form[c.field] ?? "";
    if ((CHECKBOX_FIELDS as readonly string[]).includes(c.field)) v = v === "on" ? "Ya" : "Tidak";
    if (c.kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(v)) v = `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
    row[c.field] = v;
  }
  row.kantorCabangId = kantorCabangCode;
  return { ...row, ...overrides };
}

/** A CSV file in the template's columns (Indonesian dialect, as the published template). */
export function templateCsvFile(rows: readonly Record<TemplateField, string>[], columns = TEMPLATE_COLUMNS): Uint8Array {
  const d = csvDialect("id");
  let text = CSV_BOM + csvRow(columns.map((c) => csvText(c.header, d)), d);
  for (const r of rows) text += csvRow(columns.map((c) => csvText(r[c.field] ?? "", d)), d);
  return new TextEncoder().encode(text);
}
