/**
 * The e-form's one schema, used by the browser (live feedback, drafts) and by the server actions
 * (the decision that counts). Shape checks are zod; the regulation's checks come from lib/rules, so
 * no rule is written twice. Messages are Indonesian by default and English when the UI is English:
 * the zod schema is built per locale from a message catalogue (MESSAGES), and lib/rules returns both.
 */
import { z } from "zod";
import {
  KUR_PURPOSES,
  KUR_SCHEMES,
  PROVINCES,
  checkBusinessAge,
  checkKbli,
  checkMikroRepeatAccess,
  checkNib,
  checkNikAgainstForm,
  checkNpwpRequired,
  checkPlafon,
  checkTenor,
  isIsoDate,
  normalizeNpwp,
  normalizePhone,
  npwpRequired,
  parseNik,
  sectorGroupForKbli,
  bpuSectorForKbli,
  type Check,
  type KurPurpose,
  type KurScheme,
  type KurSectorGroup,
  type Locale,
  type NikInfo,
  type RuleIssue,
  type Sex,
} from "@/lib/rules";
import { CONSENT_TEXT_VERSION } from "@/lib/enrolment/consent";
import { ruleMessage, rulesTranslator } from "@/lib/i18n/rules";

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

export const HEIR_RELATIONSHIPS = ["SPOUSE", "CHILD", "PARENT", "SIBLING", "OTHER"] as const;
export type HeirRelationship = (typeof HEIR_RELATIONSHIPS)[number];

export const HEIR_RELATIONSHIP_LABELS: Record<Locale, Record<HeirRelationship, string>> = {
  id: { SPOUSE: "Suami/istri", CHILD: "Anak", PARENT: "Orang tua", SIBLING: "Saudara kandung", OTHER: "Lainnya" },
  en: { SPOUSE: "Spouse", CHILD: "Child", PARENT: "Parent", SIBLING: "Sibling", OTHER: "Other" },
};

const PROVINCE_CODES = PROVINCES.map((p) => p.code) as [string, ...string[]];

/** Most months a debtor may pay at once when enrolling (the e-form's choice, 1–12). */
export const MAX_MONTHS_IN_ADVANCE = 12;

/** A loan application number as banks print them: letters, digits and . / - (stored upper-case, no spaces). */
export function normalizeLoanNumber(raw: string): string {
  return raw.replace(/\s+/g, "").toUpperCase();
}
const LOAN_NUMBER = /^[A-Z0-9][A-Z0-9./-]{2,39}$/;

// ---------------------------------------------------------------------------------------------------
// Message catalogue

const MESSAGES = {
  id: {
    expired: "Formulir ini kedaluwarsa. Muat ulang halaman lalu isi kembali.",
    required: (label: string) => `${label} wajib diisi.`,
    choose: (label: string) => `Pilih ${label}.`,
    tooLong: (max: number) => `Paling banyak ${max} karakter.`,
    nameChars: "Nama hanya boleh berisi huruf, spasi, titik, koma, apostrof dan tanda hubung.",
    placeChars: "Tempat lahir hanya boleh berisi huruf, spasi, titik dan tanda hubung.",
    date: (label: string) => `${label} wajib diisi dengan tanggal yang valid.`,
    rupiahNaN: (label: string) => `${label} harus berupa angka rupiah, mis. 150.000.000.`,
    rupiahInt: (label: string) => `${label} harus bilangan bulat rupiah.`,
    rupiahPositive: (label: string) => `${label} harus lebih dari Rp0.`,
    rupiahMax: (label: string) => `${label} terlalu besar.`,
    wholeNumber: (label: string, min: number, max: number) => `${label} harus bilangan bulat ${min}–${max}.`,
    email: "Alamat e-mail tidak valid (contoh: nama@contoh.id).",
    jht: "Pilihan JHT tidak dikenal: centang atau kosongkan.",
    loanNumber: "Nomor pinjaman 3–40 karakter: huruf, angka, titik, garis miring atau tanda hubung.",
    disbursementPast: "Rencana tanggal pencairan tidak boleh sebelum hari ini.",
    attest: "Centang pernyataan ini sebelum mengirim: syarat KUR (Permenko 1/2023) yang dinyatakan petugas.",
    attestNpwp: "Untuk plafon di atas Rp50.000.000, centang bahwa NPWP debitur ada.",
    consent: "Pendaftaran memerlukan persetujuan debitur untuk berbagi data (UU 27/2022).",
    consentVersion: "Teks persetujuan telah berubah. Muat ulang halaman, bacakan teks baru kepada debitur, lalu kirim lagi.",
    labels: {
      nik: "NIK",
      fullName: "Nama lengkap sesuai KTP",
      birthPlace: "Tempat lahir",
      birthDate: "Tanggal lahir",
      sex: "jenis kelamin",
      motherMaidenName: "Nama gadis ibu kandung",
      phone: "Nomor HP",
      addressProvinceCode: "provinsi alamat",
      addressRegency: "Kabupaten/kota",
      addressDistrict: "Kecamatan",
      addressStreet: "Alamat jalan",
      businessName: "Nama usaha",
      kbli: "Kode KBLI",
      businessStartedOn: "Tanggal mulai usaha",
      businessProvinceCode: "provinsi lokasi usaha",
      scheme: "skema KUR",
      plafon: "Plafon",
      tenorMonths: "Jangka waktu",
      purpose: "tujuan penggunaan",
      loanNumber: "Nomor permohonan pinjaman",
      plannedDisbursementDate: "Rencana tanggal pencairan",
      priorKurCount: "Jumlah KUR sebelumnya",
      declaredIncome: "Penghasilan per bulan",
      monthsInAdvance: "Jumlah bulan dibayar di muka",
      kantorCabangId: "Kantor Cabang BPJS Ketenagakerjaan",
      heirName: "Nama ahli waris",
      heirRelationship: "hubungan ahli waris",
      heirPhone: "Nomor HP ahli waris",
    },
  },
  en: {
    expired: "This form has expired. Reload the page and fill it in again.",
    required: (label: string) => `${label} is required.`,
    choose: (label: string) => `Choose the ${label}.`,
    tooLong: (max: number) => `At most ${max} characters.`,
    nameChars: "A name may contain only letters, spaces, full stops, commas, apostrophes and hyphens.",
    placeChars: "The place of birth may contain only letters, spaces, full stops and hyphens.",
    date: (label: string) => `${label} needs a valid date.`,
    rupiahNaN: (label: string) => `${label} must be a rupiah amount, e.g. 150.000.000.`,
    rupiahInt: (label: string) => `${label} must be a whole number of rupiah.`,
    rupiahPositive: (label: string) => `${label} must be more than Rp0.`,
    rupiahMax: (label: string) => `${label} is too large.`,
    wholeNumber: (label: string, min: number, max: number) => `${label} must be a whole number from ${min} to ${max}.`,
    email: "Not a valid e-mail address (e.g. name@example.id).",
    jht: "Unknown JHT choice: tick or clear the box.",
    loanNumber: "The loan number has 3–40 characters: letters, digits, full stops, slashes or hyphens.",
    disbursementPast: "The planned disbursement date cannot be before today.",
    attest: "Tick this statement before submitting: a KUR condition (Permenko 1/2023) the officer attests.",
    attestNpwp: "For a plafon above Rp50.000.000, tick that the debtor has an NPWP.",
    consent: "The enrolment needs the debtor's consent to share data (Law 27/2022).",
    consentVersion: "The consent text has changed. Reload the page, read the new text to the debtor, then submit again.",
    labels: {
      nik: "NIK",
      fullName: "Full name as on the ID card",
      birthPlace: "Place of birth",
      birthDate: "Date of birth",
      sex: "sex",
      motherMaidenName: "Mother's maiden name",
      phone: "Mobile number",
      addressProvinceCode: "address province",
      addressRegency: "Regency/city",
      addressDistrict: "District",
      addressStreet: "Street address",
      businessName: "Business name",
      kbli: "KBLI code",
      businessStartedOn: "Business start date",
      businessProvinceCode: "business province",
      scheme: "KUR scheme",
      plafon: "Plafon",
      tenorMonths: "Tenor",
      purpose: "loan purpose",
      loanNumber: "Loan application number",
      plannedDisbursementDate: "Planned disbursement date",
      priorKurCount: "Number of earlier KUR loans",
      declaredIncome: "Monthly income",
      monthsInAdvance: "Months paid in advance",
      kantorCabangId: "BPJS Ketenagakerjaan branch",
      heirName: "Heir's name",
      heirRelationship: "heir's relationship",
      heirPhone: "Heir's mobile number",
    },
  },
} satisfies Record<Locale, unknown>;

type Messages = (typeof MESSAGES)["id"];

export function enrolmentMessages(locale: Locale): Messages {
  return MESSAGES[locale];
}

const msgOf = <T>(c: Check<T>, locale: Locale) => (c.ok ? null : ruleMessage(rulesTranslator(locale), c.issue));
const issueText = (issue: RuleIssue | null, locale: Locale) => (issue ? ruleMessage(rulesTranslator(locale), issue) : null);

// ---------------------------------------------------------------------------------------------------
// Field shapes

const NAME_CHARS = /^[\p{L} .,'’-]*$/u;

function fieldShapes(m: Messages) {
  const L = m.labels;
  const text = (label: string, max: number) =>
    z.string({ error: m.required(label) }).trim().min(1, m.required(label)).max(max, m.tooLong(max));
  const personName = (label: string) => text(label, 100).refine((v) => NAME_CHARS.test(v), m.nameChars);
  const date = (label: string) => z.string({ error: m.required(label) }).refine(isIsoDate, m.date(label));
  const rupiah = (label: string) =>
    z.preprocess(
      parseRupiahInput,
      z
        .number({ error: (issue) => (issue.input === undefined ? m.required(label) : m.rupiahNaN(label)) })
        .int(m.rupiahInt(label))
        .positive(m.rupiahPositive(label))
        .max(1_000_000_000_000, m.rupiahMax(label)),
    );
  const wholeNumber = (label: string, min: number, max: number) =>
    z
      .string({ error: m.required(label) })
      .trim()
      .min(1, m.required(label))
      .regex(/^\d{1,3}$/, m.wholeNumber(label, min, max))
      .transform(Number)
      .pipe(z.number().int().min(min, m.wholeNumber(label, min, max)).max(max, m.wholeNumber(label, min, max)));
  const checkbox = (message: string) =>
    z
      .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal(""), z.boolean()], { error: message })
      .optional()
      .transform((v) => v === "on" || v === "true" || v === true);
  const required = (message: string) => checkbox(message).refine((v) => v, message);
  const optionalText = (max: number) =>
    z
      .string()
      .trim()
      .max(max, m.tooLong(max))
      .optional()
      .transform((v) => (v ? v : null));

  const participant = {
    fullName: personName(L.fullName),
    birthPlace: text(L.birthPlace, 60).refine((v) => /^[\p{L} .-]*$/u.test(v), m.placeChars),
    birthDate: date(L.birthDate),
    sex: z.enum(["L", "P"], { error: m.choose(L.sex) }),
    motherMaidenName: personName(L.motherMaidenName),
    phone: text(L.phone, 30),
    email: optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, m.email),
    addressProvinceCode: z.enum(PROVINCE_CODES, { error: m.choose(L.addressProvinceCode) }),
    addressRegency: text(L.addressRegency, 80),
    addressDistrict: text(L.addressDistrict, 80),
    addressStreet: text(L.addressStreet, 200),
  };

  const enrolment = {
    submissionKey: z.uuid({ error: m.expired }),
    nik: text(L.nik, 40),
    // Business
    businessName: text(L.businessName, 120),
    kbli: text(L.kbli, 10),
    nib: optionalText(20),
    businessStartedOn: date(L.businessStartedOn),
    businessProvinceCode: z.enum(PROVINCE_CODES, { error: m.choose(L.businessProvinceCode) }),
    // Loan
    scheme: z.enum(KUR_SCHEMES, { error: m.choose(L.scheme) }),
    plafon: rupiah(L.plafon),
    tenorMonths: wholeNumber(L.tenorMonths, 1, 120),
    purpose: z.enum(KUR_PURPOSES, { error: m.choose(L.purpose) }),
    loanNumber: text(L.loanNumber, 60)
      .transform(normalizeLoanNumber)
      .refine((v) => LOAN_NUMBER.test(v), m.loanNumber),
    plannedDisbursementDate: date(L.plannedDisbursementDate),
    priorKurCount: wholeNumber(L.priorKurCount, 0, 99),
    npwp: optionalText(30),
    // Coverage
    declaredIncome: rupiah(L.declaredIncome),
    jht: checkbox(m.jht),
    monthsInAdvance: wholeNumber(L.monthsInAdvance, 1, MAX_MONTHS_IN_ADVANCE),
    kantorCabangId: z.uuid({ error: m.choose(L.kantorCabangId) }),
    heirName: personName(L.heirName),
    heirRelationship: z.enum(HEIR_RELATIONSHIPS, { error: m.choose(L.heirRelationship) }),
    heirPhone: text(L.heirPhone, 30),
    // Attestations (RULES.md §1) and consent (UU 27/2022)
    attestNikChecked: required(m.attest),
    attestSlikChecked: required(m.attest),
    attestNoOtherKur: required(m.attest),
    // Required only when the plafon needs an NPWP: checked in validateEnrolment.
    attestNpwpPresent: checkbox(m.attestNpwp),
    consent: required(m.consent),
    consentTextVersion: z.string({ error: m.consentVersion }).refine((v) => v === CONSENT_TEXT_VERSION, m.consentVersion),
  };
  return { participant, enrolment };
}

const SHAPES: Record<Locale, ReturnType<typeof fieldShapes>> = {
  id: fieldShapes(MESSAGES.id),
  en: fieldShapes(MESSAGES.en),
};

/** The stored participant's fields (Participant), asked only for a NIK not yet registered. */
export const PARTICIPANT_FIELD_NAMES = Object.keys(SHAPES.id.participant) as ParticipantFieldName[];
export type ParticipantFieldName = keyof ReturnType<typeof fieldShapes>["participant"];
export type EnrolmentOnlyFieldName = keyof ReturnType<typeof fieldShapes>["enrolment"];
export type EnrolmentFieldName = ParticipantFieldName | EnrolmentOnlyFieldName;

/** Every field the e-form posts, in the order they appear on the form (the first error gets focus). */
export const FORM_FIELD_ORDER: readonly EnrolmentFieldName[] = [
  "nik",
  "fullName",
  "birthPlace",
  "birthDate",
  "sex",
  "motherMaidenName",
  "phone",
  "email",
  "addressProvinceCode",
  "addressRegency",
  "addressDistrict",
  "addressStreet",
  "businessName",
  "kbli",
  "nib",
  "businessStartedOn",
  "businessProvinceCode",
  "loanNumber",
  "scheme",
  "plafon",
  "purpose",
  "tenorMonths",
  "plannedDisbursementDate",
  "priorKurCount",
  "npwp",
  "declaredIncome",
  "jht",
  "monthsInAdvance",
  "kantorCabangId",
  "heirName",
  "heirRelationship",
  "heirPhone",
  "attestNikChecked",
  "attestSlikChecked",
  "attestNoOtherKur",
  "attestNpwpPresent",
  "consent",
  "consentTextVersion",
  "submissionKey",
];

/** Checkbox fields: FormData omits an unticked box, so "absent" means false, not "not typed". */
export const CHECKBOX_FIELDS: readonly EnrolmentFieldName[] = [
  "jht",
  "attestNikChecked",
  "attestSlikChecked",
  "attestNoOtherKur",
  "attestNpwpPresent",
  "consent",
];

export type FieldErrors = Partial<Record<EnrolmentFieldName, string[]>>;

export interface ParticipantInput {
  fullName: string;
  birthPlace: string;
  birthDate: string;
  sex: Sex;
  motherMaidenName: string;
  /** E.164, e.g. +6281234567890. */
  phone: string;
  email: string | null;
  addressProvinceCode: string;
  addressRegency: string;
  addressDistrict: string;
  addressStreet: string;
}

export interface EnrolmentInput {
  submissionKey: string;
  nik: string;
  nikInfo: NikInfo;
  /** The debtor's data as typed; null when the NIK is already a participant whose stored data is reused. */
  participant: ParticipantInput | null;
  businessName: string;
  kbli: string;
  sectorGroup: KurSectorGroup;
  /** TRANSPORT for KBLI section H: it decides the PP 50/2025 relief period. */
  bpuSector: "TRANSPORT" | "OTHER";
  nib: string | null;
  businessStartedOn: string;
  businessProvinceCode: string;
  scheme: KurScheme;
  plafon: number;
  tenorMonths: number;
  purpose: KurPurpose;
  loanNumber: string;
  plannedDisbursementDate: string;
  priorKurCount: number;
  npwp: string | null;
  declaredIncome: number;
  jht: boolean;
  monthsInAdvance: number;
  kantorCabangId: string;
  heirName: string;
  heirRelationship: HeirRelationship;
  /** E.164. */
  heirPhone: string;
  attestNikChecked: boolean;
  attestSlikChecked: boolean;
  attestNoOtherKur: boolean;
  attestNpwpPresent: boolean;
  consentTextVersion: string;
}

export type ValidationResult = { ok: true; data: EnrolmentInput } | { ok: false; errors: FieldErrors };

export interface ValidationOptions {
  locale?: Locale;
  /**
   * The NIK belongs to a participant already registered: their stored data is reused, so the
   * participant's fields are neither asked nor read (the server decides this from the database).
   */
  existingParticipant?: boolean;
}

/**
 * Validates the whole form at once, so the officer sees every problem in one round: each field on
 * its own, then the checks that need two fields (NIK against birth date and sex, plafon against the
 * scheme's band, tenor against scheme and purpose, business age against the scheme, the KUR mikro
 * repeat cap against the sector, NPWP against the plafon) wherever both fields are readable.
 */
export function validateEnrolment(raw: Record<string, unknown>, today: string, options: ValidationOptions = {}): ValidationResult {
  const locale = options.locale ?? "id";
  const m = MESSAGES[locale];
  const shapes = SHAPES[locale];
  const errors: FieldErrors = {};
  const add = (field: EnrolmentFieldName, message: string | null) => {
    if (message) (errors[field] ??= []).push(message);
  };

  const schema = options.existingParticipant
    ? z.object(shapes.enrolment)
    : z.object({ ...shapes.participant, ...shapes.enrolment });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors as FieldErrors;
    for (const [field, messages] of Object.entries(flat)) {
      for (const message of messages ?? []) add(field as EnrolmentFieldName, message);
    }
  }
  const all = { ...shapes.participant, ...shapes.enrolment };
  type Out = { [K in keyof typeof all]: z.output<(typeof all)[K]> };
  const field = <K extends keyof typeof all>(name: K): Out[K] | undefined => {
    const r = all[name].safeParse(raw[name]);
    return r.success ? (r.data as Out[K]) : undefined;
  };

  let nikInfo: NikInfo | undefined;
  const nik = field("nik");
  if (nik !== undefined) {
    const check = parseNik(nik, today);
    if (check.ok) nikInfo = check.value;
    else add("nik", msgOf(check, locale));
  }

  let phone: string | undefined;
  if (!options.existingParticipant) {
    const birthDate = field("birthDate");
    const sex = field("sex");
    // Each field is compared with the NIK on its own, so a missing sex does not hide a wrong date.
    if (nikInfo && birthDate !== undefined) {
      add("birthDate", issueText(checkNikAgainstForm(nikInfo, { birthDate, sex: nikInfo.sex }).birthDate, locale));
    }
    if (nikInfo && sex !== undefined) {
      add("sex", issueText(checkNikAgainstForm(nikInfo, { birthDate: nikInfo.birthDate, sex }).sex, locale));
    }
    const rawPhone = field("phone");
    if (rawPhone !== undefined) {
      const check = normalizePhone(rawPhone);
      if (check.ok) phone = check.value;
      else add("phone", msgOf(check, locale));
    }
  }

  let heirPhone: string | undefined;
  const rawHeirPhone = field("heirPhone");
  if (rawHeirPhone !== undefined) {
    const check = normalizePhone(rawHeirPhone);
    if (check.ok) heirPhone = check.value;
    else add("heirPhone", msgOf(check, locale));
  }

  let kbli: string | undefined;
  let sectorGroup: KurSectorGroup | undefined;
  const rawKbli = field("kbli");
  if (rawKbli !== undefined) {
    const check = checkKbli(rawKbli);
    if (check.ok) {
      kbli = check.value;
      sectorGroup = sectorGroupForKbli(kbli);
    } else add("kbli", msgOf(check, locale));
  }

  let nib: string | null = null;
  const rawNib = field("nib");
  if (rawNib) {
    const check = checkNib(rawNib);
    if (check.ok) nib = check.value;
    else add("nib", msgOf(check, locale));
  }

  const scheme = field("scheme");
  const plafon = field("plafon");
  if (scheme !== undefined && plafon !== undefined) add("plafon", issueText(checkPlafon(scheme, plafon), locale));

  const purpose = field("purpose");
  const tenor = field("tenorMonths");
  if (scheme !== undefined && purpose !== undefined && tenor !== undefined) {
    add("tenorMonths", issueText(checkTenor(scheme, purpose, tenor), locale));
  }

  const startedOn = field("businessStartedOn");
  if (scheme !== undefined && startedOn !== undefined) {
    add("businessStartedOn", issueText(checkBusinessAge(scheme, startedOn, today), locale));
  }

  const prior = field("priorKurCount");
  if (scheme === "MIKRO" && sectorGroup !== undefined && prior !== undefined) {
    add("priorKurCount", issueText(checkMikroRepeatAccess(sectorGroup, prior), locale));
  }

  const planned = field("plannedDisbursementDate");
  if (planned !== undefined && planned < today) add("plannedDisbursementDate", m.disbursementPast);

  let npwp: string | null = null;
  const rawNpwp = field("npwp");
  if (rawNpwp) {
    const check = normalizeNpwp(rawNpwp);
    if (check.ok) npwp = check.value;
    else add("npwp", msgOf(check, locale));
  }
  if (plafon !== undefined) {
    add("npwp", issueText(checkNpwpRequired(plafon, rawNpwp), locale));
    if (npwpRequired(plafon) && field("attestNpwpPresent") !== true) add("attestNpwpPresent", m.attestNpwp);
  }

  if (Object.keys(errors).length > 0 || !parsed.success || !nikInfo || !heirPhone || !kbli || !sectorGroup) {
    return { ok: false, errors };
  }
  const d = parsed.data as Out;
  let participant: ParticipantInput | null = null;
  if (!options.existingParticipant) {
    if (!phone) return { ok: false, errors };
    participant = {
      fullName: d.fullName,
      birthPlace: d.birthPlace,
      birthDate: d.birthDate,
      sex: d.sex,
      motherMaidenName: d.motherMaidenName,
      phone,
      email: d.email,
      addressProvinceCode: d.addressProvinceCode,
      addressRegency: d.addressRegency,
      addressDistrict: d.addressDistrict,
      addressStreet: d.addressStreet,
    };
  }
  return {
    ok: true,
    data: {
      submissionKey: d.submissionKey,
      nik: nikInfo.nik,
      nikInfo,
      participant,
      businessName: d.businessName,
      kbli,
      sectorGroup,
      bpuSector: bpuSectorForKbli(kbli),
      nib,
      businessStartedOn: d.businessStartedOn,
      businessProvinceCode: d.businessProvinceCode,
      scheme: d.scheme,
      plafon: d.plafon,
      tenorMonths: d.tenorMonths,
      purpose: d.purpose,
      loanNumber: d.loanNumber,
      plannedDisbursementDate: d.plannedDisbursementDate,
      priorKurCount: d.priorKurCount,
      npwp,
      declaredIncome: d.declaredIncome,
      jht: d.jht,
      monthsInAdvance: d.monthsInAdvance,
      kantorCabangId: d.kantorCabangId,
      heirName: d.heirName,
      heirRelationship: d.heirRelationship,
      heirPhone,
      attestNikChecked: d.attestNikChecked,
      attestSlikChecked: d.attestSlikChecked,
      attestNoOtherKur: d.attestNoOtherKur,
      attestNpwpPresent: d.attestNpwpPresent,
      consentTextVersion: d.consentTextVersion,
    },
  };
}

/** Longest value kept or saved per field: enough for the longest field (street, 200). */
const MAX_KEPT_LENGTH = 300;

/** The typed values as strings, to put back into the form after a failed submit (only the e-form's fields). */
export function keepInput(raw: Record<string, unknown>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of FORM_FIELD_ORDER) {
    const v = raw[name];
    if (typeof v === "string") kept[name] = v.slice(0, MAX_KEPT_LENGTH);
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------------
// Drafts

/** A draft is the form as typed: known fields, strings, nothing validated but size and shape. */
export const DraftData = z
  .record(z.string(), z.unknown())
  .transform((raw) => keepInput(raw))
  .refine((kept) => JSON.stringify(kept).length <= 16_000, "Draf terlalu besar.");

/** "Budi Santoso · …0001": what the drafts list shows (name and last NIK digits as typed). */
export function draftLabel(values: Record<string, string>, locale: Locale = "id"): string {
  const name = (values.fullName ?? "").trim().replace(/\s+/g, " ").slice(0, 60);
  const digits = (values.nik ?? "").replace(/\D/g, "");
  const nikPart = digits.length >= 4 ? `NIK …${digits.slice(-4)}` : "";
  const label = [name, nikPart].filter(Boolean).join(" · ");
  return label || (locale === "id" ? "(tanpa nama)" : "(no name)");
}
