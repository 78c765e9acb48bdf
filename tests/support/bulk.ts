import { CSV_BOM, csvDialect, csvRow, csvText } from "@/lib/csv";
import { TEMPLATE_COLUMNS, type TemplateField } from "@/lib/bulk/template";
import { CHECKBOX_FIELDS } from "@/lib/enrolment/schema/fields";
import { uniqueNik } from "./db";
import { eformFields } from "./eform";

/** One row of the bulk template from a valid e-form (eformFields), as a bank would type it. */
export function templateRow(today: string, kantorCabangCode: string, overrides: Partial<Record<TemplateField, string>> = {}): Record<TemplateField, string> {
  const form = eformFields(today, { nik: uniqueNik() });
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
