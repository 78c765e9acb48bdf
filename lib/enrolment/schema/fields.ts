/**
 * The e-form's fields: their zod shapes, names and order. Client-safe (the form imports the names and
 * the rupiah parser; the server validates with the shapes), no server imports. The shapes are built
 * from a message function, so that the same schema speaks the user's language: on the server from
 * lib/i18n/translator.ts (lib/enrolment/schema/validate.ts), in the browser from `useTranslations`.
 */
import { z } from "zod";
import { KUR_PURPOSES, KUR_SCHEMES, PROVINCES, isIsoDate } from "@/lib/rules";
import type { Messages } from "@/lib/i18n/config";
import { CONSENT_TEXT_VERSION } from "@/lib/enrolment/consent";

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

const PROVINCE_CODES = PROVINCES.map((p) => p.code) as [string, ...string[]];

/** Most months a debtor may pay at once when enrolling (the e-form's choice, 1–12). */
export const MAX_MONTHS_IN_ADVANCE = 12;

/** A loan application number as banks print them: letters, digits and . / - (stored upper-case, no spaces). */
export function normalizeLoanNumber(raw: string): string {
  return raw.replace(/\s+/g, "").toUpperCase();
}
const LOAN_NUMBER = /^[A-Z0-9][A-Z0-9./-]{2,39}$/;

// ---------------------------------------------------------------------------------------------------
// Messages: the keys under `eform.validation` in messages/*.json

type ValidationMessages = Messages["eform"]["validation"];
export type ValidationKey = Exclude<keyof ValidationMessages, "fields">;
export type FieldLabelKey = keyof ValidationMessages["fields"];

/** A message under `eform.validation`, in one language (see validate.ts and the form for the two sources). */
export type ValidationText = (key: ValidationKey | `fields.${FieldLabelKey}`, params?: Record<string, string | number>) => string;

// ---------------------------------------------------------------------------------------------------
// Field shapes

const NAME_CHARS = /^[\p{L} .,'’-]*$/u;

export function fieldShapes(t: ValidationText) {
  const L = (name: FieldLabelKey) => t(`fields.${name}`);
  const required = (label: string) => t("required", { label });
  const choose = (label: string) => t("choose", { label });
  const tooLong = (max: number) => t("tooLong", { max });
  const text = (label: string, max: number) =>
    z.string({ error: required(label) }).trim().min(1, required(label)).max(max, tooLong(max));
  const personName = (label: string) => text(label, 100).refine((v) => NAME_CHARS.test(v), t("nameChars"));
  const date = (label: string) => z.string({ error: required(label) }).refine(isIsoDate, t("date", { label }));
  const rupiah = (label: string) =>
    z.preprocess(
      parseRupiahInput,
      z
        .number({ error: (issue) => (issue.input === undefined ? required(label) : t("rupiahNaN", { label })) })
        .int(t("rupiahInt", { label }))
        .positive(t("rupiahPositive", { label }))
        .max(1_000_000_000_000, t("rupiahMax", { label })),
    );
  const wholeNumber = (label: string, min: number, max: number) => {
    const message = t("wholeNumber", { label, min, max });
    return z
      .string({ error: required(label) })
      .trim()
      .min(1, required(label))
      .regex(/^\d{1,3}$/, message)
      .transform(Number)
      .pipe(z.number().int().min(min, message).max(max, message));
  };
  const checkbox = (message: string) =>
    z
      .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal(""), z.boolean()], { error: message })
      .optional()
      .transform((v) => v === "on" || v === "true" || v === true);
  const ticked = (message: string) => checkbox(message).refine((v) => v, message);
  const optionalText = (max: number) =>
    z
      .string()
      .trim()
      .max(max, tooLong(max))
      .optional()
      .transform((v) => (v ? v : null));

  const participant = {
    fullName: personName(L("fullName")),
    birthPlace: text(L("birthPlace"), 60).refine((v) => /^[\p{L} .-]*$/u.test(v), t("placeChars")),
    birthDate: date(L("birthDate")),
    sex: z.enum(["L", "P"], { error: choose(L("sex")) }),
    motherMaidenName: personName(L("motherMaidenName")),
    /** As typed here; E.164 (+6281234567890) once validateEnrolment has normalised it. */
    phone: text(L("phone"), 30),
    email: optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, t("email")),
    addressProvinceCode: z.enum(PROVINCE_CODES, { error: choose(L("addressProvinceCode")) }),
    addressRegency: text(L("addressRegency"), 80),
    addressDistrict: text(L("addressDistrict"), 80),
    addressStreet: text(L("addressStreet"), 200),
  };

  const enrolment = {
    submissionKey: z.uuid({ error: t("expired") }),
    nik: text(L("nik"), 40),
    // Business
    businessName: text(L("businessName"), 120),
    kbli: text(L("kbli"), 10),
    nib: optionalText(20),
    businessStartedOn: date(L("businessStartedOn")),
    businessProvinceCode: z.enum(PROVINCE_CODES, { error: choose(L("businessProvinceCode")) }),
    /** A debtor who employs workers is a BPU employer: JHT is then required (docs/regulation.md §3.7). */
    employsWorkers: checkbox(t("employsWorkers")),
    /** Required when employsWorkers (checked in validateEnrolment); empty otherwise. */
    workerCount: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || (/^\d{1,4}$/.test(v) && Number(v) >= 1), t("workerCountRequired"))
      .transform((v) => (v === null ? null : Number(v))),
    // Loan
    scheme: z.enum(KUR_SCHEMES, { error: choose(L("scheme")) }),
    plafon: rupiah(L("plafon")),
    tenorMonths: wholeNumber(L("tenorMonths"), 1, 120),
    purpose: z.enum(KUR_PURPOSES, { error: choose(L("purpose")) }),
    loanNumber: text(L("loanNumber"), 60)
      .transform(normalizeLoanNumber)
      .refine((v) => LOAN_NUMBER.test(v), t("loanNumber")),
    plannedDisbursementDate: date(L("plannedDisbursementDate")),
    // Earlier accesses per scheme as SLIK shows them (docs/regulation.md §1.1, §1.2): each article counts its own scheme.
    priorMikroCount: wholeNumber(L("priorMikroCount"), 0, 99),
    priorKecilCount: wholeNumber(L("priorKecilCount"), 0, 99),
    /** Rupiah still owed on running KUR mikro (Pasal 24 ayat (1)); empty = none (0). */
    outstandingMikro: z.preprocess(
      (v) => (v === undefined || (typeof v === "string" && v.trim() === "") ? 0 : parseRupiahInput(v)),
      z
        .number({ error: t("rupiahNaN", { label: L("outstandingMikro") }) })
        .int(t("rupiahInt", { label: L("outstandingMikro") }))
        .min(0, t("rupiahNaN", { label: L("outstandingMikro") }))
        .max(1_000_000_000_000, t("rupiahMax", { label: L("outstandingMikro") })),
    ),
    npwp: optionalText(30),
    // Coverage
    declaredIncome: rupiah(L("declaredIncome")),
    jht: checkbox(t("jht")),
    monthsInAdvance: wholeNumber(L("monthsInAdvance"), 1, MAX_MONTHS_IN_ADVANCE),
    /**
     * The debtor agrees that the lending bank debits the monthly contribution from their account for
     * the loan's tenor (issue #15, docs/decisions/0025): the bank then confirms each debit as a channel.
     */
    autoDebitConsent: checkbox(t("autoDebitConsent")),
    kantorCabangId: z.uuid({ error: choose(L("kantorCabangId")) }),
    heirName: personName(L("heirName")),
    heirRelationship: z.enum(HEIR_RELATIONSHIPS, { error: choose(L("heirRelationship")) }),
    /** As typed here; E.164 once validated. */
    heirPhone: text(L("heirPhone"), 30),
    // Attestations (docs/regulation.md §1) and consent (UU 27/2022)
    attestNikChecked: ticked(t("attest")),
    attestSlikChecked: ticked(t("attest")),
    attestNoOtherKur: ticked(t("attest")),
    // Required only when the plafon needs an NPWP: checked in validateEnrolment.
    attestNpwpPresent: checkbox(t("attestNpwp")),
    consent: ticked(t("consent")),
    consentTextVersion: z.string({ error: t("consentVersion") }).refine((v) => v === CONSENT_TEXT_VERSION, t("consentVersion")),
  };
  return { participant, enrolment };
}

export type FieldShapes = ReturnType<typeof fieldShapes>;
export type ParticipantFieldName = keyof FieldShapes["participant"];
export type EnrolmentOnlyFieldName = keyof FieldShapes["enrolment"];
export type EnrolmentFieldName = ParticipantFieldName | EnrolmentOnlyFieldName;

/** What each group of fields parses to (the types follow the shapes; nothing is written twice). */
export type ParticipantFields = z.output<z.ZodObject<FieldShapes["participant"]>>;
export type EnrolmentFields = z.output<z.ZodObject<FieldShapes["enrolment"]>>;

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
  "employsWorkers",
  "workerCount",
  "loanNumber",
  "scheme",
  "plafon",
  "purpose",
  "tenorMonths",
  "plannedDisbursementDate",
  "npwp",
  "priorMikroCount",
  "priorKecilCount",
  "outstandingMikro",
  "declaredIncome",
  "jht",
  "monthsInAdvance",
  "kantorCabangId",
  "autoDebitConsent",
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
  "employsWorkers",
  "jht",
  "attestNikChecked",
  "attestSlikChecked",
  "attestNoOtherKur",
  "attestNpwpPresent",
  "consent",
  "autoDebitConsent",
];

export type FieldErrors = Partial<Record<EnrolmentFieldName, string[]>>;
