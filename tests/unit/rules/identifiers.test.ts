import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  AREA_CODES_VERSION,
  NIK_PROVINCE_CODES,
  addDays,
  addMonthsToDate,
  ageOn,
  checkKbli,
  checkKpj,
  checkNib,
  checkNikAgainstForm,
  normalizeNpwp,
  normalizePhone,
  isPossibleDistrictCode,
  isPossibleRegencyCode,
  parseNik,
  regencyCodesOf,
  type NikInfo,
  type RuleIssue,
} from "@/lib/rules";
import { enText, expectIssue, idText } from "./rule-text";

const TODAY = "2026-11-21";

/** Builds a NIK from its parts (docs/regulation.md §6): PP RR DD + DDMMYY (day + 40 for women) + SSSS. */
function nik(parts: { province?: string; regency?: string; district?: string; ddmmyy: string; serial?: string }): string {
  return `${parts.province ?? "32"}${parts.regency ?? "01"}${parts.district ?? "07"}${parts.ddmmyy}${parts.serial ?? "0001"}`;
}

function parsed(raw: string, today = TODAY): NikInfo {
  const r = parseNik(raw, today);
  if (!r.ok) throw new Error(`expected a valid NIK, got: ${idText(r.issue)}`);
  return r.value;
}

function error(raw: string, today = TODAY): RuleIssue {
  const r = parseNik(raw, today);
  if (r.ok) throw new Error(`expected ${raw} to be refused`);
  return r.issue;
}

/** The highest district number today's area data allows for a listed regency. */
function districtMaxOf(province: string, regency: string): number {
  let max = 0;
  for (let d = 1; d <= 99; d++) if (isPossibleDistrictCode(province, regency, String(d).padStart(2, "0"))) max = d;
  return max;
}

describe("NIK area segments as Kemendagri issues them (docs/regulation.md §6.1; idn-area-data reference)", () => {
  it("refuses a regency/city code the province has never used, naming digits 3–4", () => {
    // Jawa Barat lists kabupaten 01–18 and kota 71–79.
    expect(error(nik({ regency: "19", ddmmyy: "170885" }))).toEqual({ code: "nik.unknownRegency", params: { province: "32", regency: "19" } });
    expectIssue(
      error(nik({ regency: "80", ddmmyy: "170885" })),
      "nik.unknownRegency",
      "Kode kabupaten/kota NIK (digit 3–4: 80) tidak ada di provinsi 32 menurut data wilayah Kemendagri.",
    );
    expect(enText(error(nik({ regency: "00", ddmmyy: "170885" })))).toBe(
      "The NIK regency/city code (digits 3–4: 00) does not exist in province 32 in Kemendagri's area data.",
    );
  });

  it("refuses a district code beyond the regency's districts, naming digits 5–6", () => {
    // Kota Bandung (32.73) has 30 kecamatan.
    expect(parsed(nik({ regency: "73", district: "30", ddmmyy: "170885" })).districtCode).toBe("30");
    expect(error(nik({ regency: "73", district: "31", ddmmyy: "170885" }))).toEqual({
      code: "nik.unknownDistrict",
      params: { province: "32", regency: "73", district: "31" },
    });
    expectIssue(
      error(nik({ regency: "73", district: "00", ddmmyy: "170885" })),
      "nik.unknownDistrict",
      "Kode kecamatan NIK (digit 5–6: 00) tidak ada di kabupaten/kota 32.73 menurut data wilayah Kemendagri.",
    );
  });

  it("accepts a NIK issued in Papua before the 2022 split: Merauke was 91.01 (now 93.01), a gap below Papua's highest code", () => {
    expect(regencyCodesOf("91")).not.toContain("01");
    expect(isPossibleRegencyCode("91", "01")).toBe(true);
    expect(parsed("9101011708850001").regencyCode).toBe("01");
    expect(parsed("9301011708850001").provinceCode).toBe("93");
    // Beyond the highest regency Papua has ever listed, or a kota number it does not use, stays refused.
    expect(isPossibleRegencyCode("91", "21")).toBe(false);
    expect(isPossibleRegencyCode("91", "72")).toBe(false);
  });

  it("the area table is generated from idn-area-data and matches the package", async () => {
    const { areaCodeTable } = await import("@/scripts/generate-area-codes");
    const table = await areaCodeTable();
    expect(table.version).toBe(AREA_CODES_VERSION);
    for (const [province, regencies] of Object.entries(table.regencies)) {
      expect(regencyCodesOf(province)).toEqual(regencies);
      for (const r of regencies) expect(districtMaxOf(province, r)).toBe(table.districtMax[`${province}${r}`]);
    }
    expect(Object.keys(table.regencies).sort()).toEqual([...NIK_PROVINCE_CODES].sort());
  });
});

describe("NIK layout (docs/regulation.md §6)", () => {
  it("reads a man's NIK: province, regency, district, birth date DDMMYY and serial", () => {
    expect(parseNik("3201071708850001", TODAY)).toEqual({
      ok: true,
      value: {
        nik: "3201071708850001",
        provinceCode: "32",
        regencyCode: "01",
        districtCode: "07",
        birthDate: "1985-08-17",
        sex: "L",
        serial: "0001",
      },
    });
  });

  it.each([
    ["41", "01", "90", "1990-01-01"],
    ["57", "08", "85", "1985-08-17"],
    ["71", "01", "90", "1990-01-31"],
    ["69", "02", "00", "2000-02-29"],
  ])("a woman's NIK has 40 added to the day: day %s, month %s, year %s → %s", (dd, mm, yy, birthDate) => {
    expect(parsed(nik({ ddmmyy: `${dd}${mm}${yy}` }))).toMatchObject({ sex: "P", birthDate });
  });

  it.each([
    ["00", "08", "85"],
    ["32", "08", "85"],
    ["40", "08", "85"],
    ["72", "08", "85"],
    ["99", "08", "85"],
    ["31", "02", "85"], // 31 February
    ["30", "02", "85"],
    ["71", "02", "85"], // 31 February, woman
    ["29", "02", "01"], // 2001 and 1901 are common years
    ["31", "04", "85"], // 31 April
    ["15", "00", "85"],
    ["15", "13", "85"],
  ])("refuses an impossible birth date: day %s, month %s, year %s", (dd, mm, yy) => {
    expectIssue(
      error(nik({ ddmmyy: `${dd}${mm}${yy}` })),
      "nik.invalidBirthDate",
      "Tanggal lahir dalam NIK (digit 7–12, DDMMYY; tanggal perempuan ditambah 40) tidak valid.",
    );
  });

  it.each(["11", "19", "21", "31", "36", "51", "53", "61", "65", "71", "76", "81", "82", "91", "96"])("accepts province code %s", (province) => {
    expect(parsed(nik({ province, regency: regencyCodesOf(province)[0], district: "01", ddmmyy: "170885" })).provinceCode).toBe(province);
  });

  it.each(["99", "20", "10", "22", "37", "54", "66", "77", "83", "90", "97", "00"])("refuses unknown province code %s", (province) => {
    expect(error(nik({ province, ddmmyy: "170885" }))).toEqual({ code: "nik.unknownProvince", params: { province } });
    expectIssue(
      error(nik({ province, ddmmyy: "170885" })),
      "nik.unknownProvince",
      `Kode provinsi NIK (digit 1–2: ${province}) tidak ada dalam daftar provinsi Kemendagri.`,
    );
  });

  it("refuses serial 0000", () => {
    expectIssue(
      error(nik({ ddmmyy: "170885", serial: "0000" })),
      "nik.zeroSerial",
      "Nomor urut NIK (digit 13–16) tidak boleh 0000; nomor urut dimulai dari 0001.",
    );
    expect(parsed(nik({ ddmmyy: "170885", serial: "9999" })).serial).toBe("9999");
  });

  it.each(["320107170885000", "32010717088500011", "3201O71708850001", "", "32-01-07-170885-0001"])(
    "refuses %j: a NIK is 16 digits",
    (raw) => {
      expectIssue(error(raw), "nik.format", "NIK harus 16 digit angka.");
    },
  );

  it("strips spaces before parsing", () => {
    expect(parsed(" 3201 0717 0885 0001 ").nik).toBe("3201071708850001");
  });

  it("rejects a malformed today: a programming error, not user input", () => {
    expect(() => parseNik("3201071708850001", "21/11/2026")).toThrow(RangeError);
  });
});

describe("NIK century: the reading that gives an age of 17 to 100 on today's date (docs/regulation.md §6)", () => {
  it.each([
    ["170885", TODAY, "1985-08-17"],
    ["010105", TODAY, "2005-01-01"],
    ["211109", TODAY, "2009-11-21"], // 17 today
    ["211126", TODAY, "1926-11-21"], // 100 today
    ["221125", TODAY, "1925-11-22"], // 100 until tomorrow
    ["010140", TODAY, "1940-01-01"],
    ["010140", "2060-01-01", "2040-01-01"], // the same digits, read later, are the later century
  ])("%s on %s is born %s", (ddmmyy, today, birthDate) => {
    expect(parsed(nik({ ddmmyy }), today).birthDate).toBe(birthDate);
  });

  it.each([
    ["221109", "16 today (or 116)"],
    ["211125", "101 today (or 1)"],
    ["010120", "6 (or 106)"],
  ])("refuses %s: %s", (ddmmyy) => {
    expect(error(nik({ ddmmyy }))).toEqual({ code: "nik.ageOutOfRange", params: { min: 17, max: 100 } });
    expectIssue(error(nik({ ddmmyy })), "nik.ageOutOfRange", "Umur menurut tanggal lahir dalam NIK (digit 7–12) harus antara 17 dan 100 tahun.");
  });

  it("parses every generated valid NIK back to its parts", () => {
    const todayArb = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDays("2000-01-01", n));
    fc.assert(
      fc.property(
        todayArb,
        fc.integer({ min: 17, max: 99 }),
        fc.integer({ min: 1, max: 364 }),
        // Regency and district codes that exist in Kemendagri's area data (docs/regulation.md §6.1).
        fc.constantFrom(...NIK_PROVINCE_CODES).chain((p) =>
          fc.constantFrom(...regencyCodesOf(p)).chain((r) => fc.integer({ min: 1, max: districtMaxOf(p, r) }).map((d) => [p, r, d] as const)),
        ),
        fc.constantFrom("L" as const, "P" as const),
        fc.integer({ min: 1, max: 9999 }),
        (today, age, dayOffset, [province, regencyCode, district], sex, serialNo) => {
          const regency = Number(regencyCode);
          // A birth date strictly inside the year in which the person is `age` years old.
          const birthDate = addDays(addMonthsToDate(today, -12 * (age + 1)), dayOffset);
          fc.pre(ageOn(birthDate, today) === age);
          const [y, m, d] = birthDate.split("-");
          const day = Number(d) + (sex === "P" ? 40 : 0);
          const pad = (n: number) => String(n).padStart(2, "0");
          const serial = String(serialNo).padStart(4, "0");
          const raw = `${province}${pad(regency)}${pad(district)}${pad(day)}${m}${y?.slice(2)}${serial}`;
          expect(parseNik(raw, today)).toEqual({
            ok: true,
            value: { nik: raw, provinceCode: province, regencyCode: pad(regency), districtCode: pad(district), birthDate, sex, serial },
          });
        },
      ),
    );
  });
});

describe("the form's date of birth and sex must agree with the NIK (docs/regulation.md §6)", () => {
  const man = parsed("3201071708850001");
  const woman = parsed("3201075708850002");

  it("no issue when both agree", () => {
    expect(checkNikAgainstForm(man, { birthDate: "1985-08-17", sex: "L" })).toEqual({ birthDate: null, sex: null });
  });

  it("names what the NIK shows when the form disagrees", () => {
    const manMismatch = checkNikAgainstForm(man, { birthDate: "1985-08-18", sex: "P" });
    expect(manMismatch).toEqual({
      birthDate: { code: "nik.birthDateMismatch", params: { expected: "17/08/1985" } },
      sex: { code: "nik.sexMismatch", params: { sex: "L" } },
    });
    expectIssue(manMismatch.birthDate, "nik.birthDateMismatch", "Tanggal lahir tidak sesuai dengan NIK (NIK menunjukkan 17/08/1985).");
    expectIssue(manMismatch.sex, "nik.sexMismatch", "Jenis kelamin tidak sesuai dengan NIK (NIK menunjukkan laki-laki).");
    const womanMismatch = checkNikAgainstForm(woman, { birthDate: "1985-08-17", sex: "L" });
    expect(womanMismatch.birthDate).toBeNull();
    expectIssue(womanMismatch.sex, "nik.sexMismatch", "Jenis kelamin tidak sesuai dengan NIK (NIK menunjukkan perempuan).");
    expect(enText(womanMismatch.sex!)).toBe("The sex does not match the NIK (the NIK shows female).");
    expect(enText(checkNikAgainstForm(woman, { birthDate: "1985-08-16", sex: "P" }).birthDate!)).toBe(
      "The date of birth does not match the NIK (the NIK shows 17/08/1985).",
    );
  });
});

describe("mobile phone: 08…, 62…, +62… stored as +628… with 9–12 digits after +62 (docs/regulation.md §6)", () => {
  it.each([
    ["081234567890", "+6281234567890"],
    ["0812-3456-7890", "+6281234567890"],
    ["0812 3456 7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["+62 (812) 3456.7890", "+6281234567890"],
    ["0812345678", "+62812345678"], // 9 digits after +62
    ["0812345678901", "+62812345678901"], // 12 digits after +62
  ])("accepts %j as %s", (raw, e164) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, value: e164 });
  });

  it.each([
    ["081234567", "phone.length", "Nomor HP harus 10–13 digit bila ditulis dengan awalan 08."], // 8 digits after +62: too short
    ["08123456", "phone.length", "Nomor HP harus 10–13 digit bila ditulis dengan awalan 08."],
    ["08123456789012", "phone.length", "Nomor HP harus 10–13 digit bila ditulis dengan awalan 08."], // 13 digits: too long
    ["0215551234", "phone.notMobile", "Nomor HP harus nomor seluler (diawali 08); nomor telepon rumah atau kantor tidak diterima."],
    ["+622155512345", "phone.notMobile", "Nomor HP harus nomor seluler (diawali 08); nomor telepon rumah atau kantor tidak diterima."],
    ["+6591234567", "phone.notIndonesian", "Hanya nomor HP Indonesia (+62) yang diterima."],
    ["81234567890", "phone.badPrefix", "Nomor HP harus diawali 08, 62, atau +62."],
    ["0812abc7890", "phone.invalidCharacters", "Nomor HP hanya boleh berisi angka, spasi, tanda hubung, dan awalan +62."],
    ["   ", "phone.required", "Nomor HP wajib diisi."],
  ] as const)("refuses %j (%s)", (raw, code, message) => {
    const r = normalizePhone(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expectIssue(r.issue, code, message);
  });

  it("normalises the three accepted spellings of every valid mobile number to the same E.164 form", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^8\d{8,11}$/), (national) => {
        const expected = { ok: true, value: `+62${national}` };
        expect(normalizePhone(`0${national}`)).toEqual(expected);
        expect(normalizePhone(`62${national}`)).toEqual(expected);
        expect(normalizePhone(`+62 ${national}`)).toEqual(expected);
      }),
    );
  });
});

describe("NPWP: 16 digits, a legacy 15-digit value prefixed with 0 (docs/regulation.md §6)", () => {
  it.each([
    ["01.234.567.8-901.000", "0012345678901000"],
    ["012345678901000", "0012345678901000"],
    ["0012345678901000", "0012345678901000"],
    ["3201071708850001", "3201071708850001"], // an individual's NIK
    [" 0012 3456 7890 1000 ", "0012345678901000"],
  ])("accepts %j as %s", (raw, value) => {
    expect(normalizeNpwp(raw)).toEqual({ ok: true, value });
  });

  it.each(["01234567890100", "01.234.567.8-901.00", "00123456789010001", "01.234.567.8-901.00A", ""])("refuses %j", (raw) => {
    const r = normalizeNpwp(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expectIssue(r.issue, "npwp.format", "NPWP harus 16 digit, atau 15 digit format lama (contoh 01.234.567.8-901.000).");
  });
});

describe("NIB 13 digits, KBLI 2020 5 digits, KPJ 11 digits (docs/regulation.md §6)", () => {
  it.each([
    ["1234567890123", true],
    ["1234 5678 90123", true],
    ["123456789012", false],
    ["12345678901234", false],
    ["12345678901a3", false],
  ])("NIB %j valid: %s", (raw, valid) => {
    const r = checkNib(raw);
    expect(r.ok).toBe(valid);
    if (!r.ok) expectIssue(r.issue, "nib.format", "NIB harus 13 digit angka.");
  });

  it.each([
    ["47111", true],
    ["01111", true],
    ["99000", true],
    ["4711", false],
    ["471111", false],
    ["4711a", false],
  ])("KBLI %j valid: %s", (raw, valid) => {
    const r = checkKbli(raw);
    expect(r.ok).toBe(valid);
    if (!r.ok) expectIssue(r.issue, "kbli.format", "KBLI harus 5 digit angka (KBLI 2020).");
  });

  it("refuses a KBLI whose division does not exist in KBLI 2020", () => {
    const r = checkKbli("04111");
    expect(r).toEqual({ ok: false, issue: { code: "kbli.unknownDivision", params: { code: "04111", division: "04" } } });
    if (!r.ok) expectIssue(r.issue, "kbli.unknownDivision", "Kode KBLI 04111 tidak dikenal: golongan pokok 04 tidak ada dalam KBLI 2020.");
  });

  it.each([
    ["12345678901", true],
    ["1234567890", false],
    ["123456789012", false],
    ["1234567890x", false],
  ])("KPJ %j valid: %s", (raw, valid) => {
    const r = checkKpj(raw);
    expect(r.ok).toBe(valid);
    if (!r.ok) expectIssue(r.issue, "kpj.format", "Nomor KPJ harus 11 digit angka.");
  });
});
