import { describe, expect, it } from "vitest";
import {
  EARLIEST_QUOTE_MONTH,
  QUOTE_FIELDS,
  QUOTE_MANDATE_STATUSES,
  QUOTE_SECTORS,
  validateQuote,
  type QuoteFieldErrors,
  type QuoteInput,
} from "@/lib/api/quote-schema";
import { BPU_SECTORS, KUR_SCHEMES, MANDATE_STATUSES, type KurScheme } from "@/lib/rules";

const TODAY = "2026-11-21";

/** A man born 17-08-1985 in province 32 (Jawa Barat) (docs/regulation.md §6). */
const NIK_MAN = "3201011708850001";

const VALID = {
  scheme: "KECIL",
  plafon: 150_000_000,
  declaredIncome: 3_000_000,
  jht: true,
  sector: "OTHER",
} as const;

function accepted(raw: Record<string, unknown>): QuoteInput {
  const r = validateQuote(raw, TODAY);
  if (!r.ok) throw new Error(`expected the request to pass, got ${JSON.stringify(r.errors)}`);
  return r.data;
}

function refused(raw: Record<string, unknown>): QuoteFieldErrors {
  const r = validateQuote(raw, TODAY);
  if (r.ok) throw new Error(`expected the request to be refused: ${JSON.stringify(raw)}`);
  return r.errors;
}

/** Words of zod's English defaults: the API's messages are Indonesian (docs/decisions/0004-layout.md). */
const ENGLISH = /\b(invalid|expected|received|required|must|should|too (small|big)|string|number|input|unrecognized)\b/i;

function expectIndonesian(errors: QuoteFieldErrors): void {
  for (const [field, messages] of Object.entries(errors)) {
    expect(messages, field).not.toHaveLength(0);
    for (const m of messages) expect(m, `${field}: ${m}`).not.toMatch(ENGLISH);
  }
}

describe("validateQuote: a valid request", () => {
  it("passes with the defaults applied: the office's month and day, not budget-funded, no Kanwil, no workers", () => {
    expect(accepted(VALID)).toEqual({
      scheme: "KECIL",
      plafon: 150_000_000,
      declaredIncome: 3_000_000,
      jht: true,
      sector: "OTHER",
      month: "2026-11",
      fundedByBudget: false,
      kanwilCode: null,
      employsWorkers: false,
      date: TODAY,
    });
  });

  it("an explicit date is the decision date: it gives the default month and resolves the NIK's century", () => {
    expect(accepted({ ...VALID, date: "2026-06-30" })).toMatchObject({ date: "2026-06-30", month: "2026-06" });
    expect(refused({ ...VALID, date: "2026-02-30" })).toEqual({ date: ["Tanggal keputusan harus tanggal yang valid berformat YYYY-MM-DD, mis. 2026-11-21."] });
    expect(refused({ ...VALID, date: "1999-01-01" }).date?.[0]).toMatch(/^Tanggal keputusan paling awal /);
  });

  it("a debtor who employs workers must have JHT: jht false is refused on jht — PP 46/2015 Pasal 4 ayat (3) huruf a, Permenaker 5/2021", () => {
    expect(refused({ ...VALID, employsWorkers: true, jht: false }).jht?.[0]).toMatch(/^JHT wajib dipilih: .*Permenaker 5\/2021/);
    expect(accepted({ ...VALID, employsWorkers: true, jht: true }).employsWorkers).toBe(true);
  });

  it("null in an optional field means the same as leaving it out", () => {
    const data = accepted({ ...VALID, month: null, fundedByBudget: null, nik: null, birthDate: null, sex: null, kanwilCode: null });
    expect(data).toMatchObject({ month: "2026-11", fundedByBudget: false, kanwilCode: null });
  });

  it("keeps an explicit month, budget funding and Kanwil", () => {
    expect(accepted({ ...VALID, month: "2027-04", fundedByBudget: true, kanwilCode: "JAWA_BARAT" })).toMatchObject({
      month: "2027-04",
      fundedByBudget: true,
      kanwilCode: "JAWA_BARAT",
    });
  });

  it("accepts a NIK whose birth date and sex agree with birthDate and sex (docs/regulation.md §6)", () => {
    accepted({ ...VALID, nik: NIK_MAN, birthDate: "1985-08-17", sex: "L" });
    // A woman's NIK: 40 added to the day.
    accepted({ ...VALID, nik: "3201015708850002", birthDate: "1985-08-17", sex: "P" });
  });

  it(`the earliest contribution month is ${EARLIEST_QUOTE_MONTH}, when the first BPU tier table and rates took effect (PP 44/2015)`, () => {
    expect(EARLIEST_QUOTE_MONTH).toBe("2015-07");
    accepted({ ...VALID, month: "2015-07" });
    expect(refused({ ...VALID, month: "2015-06" })).toEqual({ month: ["Bulan iuran paling awal 07/2015."] });
  });
});

describe("validateQuote: plafon must lie in its scheme's band (Permenko 1/2023 as docs/regulation.md §1 lists it)", () => {
  const cases: ReadonlyArray<[KurScheme, number, boolean]> = [
    ["SUPER_MIKRO", 1, true],
    ["SUPER_MIKRO", 10_000_000, true],
    ["SUPER_MIKRO", 10_000_001, false],
    ["MIKRO", 10_000_000, false],
    ["MIKRO", 10_000_001, true],
    ["MIKRO", 100_000_000, true],
    ["MIKRO", 100_000_001, false],
    ["KECIL", 100_000_000, false],
    ["KECIL", 100_000_001, true],
    ["KECIL", 500_000_000, true],
    ["KECIL", 500_000_001, false],
    ["KHUSUS", 100_000_000, true],
    ["KHUSUS", 500_000_000, true],
    ["KHUSUS", 500_000_001, false],
    ["PMI", 100_000_000, true],
    ["PMI", 100_000_001, false],
  ];
  it.each(cases)("%s with plafon %d: accepted = %s", (scheme, plafon, ok) => {
    const r = validateQuote({ ...VALID, scheme, plafon }, TODAY);
    expect(r.ok).toBe(ok);
    if (!r.ok) {
      expect(Object.keys(r.errors)).toEqual(["plafon"]);
      expect(r.errors.plafon![0]).toMatch(/^Plafon KUR .* harus di atas Rp[\d.]+ sampai Rp[\d.]+\.$/);
    }
  });
});

describe("validateQuote: every invalid field is reported at once, in Indonesian", () => {
  it("type, range, format, band, NIK agreement, unknown Kanwil and an unknown field together", () => {
    const errors = refused({
      scheme: "MIKRO",
      plafon: 150_000_000, // above the mikro band
      declaredIncome: 0,
      jht: "ya",
      sector: "SHIPPING",
      month: "2026-13",
      fundedByBudget: "no",
      nik: NIK_MAN,
      birthDate: "1985-08-18", // the NIK says 17
      sex: "P", // the NIK says L
      kanwilCode: "JABAR",
      kanwilcode: "JAWA_BARAT", // misspelt: would silently change the mandate if ignored
    });
    expect(Object.keys(errors).sort()).toEqual(
      ["birthDate", "declaredIncome", "fundedByBudget", "jht", "kanwilCode", "kanwilcode", "month", "plafon", "sector", "sex"].sort(),
    );
    expect(errors).toMatchObject({
      plafon: ["Plafon KUR Mikro harus di atas Rp10.000.000 sampai Rp100.000.000."],
      declaredIncome: ["Penghasilan per bulan harus lebih dari Rp0."],
      jht: ["Pilihan JHT harus true atau false."],
      month: ["Bulan iuran harus berformat YYYY-MM, mis. 2026-11."],
      birthDate: ["Tanggal lahir tidak sesuai dengan NIK (NIK menunjukkan 17/08/1985)."],
      sex: ["Jenis kelamin tidak sesuai dengan NIK (NIK menunjukkan laki-laki)."],
    });
    expect(errors.kanwilcode![0]).toMatch(/^Kolom tidak dikenal\. Kolom yang diterima: scheme, plafon, /);
    expectIndonesian(errors);
  });

  it("the same request asked in English is refused with the same fields, every message in English", () => {
    const raw = {
      scheme: "MIKRO",
      plafon: 150_000_000,
      declaredIncome: 0,
      jht: "ya",
      sector: "SHIPPING",
      month: "2026-13",
      nik: NIK_MAN,
      birthDate: "1985-08-18",
      sex: "P",
      kanwilCode: "JABAR",
      kanwilcode: "JAWA_BARAT",
    };
    const id = validateQuote(raw, TODAY);
    const en = validateQuote(raw, TODAY, "en");
    if (id.ok || en.ok) throw new Error("expected the request to be refused");
    expect(Object.keys(en.errors).sort()).toEqual(Object.keys(id.errors).sort());
    expect(en.errors).toMatchObject({
      plafon: ["The KUR Mikro plafon must be above Rp10.000.000 and at most Rp100.000.000."],
      declaredIncome: ["The monthly income must be more than Rp0."],
      jht: ["The JHT choice must be true or false."],
      sector: ["The sector must be one of TRANSPORT, OTHER."],
      month: ["The contribution month must be in the form YYYY-MM, e.g. 2026-11."],
      birthDate: ["The date of birth does not match the NIK (the NIK shows 17/08/1985)."],
      sex: ["The sex does not match the NIK (the NIK shows male)."],
    });
    expect(en.errors.kanwilCode![0]).toMatch(/^Unknown Kanwil code: choose one of /);
    expect(en.errors.kanwilcode![0]).toMatch(/^Unknown field\. Accepted fields: scheme, plafon, /);
    expect(validateQuote({}, TODAY, "en")).toEqual({
      ok: false,
      errors: {
        scheme: ["The KUR scheme is required."],
        plafon: ["The plafon is required."],
        declaredIncome: ["The monthly income is required."],
        jht: ["The JHT choice is required."],
        sector: ["The sector is required."],
      },
    });
  });

  it("an empty object: each required field says it is required", () => {
    const errors = refused({});
    expect(errors).toEqual({
      scheme: ["Skema KUR wajib diisi."],
      plafon: ["Plafon wajib diisi."],
      declaredIncome: ["Penghasilan per bulan wajib diisi."],
      jht: ["Pilihan JHT wajib diisi."],
      sector: ["Sektor wajib diisi."],
    });
  });

  it("an unknown scheme is reported on scheme, and the plafon band is then not checked", () => {
    const errors = refused({ ...VALID, scheme: "MEGA", plafon: 900_000_000 });
    expect(errors).toEqual({ scheme: ["Skema KUR harus salah satu dari SUPER_MIKRO, MIKRO, KECIL, KHUSUS, PMI."] });
  });

  it.each([
    ["plafon as id-ID text", { plafon: "150.000.000" }, "plafon"],
    ["plafon as a fraction", { plafon: 150_000_000.5 }, "plafon"],
    ["plafon beyond a safe integer", { plafon: 2 ** 60 }, "plafon"],
    ["negative plafon", { plafon: -1 }, "plafon"],
    ["income as text", { declaredIncome: "3000000" }, "declaredIncome"],
    ["negative income", { declaredIncome: -3_000_000 }, "declaredIncome"],
    ["jht as the e-form's checkbox value", { jht: "on" }, "jht"],
    ["scheme in lower case", { scheme: "kecil" }, "scheme"],
    ["sector as a number", { sector: 1 }, "sector"],
    ["month with a day", { month: "2026-11-01" }, "month"],
    ["month 00", { month: "2026-00" }, "month"],
    ["month as a number", { month: 202611 }, "month"],
    ["fundedByBudget as text", { fundedByBudget: "true" }, "fundedByBudget"],
    ["birth date that does not exist", { birthDate: "2023-02-29" }, "birthDate"],
    ["birth date in id-ID format", { birthDate: "17/08/1985" }, "birthDate"],
    ["sex spelt out", { sex: "Laki-laki" }, "sex"],
    ["Kanwil in lower case", { kanwilCode: "jawa_barat" }, "kanwilCode"],
    ["a field the API does not have", { penyalurId: "someone-else" }, "penyalurId"],
  ])("%s is refused on that field only", (_label, patch, field) => {
    const errors = refused({ ...VALID, ...patch });
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toHaveLength(1);
    expectIndonesian(errors);
  });

  it.each([
    ["15 digits", "320101170885001", "NIK harus 16 digit angka."],
    ["letters", "32010117O8850001", "NIK harus 16 digit angka."],
    ["with spaces", "3201 0117 0885 0001", "NIK harus 16 digit angka."],
    ["unknown province 99", "9901011708850001", "Kode provinsi NIK (digit 1–2: 99) tidak ada dalam daftar provinsi Kemendagri."],
    ["unknown regency 32.19", "3219011708850001", "Kode kabupaten/kota NIK (digit 3–4: 19) tidak ada di provinsi 32 menurut data wilayah Kemendagri."],
    ["day 32", "3201013208850001", "Tanggal lahir dalam NIK (digit 7–12, DDMMYY; tanggal perempuan ditambah 40) tidak valid."],
    ["serial 0000", "3201011708850000", "Nomor urut NIK (digit 13–16) tidak boleh 0000; nomor urut dimulai dari 0001."],
    ["age under 17 either century", "3201011708150001", "Umur menurut tanggal lahir dalam NIK (digit 7–12) harus antara 17 dan 100 tahun."],
  ])("a NIK with %s is refused (docs/regulation.md §6)", (_label, nik, message) => {
    expect(refused({ ...VALID, nik, birthDate: "1985-08-17", sex: "L" })).toEqual({ nik: [message] });
  });

  it("an invalid NIK is not compared with birthDate and sex (one problem, one message)", () => {
    expect(Object.keys(refused({ ...VALID, nik: "9901011708850001", birthDate: "1990-01-01", sex: "P" }))).toEqual(["nik"]);
  });

  it("birthDate and sex without a NIK are checked for format only", () => {
    accepted({ ...VALID, birthDate: "1990-01-01", sex: "P" });
  });

  it("a JSON key named __proto__ is an ordinary unknown field, not the error object's prototype", () => {
    const errors = refused({ ...VALID, ...JSON.parse('{"__proto__": {"polluted": true}}') });
    expect(Object.keys(errors)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
  });
});

describe("the API's vocabularies are the rules' own", () => {
  it("schemes, sectors and mandate statuses match lib/rules", () => {
    expect([...QUOTE_SECTORS]).toEqual([...BPU_SECTORS]);
    expect([...QUOTE_MANDATE_STATUSES]).toEqual([...MANDATE_STATUSES]);
    expect(KUR_SCHEMES).toHaveLength(5);
  });

  it("the request has exactly the documented fields", () => {
    expect(QUOTE_FIELDS).toEqual([
      "scheme",
      "plafon",
      "declaredIncome",
      "jht",
      "sector",
      "month",
      "fundedByBudget",
      "nik",
      "birthDate",
      "sex",
      "employsWorkers",
      "date",
      "officeCode",
      "kanwilCode",
    ]);
  });
});
