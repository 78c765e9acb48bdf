import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DraftData,
  FORM_FIELD_ORDER,
  draftLabel,
  keepInput,
  parseRupiahInput,
  validateEnrolment,
  type EnrolmentFieldName,
  type EnrolmentInput,
  type FieldErrors,
} from "@/lib/enrolment/schema";
import { CONSENT_TEXT_VERSION } from "@/lib/enrolment/consent";
import { consentText } from "@/lib/enrolment/consent-text";
import { addDays } from "@/lib/rules";
import { eformFields } from "../../support/eform";

const TODAY = "2026-11-21";

/** NIK of a man born 17-08-1985 in province 32 (Jawa Barat), regency 01, district 01 (docs/regulation.md §6). */
const NIK_MAN = "3201011708850001";
/** The same birth date for a woman: 40 added to the day (docs/regulation.md §6). */
const NIK_WOMAN = "3201015708850002";

/** A filled-in e-form as FormData delivers it: every value a string, a ticked checkbox "on". */
const VALID: Record<string, string> = eformFields(TODAY, {
  submissionKey: "6f1c1b8e-6f4a-4f6e-9d7a-2a1b3c4d5e6f",
  nik: NIK_MAN,
  loanNumber: "BRI-2026-000123",
  kantorCabangId: "0f8e1d2c-3b4a-4c5d-8e6f-7a8b9c0d1e2f",
});

/** Everything the officer must fill in for a new participant (NIB, e-mail and NPWP below 50 jt are optional). */
const REQUIRED_FIELDS: EnrolmentFieldName[] = [
  "submissionKey",
  "nik",
  "fullName",
  "birthPlace",
  "birthDate",
  "sex",
  "motherMaidenName",
  "phone",
  "addressProvinceCode",
  "addressRegency",
  "addressDistrict",
  "addressStreet",
  "businessName",
  "kbli",
  "businessStartedOn",
  "businessProvinceCode",
  "scheme",
  "plafon",
  "tenorMonths",
  "purpose",
  "loanNumber",
  "plannedDisbursementDate",
  "priorMikroCount",
  "priorKecilCount",
  "declaredIncome",
  "monthsInAdvance",
  "kantorCabangId",
  "heirName",
  "heirRelationship",
  "heirPhone",
  "attestNikChecked",
  "attestSlikChecked",
  "attestNoOtherKur",
  "consent",
  "consentTextVersion",
];

function accepted(raw: Record<string, unknown>, existingParticipant = false): EnrolmentInput {
  const r = validateEnrolment(raw, TODAY, { existingParticipant });
  if (!r.ok) throw new Error(`expected the form to pass, got ${JSON.stringify(r.errors)}`);
  return r.data;
}

function refused(raw: Record<string, unknown>, locale: "id" | "en" = "id"): FieldErrors {
  const r = validateEnrolment(raw, TODAY, { locale });
  if (r.ok) throw new Error("expected the form to be refused");
  return r.errors;
}

/**
 * Words of zod's English defaults and of English UI copy. The e-form's messages are Indonesian
 * (docs/decisions/0004-layout.md: Indonesian is the UI language), so none of these may appear.
 */
const ENGLISH = /\b(invalid|expected|received|required|must|should|too (small|big)|string|number|input)\b/i;

function expectIndonesian(errors: FieldErrors): void {
  for (const [field, messages] of Object.entries(errors)) {
    expect(messages, field).not.toHaveLength(0);
    for (const m of messages ?? []) {
      expect(m, `${field}: ${m}`).not.toMatch(ENGLISH);
      expect(m.trim(), field).not.toBe("");
    }
  }
}

describe("parseRupiahInput: rupiah as an officer types it", () => {
  it.each([
    ["150.000.000", 150_000_000],
    ["Rp 150.000.000", 150_000_000],
    ["Rp150.000.000", 150_000_000],
    ["Rp. 150.000.000", 150_000_000],
    ["rp 150.000.000", 150_000_000],
    ["150000000", 150_000_000],
    ["  150 000 000  ", 150_000_000],
    ["16.800", 16_800],
  ])("%j is %d rupiah", (typed, amount) => {
    expect(parseRupiahInput(typed)).toBe(amount);
  });

  it("a number passes through unchanged", () => {
    expect(parseRupiahInput(150_000_000)).toBe(150_000_000);
  });

  it.each(["", "   ", "Rp", "Rp. "])("an empty entry %j counts as missing, so the field says it is required", (typed) => {
    expect(parseRupiahInput(typed)).toBeUndefined();
  });

  it.each([null, undefined, true, {}, ["150000000"]])("a non-string, non-number value %j counts as missing", (value) => {
    expect(parseRupiahInput(value)).toBeUndefined();
  });

  it.each(["abc", "-5", "150.000.000,00", "1e6", "USD 100", "150jt"])(
    "%j is not a rupiah amount (NaN, refused later as not a number)",
    (typed) => {
      expect(parseRupiahInput(typed)).toBeNaN();
    },
  );
});

describe("validateEnrolment: a valid e-form", () => {
  it("passes and returns typed values: phone in E.164, jht as a boolean, plafon and income as integer rupiah (docs/regulation.md §3, §6)", () => {
    const data = accepted(VALID);
    expect(data).toMatchObject({
      submissionKey: VALID.submissionKey,
      participant: { fullName: "Budi Santoso", birthDate: "1985-08-17", sex: "L", phone: "+6281234567890", email: null },
      scheme: "KECIL",
      plafon: 150_000_000,
      declaredIncome: 3_000_000,
      jht: true,
      kantorCabangId: VALID.kantorCabangId,
      heirPhone: "+6281311112222",
      tenorMonths: 36,
      priorMikroCount: 0,
      priorKecilCount: 0,
      outstandingMikro: 0,
      employsWorkers: false,
      workerCount: null,
      monthsInAdvance: 1,
      consentTextVersion: CONSENT_TEXT_VERSION,
    });
    expect(data.nikInfo).toEqual({
      nik: NIK_MAN,
      provinceCode: "32",
      regencyCode: "01",
      districtCode: "01",
      birthDate: "1985-08-17",
      sex: "L",
      serial: "0001",
    });
  });

  it("accepts a woman's NIK (day + 40) with her real birth date and sex P (docs/regulation.md §6)", () => {
    const data = accepted({ ...VALID, nik: NIK_WOMAN, fullName: "Siti Rahayu", sex: "P" });
    expect(data.nikInfo).toMatchObject({ sex: "P", birthDate: "1985-08-17" });
  });

  it("reads plafon typed with the Rp prefix and thousands dots", () => {
    expect(accepted({ ...VALID, plafon: "Rp 150.000.000" }).plafon).toBe(150_000_000);
  });

  it.each(["0812 3456 7890", "081234567890", "6281234567890", "+62 812-3456-7890", "(0812) 3456.7890"])(
    "stores the mobile number %j as E.164 +6281234567890 (docs/regulation.md §6)",
    (phone) => {
      expect(accepted({ ...VALID, phone }).participant?.phone).toBe("+6281234567890");
    },
  );

  it.each([
    ["on", true],
    ["true", true],
    ["false", false],
    ["", false],
    [undefined, false],
  ] as const)("the optional JHT checkbox %j becomes %s — JHT is optional for BPU, PP 44/2015", (jht, expected) => {
    const raw: Record<string, unknown> = { ...VALID };
    if (jht === undefined) delete raw.jht;
    else raw.jht = jht;
    expect(accepted(raw).jht).toBe(expected);
  });

  it.each([
    ["on", true],
    ["true", true],
    ["", false],
    [undefined, false],
  ] as const)("the auto-debit consent box %j becomes %s — optional, default not consented (issue #15, docs/decisions/0025)", (box, expected) => {
    const raw: Record<string, unknown> = { ...VALID };
    if (box === undefined) delete raw.autoDebitConsent;
    else raw.autoDebitConsent = box;
    expect(accepted(raw).autoDebitConsent).toBe(expected);
  });

  it("an auto-debit value that is no tick is refused on its own field, in Indonesian", () => {
    expect(refused({ ...VALID, autoDebitConsent: "mungkin" }).autoDebitConsent).toEqual(["Pilihan autodebet tidak dikenal: centang atau kosongkan."]);
  });

  it("accepts a NIK typed with spaces and keeps the compact NIK in nikInfo", () => {
    expect(accepted({ ...VALID, nik: "3201 0117 0885 0001" }).nikInfo.nik).toBe(NIK_MAN);
  });

  it("takes no tenant or status from the form: unknown posted fields are dropped (the server derives the office from the actor)", () => {
    const data = accepted({ ...VALID, penyalurOfficeId: "someone-elses-office", status: "APPROVED", kpj: "12345678901" });
    expect(data).not.toHaveProperty("penyalurOfficeId");
    expect(data).not.toHaveProperty("status");
    expect(data).not.toHaveProperty("kpj");
  });

  it.each([
    ["MIKRO", "10.000.001"],
    ["MIKRO", "100.000.000"],
    ["KECIL", "100.000.001"],
    ["KECIL", "500.000.000"],
    ["SUPER_MIKRO", "10.000.000"],
  ])("a %s plafon of %s is inside the scheme's band — Permenko 1/2022 jo. 1/2023", (scheme, plafon) => {
    expect(accepted({ ...VALID, scheme, plafon }).plafon).toBe(Number(plafon.replace(/\./g, "")));
  });
});

describe("validateEnrolment: errors are Indonesian, on the right field, and all reported at once", () => {
  it("an empty form reports every required field in one round, each in Indonesian", () => {
    const errors = refused({});
    expect(Object.keys(errors).sort()).toEqual([...REQUIRED_FIELDS].sort());
    expectIndonesian(errors);
    expect(errors).toMatchObject({
      submissionKey: ["Formulir ini kedaluwarsa. Muat ulang halaman lalu isi kembali."],
      nik: ["NIK wajib diisi."],
      fullName: ["Nama lengkap sesuai KTP wajib diisi."],
      birthDate: ["Tanggal lahir wajib diisi."],
      sex: ["Pilih jenis kelamin."],
      phone: ["Nomor HP wajib diisi."],
      scheme: ["Pilih skema KUR."],
      plafon: ["Plafon wajib diisi."],
      declaredIncome: ["Penghasilan per bulan wajib diisi."],
      kantorCabangId: ["Pilih Kantor Cabang BPJS Ketenagakerjaan."],
      loanNumber: ["Nomor permohonan pinjaman wajib diisi."],
      heirRelationship: ["Pilih hubungan ahli waris."],
    });
  });

  it("a form submitted with every box blank (FormData sends empty strings) reports every required field, in Indonesian", () => {
    const blank = Object.fromEntries(Object.keys(VALID).map((k) => [k, ""]));
    const errors = refused(blank);
    // Checkboxes are absent, not blank, when unticked; a blank one is an unticked one.
    expect(Object.keys(errors).sort()).toEqual([...REQUIRED_FIELDS].sort());
    expectIndonesian(errors);
    expect(errors.nik).toContain("NIK wajib diisi.");
    expect(errors.phone).toContain("Nomor HP wajib diisi.");
    expect(errors.plafon).toContain("Plafon wajib diisi.");
    expect(errors.fullName).toContain("Nama lengkap sesuai KTP wajib diisi.");
  });

  it("several independent mistakes are reported together, each on its own field", () => {
    const errors = refused({
      ...VALID,
      submissionKey: "not-a-uuid",
      birthDate: "1985-08-18",
      phone: "021-5551234",
      scheme: "MIKRO",
      plafon: "10.000.000",
    });
    expect(Object.keys(errors).sort()).toEqual(["birthDate", "phone", "plafon", "submissionKey"]);
    expectIndonesian(errors);
  });

  it("a birth date that disagrees with the NIK is an error on birthDate quoting the NIK's date (docs/regulation.md §6)", () => {
    const errors = refused({ ...VALID, birthDate: "1985-08-18" });
    expect(errors).toEqual({ birthDate: ["Tanggal lahir tidak sesuai dengan NIK (NIK menunjukkan 17/08/1985)."] });
  });

  it("a birth date in another century than the NIK's reading is an error on birthDate (docs/regulation.md §6)", () => {
    expect(Object.keys(refused({ ...VALID, birthDate: "1885-08-17" }))).toEqual(["birthDate"]);
  });

  it("a man's NIK with sex P is an error on sex (docs/regulation.md §6)", () => {
    expect(refused({ ...VALID, sex: "P" })).toEqual({
      sex: ["Jenis kelamin tidak sesuai dengan NIK (NIK menunjukkan laki-laki)."],
    });
  });

  it("a woman's NIK (day + 40) with sex L is an error on sex (docs/regulation.md §6)", () => {
    expect(refused({ ...VALID, nik: NIK_WOMAN, sex: "L" })).toEqual({
      sex: ["Jenis kelamin tidak sesuai dengan NIK (NIK menunjukkan perempuan)."],
    });
  });

  it("a NIK that disagrees on both birth date and sex gets one error on each field (docs/regulation.md §6)", () => {
    const errors = refused({ ...VALID, nik: NIK_WOMAN, sex: "L", birthDate: "1985-08-18" });
    expect(Object.keys(errors).sort()).toEqual(["birthDate", "sex"]);
  });

  it("KUR kecil with a plafon of Rp100.000.000 is outside the kecil band: error on plafon naming the band — Permenko 1/2023, docs/regulation.md §1", () => {
    expect(refused({ ...VALID, scheme: "KECIL", plafon: "100.000.000" })).toEqual({
      plafon: ["Plafon KUR Kecil harus di atas Rp100.000.000 sampai Rp500.000.000."],
    });
  });

  it("KUR mikro with a plafon of Rp10.000.000 is outside the mikro band: error on plafon naming the band — Permenko 1/2023, docs/regulation.md §1", () => {
    expect(refused({ ...VALID, scheme: "MIKRO", plafon: "10.000.000" })).toEqual({
      plafon: ["Plafon KUR Mikro harus di atas Rp10.000.000 sampai Rp100.000.000."],
    });
  });

  it("KUR kecil above Rp500.000.000 is outside the band: error on plafon — Permenko 1/2023, docs/regulation.md §1", () => {
    expect(refused({ ...VALID, plafon: "500.000.001" }).plafon?.[0]).toMatch(/^Plafon KUR Kecil harus di atas Rp100\.000\.000 sampai Rp500\.000\.000\.$/);
  });

  it.each([
    ["abc", "Plafon harus berupa angka rupiah, mis. 150.000.000."],
    ["0", "Plafon harus lebih dari Rp0."],
    ["-150.000.000", "Plafon harus berupa angka rupiah, mis. 150.000.000."],
  ])("a plafon of %j is refused on plafon: %s", (plafon, message) => {
    expect(refused({ ...VALID, plafon }).plafon).toEqual([message]);
  });

  it("a declared income of 0 is refused on declaredIncome, in Indonesian", () => {
    expect(refused({ ...VALID, declaredIncome: "0" })).toEqual({ declaredIncome: ["Penghasilan per bulan harus lebih dari Rp0."] });
  });

  it.each([
    ["320101170885000", "NIK harus 16 digit angka."],
    ["32010117088500012", "NIK harus 16 digit angka."],
    ["32010117088500AB", "NIK harus 16 digit angka."],
    ["9901011708850001", "Kode provinsi NIK (digit 1–2: 99) tidak ada dalam daftar provinsi Kemendagri."],
    ["3219011708850001", "Kode kabupaten/kota NIK (digit 3–4: 19) tidak ada di provinsi 32 menurut data wilayah Kemendagri."],
    ["3273311708850001", "Kode kecamatan NIK (digit 5–6: 31) tidak ada di kabupaten/kota 32.73 menurut data wilayah Kemendagri."],
    ["3201011708850000", "Nomor urut NIK (digit 13–16) tidak boleh 0000; nomor urut dimulai dari 0001."],
    ["3201013208850001", "Tanggal lahir dalam NIK (digit 7–12, DDMMYY; tanggal perempuan ditambah 40) tidak valid."],
  ])("an invalid NIK %s is an error on nik only naming the segment, not a birth date or sex mismatch (docs/regulation.md §6.1)", (nik, message) => {
    expect(refused({ ...VALID, nik })).toEqual({ nik: [message] });
  });

  it.each(["021-5551234", "(022) 7312345", "+62 21 5551234"])("a landline %j is an error on phone: the debtor must receive SMS/WhatsApp (docs/regulation.md §6)", (phone) => {
    expect(refused({ ...VALID, phone })).toEqual({
      phone: ["Nomor HP harus nomor seluler (diawali 08); nomor telepon rumah atau kantor tidak diterima."],
    });
  });

  it.each(["+1 415 555 0100", "0812", "08123456789012345", "0812-abc-7890"])("a phone %j that is not an Indonesian mobile number is an error on phone, in Indonesian", (phone) => {
    const errors = refused({ ...VALID, phone });
    expect(Object.keys(errors)).toEqual(["phone"]);
    expectIndonesian(errors);
  });

  it.each(["abc", "", "6f1c1b8e6f4a4f6e9d7a2a1b3c4d5e6f", "6f1c1b8e-6f4a-4f6e-9d7a-2a1b3c4d5e6"])(
    "a submissionKey %j that is not a UUID is an error on submissionKey telling the officer to reload",
    (submissionKey) => {
      expect(refused({ ...VALID, submissionKey })).toEqual({
        submissionKey: ["Formulir ini kedaluwarsa. Muat ulang halaman lalu isi kembali."],
      });
    },
  );

  it("a kantorCabangId that is not a UUID is an error on kantorCabangId", () => {
    expect(refused({ ...VALID, kantorCabangId: "kc-bandung" })).toEqual({
      kantorCabangId: ["Pilih Kantor Cabang BPJS Ketenagakerjaan."],
    });
  });

  it.each(["Budi123", "Budi <script>", "Budi_Santoso"])("a name %j with characters a KTP name cannot have is an error on fullName", (fullName) => {
    expect(refused({ ...VALID, fullName })).toEqual({
      fullName: ["Nama hanya boleh berisi huruf, spasi, titik, koma, apostrof dan tanda hubung."],
    });
  });

  it.each(["Muh. Abd. Rahman, S.E.", "Ni Luh Putu Ayu", "Ma'ruf", "Siti Nur’aini", "Lee-Chen"])("a real Indonesian name %j is accepted", (fullName) => {
    expect(accepted({ ...VALID, fullName }).participant?.fullName).toBe(fullName);
  });

  it.each([["X", "sex"], ["BESAR", "scheme"], ["2026-02-30", "birthDate"]] as const)("an unknown choice %j is an error on %s, in Indonesian", (value, field) => {
    const errors = refused({ ...VALID, [field]: value });
    expect(Object.keys(errors)).toEqual([field]);
    expectIndonesian(errors);
  });

  it("property: for any birth date giving an age of 17–100 and either sex, the NIK-consistent form passes and a birth date one day off is an error on birthDate only (docs/regulation.md §6)", () => {
    // 1930-01-01 … 2005-12-31 keeps every reading inside the 17–100 window on TODAY.
    const birthDate = fc.integer({ min: 0, max: 27_759 }).map((n) => addDays("1930-01-01", n));
    fc.assert(
      fc.property(birthDate, fc.constantFrom("L", "P"), fc.integer({ min: 1, max: 9999 }), (date, sex, serial) => {
        const [y, m, d] = date.split("-");
        const day = sex === "P" ? Number(d) + 40 : Number(d);
        const nik = `320101${String(day).padStart(2, "0")}${m}${y!.slice(2)}${String(serial).padStart(4, "0")}`;
        const form = { ...VALID, nik, birthDate: date, sex };
        expect(accepted(form).nikInfo).toMatchObject({ birthDate: date, sex });
        expect(Object.keys(refused({ ...form, birthDate: addDays(date, 1) }))).toEqual(["birthDate"]);
      }),
    );
  });
});

describe("keepInput: the typed values go back into the form after a failed submit", () => {
  it("returns every known field as the string the officer typed", () => {
    expect(keepInput(VALID)).toEqual(VALID);
  });

  it("drops fields the form does not have, so nothing posted by a crafted request is echoed back", () => {
    const kept = keepInput({ ...VALID, penyalurOfficeId: "x", $ACTION_ID_abc: "y", role: "ADMIN" });
    expect(Object.keys(kept).sort()).toEqual(Object.keys(VALID).sort());
  });

  it("drops values that are not strings (files, numbers, booleans, null)", () => {
    const kept = keepInput({ nik: 3201011708850001, plafon: null, jht: true, fullName: new Blob(["x"]), phone: "0812" });
    expect(kept).toEqual({ phone: "0812" });
  });

  it("caps each kept value at 300 characters", () => {
    expect(keepInput({ fullName: "a".repeat(5000) }).fullName).toHaveLength(300);
  });

  it("knows exactly the e-form's fields", () => {
    expect([...FORM_FIELD_ORDER].sort()).toEqual(Object.keys(VALID).sort());
  });

  it("returns an empty object for an empty form", () => {
    expect(keepInput({})).toEqual({});
  });
});

describe("every problem is reported in one round, in Indonesian", () => {
  it("a missing sex does not hide a birth date that disagrees with the NIK (docs/regulation.md §6)", () => {
    const errors = refused({ ...VALID, sex: "", birthDate: "1985-08-18" });
    expect(errors.sex).toEqual(["Pilih jenis kelamin."]);
    expect(errors.birthDate?.[0]).toMatch(/NIK/);
  });

  it("an invalid birth date does not hide a sex that disagrees with the NIK (docs/regulation.md §6)", () => {
    const errors = refused({ ...VALID, sex: "P", birthDate: "" });
    expect(errors.birthDate).toBeDefined();
    expect(errors.sex?.[0]).toMatch(/NIK/);
  });

  it("an empty name gets only the required message", () => {
    expect(refused({ ...VALID, fullName: "" }).fullName).toEqual(["Nama lengkap sesuai KTP wajib diisi."]);
  });

  it("an unknown JHT value gets an Indonesian message", () => {
    expect(refused({ ...VALID, jht: "yes" }).jht?.[0]).toMatch(/JHT/);
  });

  it.each(["1.5", "1.5000.000", "15.00", "1,5 juta"])("a rupiah amount %j whose dots do not group thousands is refused", (typed) => {
    expect(Number.isNaN(parseRupiahInput(typed))).toBe(true);
    expect(refused({ ...VALID, plafon: typed }).plafon?.[0]).toMatch(/angka rupiah/);
  });

  it("the NIK is stored without the spaces typed between its groups", () => {
    expect(accepted({ ...VALID, nik: "3201 0117 0885 0001" }).nik).toBe(NIK_MAN);
  });
});

describe("the full e-form's KUR rules (Permenko Perekonomian 1/2022 jo. 1/2023, docs/regulation.md §1)", () => {
  it("a KUR kecil tenor above 48 months for working capital is an error on tenorMonths — Permenko 1/2023, docs/regulation.md §1 tenor cap", () => {
    expect(refused({ ...VALID, tenorMonths: "49" })).toEqual({
      tenorMonths: ["Jangka waktu KUR Kecil untuk modal kerja paling lama 48 bulan (4 tahun)."],
    });
    expect(accepted({ ...VALID, tenorMonths: "48" }).tenorMonths).toBe(48);
  });

  it("a KUR kecil for investment may run 60 months but not 61 — Permenko 1/2023, docs/regulation.md §1 tenor cap", () => {
    expect(accepted({ ...VALID, purpose: "INVESTMENT", tenorMonths: "60" }).purpose).toBe("INVESTMENT");
    expect(Object.keys(refused({ ...VALID, purpose: "INVESTMENT", tenorMonths: "61" }))).toEqual(["tenorMonths"]);
  });

  it("a business running under 6 months is an error on businessStartedOn; KUR super mikro is exempt — Permenko 1/2023, docs/regulation.md §1", () => {
    const young = addDays(TODAY, -60);
    expect(refused({ ...VALID, businessStartedOn: young }).businessStartedOn?.[0]).toMatch(/paling sedikit 6 bulan/);
    expect(
      accepted({ ...VALID, businessStartedOn: young, scheme: "SUPER_MIKRO", plafon: "10.000.000", npwp: "", attestNpwpPresent: "" }).businessStartedOn,
    ).toBe(young);
  });

  it("a business start date after today is an error even for super mikro", () => {
    const errors = refused({ ...VALID, scheme: "SUPER_MIKRO", plafon: "5.000.000", businessStartedOn: addDays(TODAY, 1) });
    expect(errors.businessStartedOn).toEqual(["Tanggal mulai usaha tidak boleh setelah hari ini."]);
  });

  const mikro = { ...VALID, scheme: "MIKRO", plafon: "50.000.000", npwp: "", attestNpwpPresent: "" };

  it("a KUR mikro trade debtor who already had 2 KUR mikro is refused on priorMikroCount — Permenko 1/2023 Pasal 24 ayat (4a)", () => {
    expect(refused({ ...mikro, priorMikroCount: "2" }).priorMikroCount?.[0]).toMatch(/paling banyak menerima KUR Mikro 2 kali.*Pasal 24 ayat \(4a\)/);
    expect(accepted({ ...mikro, priorMikroCount: "1" }).priorMikroCount).toBe(1);
  });

  it("the KUR mikro cap counts earlier KUR mikro only: 1 earlier mikro and 3 earlier kecil still allow a 2nd mikro — Permenko 1/2023 Pasal 24 ayat (4a)", () => {
    expect(accepted({ ...mikro, priorMikroCount: "1", priorKecilCount: "3" })).toMatchObject({ priorMikroCount: 1, priorKecilCount: 3 });
  });

  it("a KUR mikro farmer (KBLI 01) may have a 4th KUR mikro but not a 5th — Permenko 1/2023 Pasal 24 ayat (4)", () => {
    const farmer = { ...mikro, kbli: "01111" };
    expect(accepted({ ...farmer, priorMikroCount: "3" }).sectorGroup).toBe("AGRICULTURE");
    expect(Object.keys(refused({ ...farmer, priorMikroCount: "4" }))).toEqual(["priorMikroCount"]);
  });

  it("forestry (KBLI 02) is not a sector Pasal 24 ayat (4) names: a 3rd KUR mikro is refused, though it reports as AGRICULTURE", () => {
    const forester = { ...mikro, kbli: "02111" };
    expect(accepted({ ...forester, priorMikroCount: "1" }).sectorGroup).toBe("AGRICULTURE");
    expect(refused({ ...forester, priorMikroCount: "2" }).priorMikroCount?.[0]).toMatch(/Pasal 24 ayat \(4a\)/);
  });

  it("the repeat cap applies to KUR mikro only: a KUR kecil debtor with 5 earlier KUR mikro and kecil passes", () => {
    expect(accepted({ ...VALID, priorMikroCount: "5", priorKecilCount: "5" })).toMatchObject({ priorMikroCount: 5, priorKecilCount: 5 });
  });

  it("KUR mikro while holding KUR mikro: outstanding + plafon above Rp100.000.000 is refused on outstandingMikro, input kept — Permenko 1/2023 Pasal 24 ayat (1)", () => {
    const errors = refused({ ...mikro, priorMikroCount: "1", outstandingMikro: "60.000.000" });
    expect(errors).toEqual({
      outstandingMikro: [
        "Sisa pokok KUR Mikro yang berjalan (Rp60.000.000) ditambah plafon baru melebihi total outstanding Rp100.000.000; plafon KUR Mikro tambahan paling banyak Rp40.000.000 (Permenko 1/2023 Pasal 24 ayat (1)).",
      ],
    });
    expect(accepted({ ...mikro, priorMikroCount: "1", outstandingMikro: "50.000.000" }).outstandingMikro).toBe(50_000_000);
    expect(accepted({ ...mikro, outstandingMikro: "" }).outstandingMikro).toBe(0);
  });

  it("an outstanding KUR mikro with no earlier KUR mikro counted contradicts SLIK: refused on outstandingMikro", () => {
    expect(refused({ ...mikro, priorMikroCount: "0", outstandingMikro: "10.000.000" }).outstandingMikro?.[0]).toMatch(/periksa SLIK/);
  });

  it("an outstanding that is not a rupiah amount is refused on its field", () => {
    expect(refused({ ...mikro, priorMikroCount: "1", outstandingMikro: "banyak" }).outstandingMikro?.[0]).toMatch(/Sisa pokok KUR Mikro harus berupa angka rupiah/);
  });

  it("a business that employs workers needs JHT: unticked is an error on jht citing PP 46/2015 and Permenaker 5/2021 (docs/regulation.md §3.7)", () => {
    const employer = { ...VALID, employsWorkers: "on", workerCount: "4" };
    expect(refused({ ...employer, jht: "" })).toEqual({
      jht: [
        "JHT wajib dipilih: usaha debitur mempekerjakan pekerja (4 orang), sehingga debitur adalah peserta BPU pemberi kerja yang wajib ikut JHT (PP 46/2015 Pasal 4 ayat (3) huruf a; Permenaker 5/2021).",
      ],
    });
    expect(accepted(employer)).toMatchObject({ employsWorkers: true, workerCount: 4, jht: true });
    // Without workers JHT stays the debtor's choice.
    expect(accepted({ ...VALID, jht: "" })).toMatchObject({ employsWorkers: false, jht: false, workerCount: null });
  });

  it("employing workers asks how many: missing or 0 is an error on workerCount; a count without the box is dropped", () => {
    expect(refused({ ...VALID, employsWorkers: "on", workerCount: "" }).workerCount).toEqual(["Isi jumlah pekerja (1–9999) bila usaha mempekerjakan pekerja."]);
    expect(refused({ ...VALID, employsWorkers: "on", workerCount: "0" }).workerCount).toEqual(["Isi jumlah pekerja (1–9999) bila usaha mempekerjakan pekerja."]);
    expect(accepted({ ...VALID, workerCount: "7" }).workerCount).toBeNull();
  });

  it("in English the JHT error says the same", () => {
    const r = validateEnrolment({ ...VALID, employsWorkers: "on", workerCount: "1", jht: "" }, TODAY, { locale: "en" });
    expect(r.ok ? null : r.errors.jht).toEqual([
      "JHT must be chosen: the debtor's business employs workers (1 person), so the debtor is a BPU employer who must join JHT (PP 46/2015 Article 4(3)(a); Permenaker 5/2021).",
    ]);
  });

  it("an NPWP is required above Rp50.000.000: missing → errors on npwp and on its attestation (docs/regulation.md §1, bank practice)", () => {
    const errors = refused({ ...VALID, scheme: "MIKRO", plafon: "50.000.001", npwp: "", attestNpwpPresent: "" });
    expect(errors).toEqual({
      npwp: ["NPWP wajib diisi untuk plafon di atas Rp50.000.000."],
      attestNpwpPresent: ["Untuk plafon di atas Rp50.000.000, centang bahwa NPWP debitur ada."],
    });
  });

  it("at exactly Rp50.000.000 the NPWP and its attestation are optional (docs/regulation.md §1)", () => {
    const data = accepted({ ...VALID, scheme: "MIKRO", plafon: "50.000.000", npwp: "", attestNpwpPresent: "" });
    expect(data.npwp).toBeNull();
    expect(data.attestNpwpPresent).toBe(false);
  });

  it("a legacy 15-digit NPWP is stored as 16 digits with a leading 0; a malformed one is an error on npwp (docs/regulation.md §6)", () => {
    expect(accepted({ ...VALID, npwp: "01.234.567.8-901.000" }).npwp).toBe("0012345678901000");
    expect(Object.keys(refused({ ...VALID, npwp: "12345" }))).toEqual(["npwp"]);
  });

  it("the KBLI code gives the KUR sector group; an unknown division is an error on kbli (docs/regulation.md §6, KBLI 2020)", () => {
    expect(accepted({ ...VALID, kbli: "47111" }).sectorGroup).toBe("TRADE");
    expect(accepted({ ...VALID, kbli: "03111" }).sectorGroup).toBe("FISHERIES");
    expect(refused({ ...VALID, kbli: "04111" }).kbli?.[0]).toMatch(/tidak dikenal/);
    expect(Object.keys(refused({ ...VALID, kbli: "4711" }))).toEqual(["kbli"]);
  });

  it("the NIB is optional, and when given must be 13 digits (docs/regulation.md §6)", () => {
    expect(accepted({ ...VALID, nib: "" }).nib).toBeNull();
    expect(accepted({ ...VALID, nib: "9120 0012 3456 7" }).nib).toBe("9120001234567");
    expect(refused({ ...VALID, nib: "12345" })).toEqual({ nib: ["NIB harus 13 digit angka."] });
  });

  it("a planned disbursement date before today is an error; today itself is fine", () => {
    expect(refused({ ...VALID, plannedDisbursementDate: addDays(TODAY, -1) })).toEqual({
      plannedDisbursementDate: ["Rencana tanggal pencairan tidak boleh sebelum hari ini."],
    });
    expect(accepted({ ...VALID, plannedDisbursementDate: TODAY }).plannedDisbursementDate).toBe(TODAY);
  });

  it.each(["0", "13", "abc", "1.5"])("%j months paid in advance is outside 1–12: an error on monthsInAdvance", (monthsInAdvance) => {
    expect(Object.keys(refused({ ...VALID, monthsInAdvance }))).toEqual(["monthsInAdvance"]);
  });

  it("12 months paid in advance is accepted", () => {
    expect(accepted({ ...VALID, monthsInAdvance: "12" }).monthsInAdvance).toBe(12);
  });

  it("the loan number is stored upper-case without spaces; other characters are an error", () => {
    expect(accepted({ ...VALID, loanNumber: " bri-bdg 2026/0001 " }).loanNumber).toBe("BRI-BDG2026/0001");
    expect(Object.keys(refused({ ...VALID, loanNumber: "BRI#2026" }))).toEqual(["loanNumber"]);
  });

  it("the heir's phone is stored in E.164; a landline is an error on heirPhone (docs/regulation.md §6)", () => {
    expect(accepted({ ...VALID, heirPhone: "0857 1234 5678" }).heirPhone).toBe("+6285712345678");
    expect(Object.keys(refused({ ...VALID, heirPhone: "022-7312345" }))).toEqual(["heirPhone"]);
  });

  it("the heir's relationship is one of the known relationships", () => {
    expect(accepted({ ...VALID, heirRelationship: "CHILD" }).heirRelationship).toBe("CHILD");
    expect(refused({ ...VALID, heirRelationship: "COUSIN" })).toEqual({ heirRelationship: ["Pilih hubungan ahli waris."] });
  });

  it("the e-mail is optional; a malformed one is an error on email", () => {
    expect(accepted({ ...VALID, email: "budi@contoh.id" }).participant?.email).toBe("budi@contoh.id");
    expect(Object.keys(refused({ ...VALID, email: "budi@" }))).toEqual(["email"]);
  });

  it("the address province must be one of the 38 provinces (docs/regulation.md §7)", () => {
    expect(refused({ ...VALID, addressProvinceCode: "99" })).toEqual({ addressProvinceCode: ["Pilih provinsi alamat."] });
  });
});

describe("attestations (docs/regulation.md §1) and consent (UU 27/2022)", () => {
  it.each(["attestNikChecked", "attestSlikChecked", "attestNoOtherKur"])(
    "the officer's statement %s must be ticked to submit — docs/regulation.md §1 eligibility attested on the form",
    (field) => {
      const raw: Record<string, string> = { ...VALID };
      delete raw[field];
      expect(refused(raw)).toEqual({ [field]: ["Centang pernyataan ini sebelum mengirim: syarat KUR (Permenko 1/2023) yang dinyatakan petugas."] });
    },
  );

  it("the debtor's consent to share data must be given — UU 27/2022 Pasal 20 ayat (2) huruf a", () => {
    const raw: Record<string, string> = { ...VALID };
    delete raw.consent;
    expect(refused(raw)).toEqual({ consent: ["Pendaftaran memerlukan persetujuan debitur untuk berbagi data (UU 27/2022)."] });
  });

  it("a consent given on an older text version is refused, so the stored version is the one read to the debtor — UU 27/2022 Pasal 22", () => {
    expect(Object.keys(refused({ ...VALID, consentTextVersion: "pdp-bpjstk-v0@2020-01-01" }))).toEqual(["consentTextVersion"]);
  });

  it("the consent text of the current version exists in both languages", () => {
    expect(consentText(CONSENT_TEXT_VERSION, "id")).toMatch(/UU 27\/2022/);
    expect(consentText(CONSENT_TEXT_VERSION, "en")).toMatch(/Law 27\/2022/);
    expect(consentText("unknown", "id")).toBeNull();
  });
});

describe("a NIK that is already a participant: the stored data is reused, not typed again", () => {
  const PARTICIPANT_FIELDS = ["fullName", "birthPlace", "birthDate", "sex", "motherMaidenName", "phone", "email", "addressProvinceCode", "addressRegency", "addressDistrict", "addressStreet"];

  it("the participant's fields are neither required nor read, and the input carries no participant", () => {
    const raw = Object.fromEntries(Object.entries(VALID).filter(([k]) => !PARTICIPANT_FIELDS.includes(k)));
    const data = accepted(raw, true);
    expect(data.participant).toBeNull();
    expect(data.nik).toBe(NIK_MAN);
  });

  it("typed participant data is ignored rather than checked against the NIK (the stored participant wins)", () => {
    expect(accepted({ ...VALID, birthDate: "1990-01-01", sex: "P", phone: "x" }, true).participant).toBeNull();
  });
});

describe("validation messages follow the UI language", () => {
  it("an empty form in English reports the same fields with English messages", () => {
    const errors = refused({}, "en");
    expect(Object.keys(errors).sort()).toEqual([...REQUIRED_FIELDS].sort());
    expect(errors.nik).toEqual(["NIK is required."]);
    expect(errors.fullName).toEqual(["Full name as on the ID card is required."]);
    expect(errors.sex).toEqual(["Choose the sex."]);
    expect(errors.consent).toEqual(["The enrolment needs the debtor's consent to share data (Law 27/2022)."]);
  });

  it("rule messages from lib/rules come in English too: NIK mismatch, plafon band, tenor cap", () => {
    const errors = refused({ ...VALID, birthDate: "1985-08-18", plafon: "100.000.000", tenorMonths: "49" }, "en");
    expect(errors.birthDate).toEqual(["The date of birth does not match the NIK (the NIK shows 17/08/1985)."]);
    expect(errors.plafon?.[0]).toMatch(/^The KUR Kecil plafon must be above/);
    expect(errors.tenorMonths?.[0]).toMatch(/at most 48 months/);
  });

  it("an invalid NIK in English", () => {
    expect(refused({ ...VALID, nik: "123" }, "en")).toEqual({ nik: ["The NIK must be 16 digits."] });
  });
});

describe("drafts: the form as typed, checked only for size and shape", () => {
  it("keeps the known fields as strings and drops the rest", () => {
    const parsed = DraftData.parse({ nik: "3201", fullName: "Bu", role: "ADMIN", plafon: 5 });
    expect(parsed).toEqual({ nik: "3201", fullName: "Bu" });
  });

  it("an incomplete or invalid form is still a valid draft", () => {
    expect(DraftData.safeParse({ nik: "abc", plafon: "lots" }).success).toBe(true);
  });

  it("every field is cut to 300 characters, so even a form filled to the brim stays under the 16 kB draft limit", () => {
    const brim = Object.fromEntries(FORM_FIELD_ORDER.map((f) => [f, "x".repeat(10_000)]));
    const parsed = DraftData.parse(brim);
    expect(Object.values(parsed).every((v) => v.length === 300)).toBe(true);
    expect(JSON.stringify(parsed).length).toBeLessThan(16_000);
  });

  it("the label is the typed name and the NIK's last 4 digits, or says it has no name", () => {
    expect(draftLabel({ fullName: "  Budi   Santoso ", nik: "3201 0117 0885 0001" })).toBe("Budi Santoso · NIK …0001");
    expect(draftLabel({ nik: "32" })).toBe("(tanpa nama)");
    expect(draftLabel({}, "en")).toBe("(no name)");
  });
});
