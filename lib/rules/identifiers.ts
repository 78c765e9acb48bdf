/**
 * Identifiers on the e-form (docs/regulation.md §6): NIK, phone, NPWP, NIB, KBLI, KPJ. Each check returns the
 * normalised value or a RuleIssue (code + parameters, ./issues.ts); user input never throws. Only a malformed `today`
 * (a programming error, not user input) throws RangeError.
 */
import { ageOn, formatDateId, isIsoDate, parseIsoDate, toIsoDate } from "./dates";
import { issue, type Check, type RuleIssue, type RuleIssueCode, type RuleIssueParams } from "./issues";
import { NIK_PROVINCE_CODES, isPossibleDistrictCode, isPossibleRegencyCode } from "./provinces";
import { isKnownKbliDivision } from "./sectors";

export type { Check } from "./issues";

function ok<T>(value: T): Check<T> {
  return { ok: true, value };
}

function fail<T>(code: RuleIssueCode, params?: RuleIssueParams): Check<T> {
  return { ok: false, issue: issue(code, params) };
}

function stripWhitespace(raw: string): string {
  return raw.replace(/\s+/g, "");
}

// ---------------------------------------------------------------------------------------------------
// NIK

export type Sex = "L" | "P";

export interface NikInfo {
  nik: string;
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  birthDate: string /*YYYY-MM-DD*/;
  sex: Sex;
  serial: string;
}

/** Age range in which a NIK's two-digit birth year is resolved (docs/regulation.md §6). */
export const NIK_MIN_AGE = 17;
export const NIK_MAX_AGE = 100;

/**
 * Parses a NIK (docs/regulation.md §6.1): 16 digits = province (2, from the 38-province list) + regency/city
 * (2) + district (2), both checked against Kemendagri's area codes (`isPossibleRegencyCode`,
 * `isPossibleDistrictCode`, ./data/area-codes.ts) + birth date DDMMYY, with 40 added to the day for women +
 * serial (4, from 0001). Each refusal names the segment (`nik.unknownProvince`, `nik.unknownRegency`,
 * `nik.unknownDistrict`, `nik.invalidBirthDate`, `nik.zeroSerial`).
 *
 * The two-digit year is ambiguous: of the current and the previous century, the one giving an age of
 * 17–100 on `today` is chosen (the two readings are 100 years apart, so at most one fits); if none
 * fits, the NIK is rejected. Spaces are stripped first.
 */
export function parseNik(raw: string, today: string): Check<NikInfo> {
  const t = parseIsoDate(today);
  if (!t) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(today)}`);
  const nik = stripWhitespace(raw);
  if (!/^\d{16}$/.test(nik)) return fail("nik.format");

  const provinceCode = nik.slice(0, 2);
  if (!NIK_PROVINCE_CODES.includes(provinceCode)) {
    return fail("nik.unknownProvince", { province: provinceCode });
  }
  const regencyCode = nik.slice(2, 4);
  if (!isPossibleRegencyCode(provinceCode, regencyCode)) {
    return fail("nik.unknownRegency", { province: provinceCode, regency: regencyCode });
  }
  const districtCode = nik.slice(4, 6);
  if (!isPossibleDistrictCode(provinceCode, regencyCode, districtCode)) {
    return fail("nik.unknownDistrict", { province: provinceCode, regency: regencyCode, district: districtCode });
  }

  const invalidDate = fail<NikInfo>("nik.invalidBirthDate");
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  let sex: Sex;
  let day: number;
  if (rawDay >= 1 && rawDay <= 31) {
    sex = "L";
    day = rawDay;
  } else if (rawDay >= 41 && rawDay <= 71) {
    sex = "P";
    day = rawDay - 40;
  } else {
    return invalidDate;
  }
  if (month < 1 || month > 12) return invalidDate;

  const serial = nik.slice(12, 16);
  if (serial === "0000") {
    return fail("nik.zeroSerial");
  }

  const century = Math.floor(t.year / 100);
  const calendarValid = [century, century - 1]
    .map((c) => toIsoDate(c * 100 + yy, month, day))
    .filter((d) => isIsoDate(d)); // drops 31/02 and 29/02 of a common year
  if (calendarValid.length === 0) return invalidDate;
  const birthDate = calendarValid.find((d) => {
    const age = ageOn(d, today);
    return age >= NIK_MIN_AGE && age <= NIK_MAX_AGE;
  });
  if (!birthDate) {
    return fail("nik.ageOutOfRange", { min: NIK_MIN_AGE, max: NIK_MAX_AGE });
  }

  return ok({
    nik,
    provinceCode,
    regencyCode,
    districtCode,
    birthDate,
    sex,
    serial,
  });
}

/**
 * The form's date of birth and sex must agree with the NIK (docs/regulation.md §6). One issue per field,
 * null where the field agrees: `nik.birthDateMismatch` { expected: "17/08/1985" } and
 * `nik.sexMismatch` { sex: "L" | "P" } (what the NIK shows).
 */
export function checkNikAgainstForm(
  nik: NikInfo,
  form: { birthDate: string; sex: Sex },
): { birthDate: RuleIssue | null; sex: RuleIssue | null } {
  const birthDate =
    form.birthDate === nik.birthDate ? null : issue("nik.birthDateMismatch", { expected: formatDateId(nik.birthDate) });
  const sex = form.sex === nik.sex ? null : issue("nik.sexMismatch", { sex: nik.sex });
  return { birthDate, sex };
}

// ---------------------------------------------------------------------------------------------------
// Phone

/** Digits after +62 in a mobile number (docs/regulation.md §6). */
export const PHONE_MIN_DIGITS = 9;
export const PHONE_MAX_DIGITS = 12;

/**
 * Accepts 08…, 62…, +62… with spaces, dashes, dots or brackets; returns E.164 "+628…" with 9–12
 * digits after +62. Only mobiles are accepted (8 after the country code): the portal sends the
 * debtor SMS/WhatsApp notices, which a landline (021…) cannot receive.
 */
export function normalizePhone(raw: string): Check<string> {
  const compact = raw.trim().replace(/[\s\-.()]/g, "");
  if (compact === "") return fail("phone.required");
  if (!/^\+?\d+$/.test(compact)) {
    return fail("phone.invalidCharacters");
  }
  let national: string;
  if (compact.startsWith("+62")) national = compact.slice(3);
  else if (compact.startsWith("+")) {
    return fail("phone.notIndonesian");
  } else if (compact.startsWith("62")) national = compact.slice(2);
  else if (compact.startsWith("0")) national = compact.slice(1);
  else return fail("phone.badPrefix");

  if (!national.startsWith("8")) {
    return fail("phone.notMobile");
  }
  if (national.length < PHONE_MIN_DIGITS || national.length > PHONE_MAX_DIGITS) {
    // Counted as written with the 08 prefix: the leading 0 is one more digit.
    return fail("phone.length", { min: PHONE_MIN_DIGITS + 1, max: PHONE_MAX_DIGITS + 1 });
  }
  return ok(`+62${national}`);
}

// ---------------------------------------------------------------------------------------------------
// NPWP, NIB, KBLI, KPJ

/**
 * NPWP is 16 digits; a legacy 15-digit NPWP (e.g. 01.234.567.8-901.000) is normalised by prefixing
 * '0' (docs/regulation.md §6). An individual may give their NIK, which is already 16 digits.
 */
export function normalizeNpwp(raw: string): Check<string> {
  const compact = raw.trim().replace(/[\s.\-]/g, "");
  if (/^\d{16}$/.test(compact)) return ok(compact);
  if (/^\d{15}$/.test(compact)) return ok(`0${compact}`);
  return fail("npwp.format");
}

/** NIB, the OSS business id: 13 digits. */
export function checkNib(raw: string): Check<string> {
  const compact = stripWhitespace(raw);
  if (/^\d{13}$/.test(compact)) return ok(compact);
  return fail("nib.format");
}

/** KBLI 2020 code: 5 digits whose first two form a division that exists in KBLI 2020. */
export function checkKbli(raw: string): Check<string> {
  const compact = stripWhitespace(raw);
  if (!/^\d{5}$/.test(compact)) return fail("kbli.format");
  const division = compact.slice(0, 2);
  if (!isKnownKbliDivision(Number(division))) {
    return fail("kbli.unknownDivision", { code: compact, division });
  }
  return ok(compact);
}

/** KPJ, the participant number issued on approval: exactly 11 digits. */
export function checkKpj(raw: string): Check<string> {
  const compact = stripWhitespace(raw);
  if (/^\d{11}$/.test(compact)) return ok(compact);
  return fail("kpj.format");
}
