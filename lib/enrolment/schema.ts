/**
 * The e-form's one schema, used by the browser (live feedback) and by the server action (the
 * decision that counts). Shape checks are zod; the regulation's checks come from lib/rules, so no
 * rule is written twice.
 */
import { z } from "zod";
import {
  KUR_SCHEMES,
  checkNikAgainstForm,
  checkPlafon,
  isIsoDate,
  normalizePhone,
  parseNik,
  type NikInfo,
} from "@/lib/rules";

/** Rupiah typed by a person: "150.000.000", "Rp 150.000.000" or "150000000". */
export function parseRupiahInput(value: unknown): unknown {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const cleaned = value.replace(/^\s*rp\.?\s*/i, "").replace(/\s/g, "");
  if (cleaned === "") return undefined;
  // Dots only as id-ID thousands separators: "1.5" must not silently become 15.
  if (/^\d+$/.test(cleaned)) return Number(cleaned);
  if (/^\d{1,3}(\.\d{3})+$/.test(cleaned)) return Number(cleaned.replace(/\./g, ""));
  return Number.NaN;
}

function rupiah(label: string) {
  return z.preprocess(
    parseRupiahInput,
    z
      .number({ error: (issue) => (issue.input === undefined ? `${label} wajib diisi.` : `${label} harus berupa angka rupiah, mis. 150.000.000.`) })
      .int(`${label} harus bilangan bulat rupiah.`)
      .positive(`${label} harus lebih dari Rp0.`)
      .max(1_000_000_000_000, `${label} terlalu besar.`),
  );
}

const requiredText = (message: string, max: number) =>
  z.string({ error: message }).trim().min(1, message).max(max, `Paling banyak ${max} karakter.`);

/** Field-by-field shape of the e-form, as FormData delivers it (strings; a ticked checkbox is "on"). */
export const EnrolmentFields = z.object({
  submissionKey: z.uuid({ error: "Formulir ini kedaluwarsa. Muat ulang halaman lalu isi kembali." }),
  nik: requiredText("NIK wajib diisi.", 40),
  fullName: requiredText("Nama lengkap sesuai KTP wajib diisi.", 100).refine(
    // Empty is the required-message's job, not this one's.
    (v) => /^[\p{L} .,'’-]*$/u.test(v),
    "Nama hanya boleh berisi huruf, spasi, titik, koma, apostrof dan tanda hubung.",
  ),
  birthDate: z.string({ error: "Tanggal lahir wajib diisi." }).refine(isIsoDate, "Tanggal lahir wajib diisi dengan tanggal yang valid."),
  sex: z.enum(["L", "P"], { error: "Pilih jenis kelamin." }),
  phone: requiredText("Nomor HP wajib diisi.", 30),
  scheme: z.enum(KUR_SCHEMES, { error: "Pilih skema KUR." }),
  plafon: rupiah("Plafon"),
  declaredIncome: rupiah("Penghasilan per bulan"),
  jht: z
    .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal(""), z.boolean()], {
      error: "Pilihan JHT tidak dikenal: centang atau kosongkan.",
    })
    .optional()
    .transform((v) => v === "on" || v === "true" || v === true),
  kantorCabangId: z.uuid({ error: "Pilih Kantor Cabang BPJS Ketenagakerjaan." }),
});

export type EnrolmentFieldName = keyof typeof EnrolmentFields.shape;

export interface EnrolmentInput extends Omit<z.infer<typeof EnrolmentFields>, "phone"> {
  /** E.164, e.g. +6281234567890. */
  phone: string;
  nikInfo: NikInfo;
}

export type FieldErrors = Partial<Record<EnrolmentFieldName, string[]>>;

export type ValidationResult = { ok: true; data: EnrolmentInput } | { ok: false; errors: FieldErrors };

/**
 * Validates the whole form at once, so the officer sees every problem in one round: each field on
 * its own, then the checks that need two fields (NIK against birth date and sex, plafon against the
 * scheme's band) wherever both fields are readable.
 */
export function validateEnrolment(raw: Record<string, unknown>, today: string): ValidationResult {
  const errors: FieldErrors = {};
  const add = (field: EnrolmentFieldName, message: string) => {
    (errors[field] ??= []).push(message);
  };

  const parsed = EnrolmentFields.safeParse(raw);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors as FieldErrors;
    for (const [field, messages] of Object.entries(flat)) {
      for (const m of messages ?? []) add(field as EnrolmentFieldName, m);
    }
  }
  const field = <K extends EnrolmentFieldName>(name: K) => {
    const r = EnrolmentFields.shape[name].safeParse(raw[name]);
    return r.success ? (r.data as z.infer<typeof EnrolmentFields>[K]) : undefined;
  };

  let nikInfo: NikInfo | undefined;
  const nik = field("nik");
  if (nik !== undefined) {
    const check = parseNik(nik, today);
    if (check.ok) nikInfo = check.value;
    else add("nik", check.message);
  }
  const birthDate = field("birthDate");
  const sex = field("sex");
  // Each field is compared with the NIK on its own, so a missing sex does not hide a wrong date.
  if (nikInfo && birthDate !== undefined) {
    const mismatch = checkNikAgainstForm(nikInfo, { birthDate, sex: nikInfo.sex });
    if (mismatch.birthDate) add("birthDate", mismatch.birthDate);
  }
  if (nikInfo && sex !== undefined) {
    const mismatch = checkNikAgainstForm(nikInfo, { birthDate: nikInfo.birthDate, sex });
    if (mismatch.sex) add("sex", mismatch.sex);
  }

  let phone: string | undefined;
  const rawPhone = field("phone");
  if (rawPhone !== undefined) {
    const check = normalizePhone(rawPhone);
    if (check.ok) phone = check.value;
    else add("phone", check.message);
  }

  const scheme = field("scheme");
  const plafon = field("plafon");
  if (scheme !== undefined && plafon !== undefined) {
    const message = checkPlafon(scheme, plafon);
    if (message) add("plafon", message);
  }

  if (Object.keys(errors).length > 0 || !parsed.success || !nikInfo || !phone) {
    return { ok: false, errors };
  }
  return { ok: true, data: { ...parsed.data, nik: nikInfo.nik, phone, nikInfo } };
}

/** The typed values as strings, to put back into the form after a failed submit. */
export function keepInput(raw: Record<string, unknown>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of Object.keys(EnrolmentFields.shape)) {
    const v = raw[name];
    if (typeof v === "string") kept[name] = v.slice(0, 200);
  }
  return kept;
}
