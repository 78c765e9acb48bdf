import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readRows, sniffFormat } from "@/lib/bulk/read";
import { TEMPLATE_EXAMPLE } from "@/lib/bulk/files";
import { bulkSubmissionKey } from "@/lib/bulk/check";
import { TEMPLATE_COLUMNS, dateCell, mapHeader, textCell, yesNoCell } from "@/lib/bulk/template";
import { FORM_FIELD_ORDER } from "@/lib/enrolment/schema/fields";
import { CONSENT_TEXT_VERSION } from "@/lib/enrolment/consent";
import { validateEnrolment } from "@/lib/enrolment/schema";

async function firstRows(path: string) {
  const bytes = new Uint8Array(await readFile(path));
  const rows = [];
  for await (const r of readRows(bytes, sniffFormat(bytes))) rows.push(r.cells.map((c) => textCell(c)));
  return rows;
}

describe("the published bulk-upload template (public/templates)", () => {
  it("has one column per e-form field, in the e-form's order (the submission key is derived, not typed)", () => {
    expect(TEMPLATE_COLUMNS.map((c) => c.field)).toEqual(FORM_FIELD_ORDER.filter((f) => f !== "submissionKey"));
  });

  it.each(["public/templates/templat-pendaftaran.csv", "public/templates/templat-pendaftaran.xlsx"])(
    "%s holds the template's headers and an example row (npm run bulk:template rewrites it)",
    async (path) => {
      const rows = await firstRows(path);
      expect(rows[0]).toEqual(TEMPLATE_COLUMNS.map((c) => c.header));
      expect(rows).toHaveLength(2);
      const consent = TEMPLATE_COLUMNS.findIndex((c) => c.field === "consentTextVersion");
      expect(rows[1]![consent]).toBe(CONSENT_TEXT_VERSION);
    },
  );

  it("the example row passes the e-form's own validation once its cells are read as the form posts them", () => {
    const raw: Record<string, string> = {};
    for (const c of TEMPLATE_COLUMNS) {
      const v = TEMPLATE_EXAMPLE[c.field];
      raw[c.field] = c.kind === "date" ? dateCell(v) : c.kind === "yesNo" ? yesNoCell(v) : v;
    }
    raw.consentTextVersion = CONSENT_TEXT_VERSION;
    raw.kantorCabangId = "7f1d2c3b-4a5e-4f60-8a71-92b3c4d5e6f7";
    raw.submissionKey = bulkSubmissionKey("p", raw.nik!, raw.loanNumber!);
    const result = validateEnrolment(raw, "2026-12-02");
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe("reading template cells", () => {
  it("reads dates as dd/mm/yyyy (the portal's form), yyyy-mm-dd, spreadsheet dates and day serials", () => {
    expect(dateCell("17/08/1985")).toBe("1985-08-17");
    expect(dateCell("7/8/1985")).toBe("1985-08-07");
    expect(dateCell("1985-08-17")).toBe("1985-08-17");
    expect(dateCell(new Date(Date.UTC(1985, 7, 17)))).toBe("1985-08-17");
    expect(dateCell(31276)).toBe("1985-08-17");
    // Not a date: passed on, so the e-form's own message names it.
    expect(dateCell("kemarin")).toBe("kemarin");
  });

  it("reads Ya/Tidak as the e-form's checkbox values and passes anything else on to be refused", () => {
    expect(["Ya", "ya", "Y", "1", "x"].map(yesNoCell)).toEqual(["true", "true", "true", "true", "true"]);
    expect(["Tidak", "T", "", "0"].map(yesNoCell)).toEqual(["false", "false", "false", "false"]);
    expect(yesNoCell("mungkin")).toBe("mungkin");
  });

  it("does not read a NIK that a spreadsheet turned into an inexact number as other digits", () => {
    expect(textCell(3273015708850001)).toBe("3273015708850001");
    expect(textCell(9471015708850001)).not.toMatch(/^\d{16}$/);
  });

  it("gives back a cell the portal's CSV defused with an apostrophe (docs/platform.md §8)", () => {
    expect(textCell("'+6281234567890")).toBe("+6281234567890");
    expect(textCell("O'Brien")).toBe("O'Brien");
  });

  it("matches headers without regard to case or spacing, ignores the error report's column and names missing ones", () => {
    const header = mapHeader(["  nik ", "NAMA LENGKAP SESUAI KTP", "Kesalahan", "Catatan"]);
    expect(header.fields.slice(0, 4)).toEqual(["nik", "fullName", null, null]);
    expect(header.unknown).toEqual(["Catatan"]);
    expect(header.missing).toContain("Tempat lahir");
    expect(header.missing).not.toContain("NIK");
  });

  it("a file made from the template before the auto-debit column existed is still complete: that column is optional (docs/decisions/0025)", () => {
    const older = TEMPLATE_COLUMNS.filter((c) => c.field !== "autoDebitConsent").map((c) => c.header);
    expect(mapHeader(older).missing).toEqual([]);
    const withIt = mapHeader(TEMPLATE_COLUMNS.map((c) => c.header));
    expect(withIt.fields).toContain("autoDebitConsent");
  });

  it("derives one submission key per penyalur, NIK and loan number (a re-upload finds its enrolment)", () => {
    const a = bulkSubmissionKey("bri", "3273015708850001", "KUR-1");
    expect(a).toBe(bulkSubmissionKey("bri", "3273015708850001", "KUR-1"));
    expect(a).not.toBe(bulkSubmissionKey("bni", "3273015708850001", "KUR-1"));
    expect(a).not.toBe(bulkSubmissionKey("bri", "3273015708850001", "KUR-2"));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
