/**
 * `npm run bulk:template`: writes the published bulk-upload templates, public/templates/
 * templat-pendaftaran.csv and .xlsx, from lib/bulk/template.ts (columns) and lib/bulk/files.ts (the
 * example row). Run after changing a column; tests/unit/bulk/template.test.ts fails while the
 * committed files and the column list disagree.
 */
import { writeFile } from "node:fs/promises";
import { CONSENT_TEXT_VERSION } from "../lib/enrolment/consent";
import { templateCsv, templateXlsx } from "../lib/bulk/files";

await writeFile("public/templates/templat-pendaftaran.csv", templateCsv(CONSENT_TEXT_VERSION));
await writeFile("public/templates/templat-pendaftaran.xlsx", await templateXlsx(CONSENT_TEXT_VERSION));
console.log("public/templates/templat-pendaftaran.{csv,xlsx} ditulis.");
