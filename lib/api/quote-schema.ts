/**
 * The quote API's shapes, in one place: the request (validated here, with the regulation's own checks
 * from lib/rules) and the responses. lib/api/openapi.ts renders the same zod schemas as JSON Schema,
 * so the published document cannot drift from what the endpoint accepts and returns.
 *
 * The request is JSON, so types are strict: a plafon is a JSON integer, not "150.000.000"; `jht` is
 * true/false, not "on". Optional fields may be omitted or null (both mean "not given").
 * Unknown fields are refused (422 on that field's name): a misspelt optional field such as
 * "kanwilcode" would otherwise be ignored silently and change the legal answer (a phased debtor
 * would come back as voluntary).
 *
 * Messages are in the language the request asked for: the request schema is built once per locale
 * from the catalogue's `api` namespace (`quoteRequestSchema(locale)`); `QuoteRequestSchema` is the
 * Indonesian one, which the OpenAPI document renders (the schema's shape and descriptions are the
 * same in every locale).
 */
import { z } from "zod";
import {
  BPU_RATES,
  KANWIL_CODES,
  KUR_SCHEMES,
  MANDATE_RULE_IDS,
  RELIEF_RULES,
  RULE_ISSUE_CODES,
  TIER_TABLES,
  addMonths,
  checkJhtForEmployer,
  checkNikAgainstForm,
  checkPlafon,
  formatDateId,
  formatMonthId,
  isIsoDate,
  monthOf,
  parseNik,
  type BpuSector,
  type KanwilCode,
  type KurScheme,
  type MandateStatus,
  type RuleIssue,
} from "@/lib/rules";
import type { Locale } from "@/lib/i18n/config";
import { ruleMessage, rulesTranslator } from "@/lib/i18n/rules";
import { apiTranslator, type ApiTranslator } from "@/lib/api/messages";

// ---------------------------------------------------------------------------------------------------
// Vocabularies (the rules' own lists, as the tuples zod's enums need)

export const QUOTE_SECTORS = ["TRANSPORT", "OTHER"] as const satisfies readonly BpuSector[];
export const QUOTE_SEXES = ["L", "P"] as const;
export const QUOTE_MANDATE_STATUSES = [
  "MANDATORY",
  "PHASED_REQUIRED",
  "VOLUNTARY",
  "OUT_OF_SCOPE",
] as const satisfies readonly MandateStatus[];
// Compile-time guards: a value added to the rules' unions without being added here fails to type-check.
const allSectors: Record<BpuSector, true> = { TRANSPORT: true, OTHER: true };
const allStatuses: Record<MandateStatus, true> = { MANDATORY: true, PHASED_REQUIRED: true, VOLUNTARY: true, OUT_OF_SCOPE: true };
void allSectors;
void allStatuses;

/**
 * The zone whose calendar gives "today" only when the key's penyalur has no office to take it from
 * (docs/api.md): otherwise today is the office's day (lib/api/data.ts quoteOfficeZone), or the
 * request's own `date`.
 */
export const QUOTE_FALLBACK_TIME_ZONE = "Asia/Jakarta";

function firstMonthOnOrAfter(date: string): string {
  return date.endsWith("-01") ? monthOf(date) : addMonths(monthOf(date), 1);
}

/** The first contribution month every tier table and rate record needed for a quote is in force. */
export const EARLIEST_QUOTE_MONTH: string = [TIER_TABLES, BPU_RATES]
  .map((versions) => firstMonthOnOrAfter(versions.map((v) => v.validFrom).sort()[0]!))
  .sort()
  .at(-1)!;

// ---------------------------------------------------------------------------------------------------
// Request

type LabelledField =
  | "scheme"
  | "plafon"
  | "declaredIncome"
  | "jht"
  | "sector"
  | "month"
  | "fundedByBudget"
  | "nik"
  | "employsWorkers"
  | "date"
  | "officeCode";

/** The first decision date a quote accepts: the first day of the earliest quotable contribution month. */
export const EARLIEST_QUOTE_DATE = `${EARLIEST_QUOTE_MONTH}-01`;

function requestSchema(t: ApiTranslator) {
  const label = (field: LabelledField) => t(`field.${field}`);
  /** zod's error callback: "<label> wajib diisi." when absent, else "<label> harus <expected>." */
  const typeError = (field: LabelledField, expected: string) => (issue: { input?: unknown }) =>
    issue.input === undefined
      ? t("validation.required", { label: label(field) })
      : t("validation.mustBe", { label: label(field), expected });
  const oneOf = (values: readonly string[]) => t("expected.oneOf", { values: values.join(", ") });
  const rupiahAmount = (field: LabelledField) =>
    z.int({ error: typeError(field, t("expected.rupiah")) }).positive(t("validation.positive", { label: label(field) }));

  return z
    .strictObject({
      scheme: z
        .enum(KUR_SCHEMES, { error: typeError("scheme", oneOf(KUR_SCHEMES)) })
        .meta({ description: "Skema KUR (Permenko Perekonomian 1/2022 jo. 1/2023).", examples: ["KECIL"] }),
      plafon: rupiahAmount("plafon").meta({
        description:
          "Plafon kredit dalam rupiah. Harus di dalam rentang skema: SUPER_MIKRO ≤ 10.000.000; MIKRO 10.000.001–100.000.000; " +
          "KECIL 100.000.001–500.000.000; KHUSUS ≤ 500.000.000; PMI ≤ 100.000.000.",
        examples: [150_000_000],
      }),
      declaredIncome: rupiahAmount("declaredIncome").meta({
        description: "Penghasilan per bulan yang dilaporkan debitur, rupiah. Menentukan tingkat (dasar) iuran BPU.",
        examples: [3_000_000],
      }),
      jht: z
        .boolean({ error: typeError("jht", t("expected.boolean")) })
        .meta({ description: "Apakah debitur ikut program Jaminan Hari Tua (JHT, 2% dari dasar iuran).", examples: [true] }),
      sector: z
        .enum(QUOTE_SECTORS, { error: typeError("sector", oneOf(QUOTE_SECTORS)) })
        .meta({
          description: "Sektor BPU. TRANSPORT (pengemudi, kurir) mendapat masa keringanan PP 50/2025 yang lebih panjang.",
          examples: ["OTHER"],
        }),
      month: z
        .string({ error: typeError("month", t("expected.monthText")) })
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: t("validation.monthFormat"), abort: true })
        .refine((m) => m >= EARLIEST_QUOTE_MONTH, t("validation.monthEarliest", { month: formatMonthId(EARLIEST_QUOTE_MONTH) }))
        .nullish()
        .meta({
          description: `Bulan iuran YYYY-MM, paling awal ${EARLIEST_QUOTE_MONTH}. Bawaan: bulan dari tanggal keputusan (date).`,
          examples: ["2026-11"],
        }),
      fundedByBudget: z
        .boolean({ error: typeError("fundedByBudget", t("expected.boolean")) })
        .nullish()
        .meta({ description: "Iuran dibayar dari APBN/APBD: keringanan PP 50/2025 tidak berlaku. Bawaan: false.", examples: [false] }),
      nik: z
        .string({ error: typeError("nik", t("expected.nikText")) })
        .regex(/^\d{16}$/, { error: t("validation.nikFormat"), abort: true })
        .nullish()
        .meta({
          description:
            "Opsional. NIK debitur, hanya untuk diperiksa (kode provinsi, tanggal lahir, nomor urut, umur 17–100) dan " +
            "dicocokkan dengan birthDate dan sex. Tidak disimpan dan tidak dikembalikan.",
          examples: ["3201011708850001"],
        }),
      birthDate: z.iso
        .date({ error: t("validation.birthDate") })
        .nullish()
        .meta({ description: "Opsional. Tanggal lahir; bila NIK diisi, harus sama dengan tanggal lahir dalam NIK.", examples: ["1985-08-17"] }),
      sex: z
        .enum(QUOTE_SEXES, { error: t("validation.sex") })
        .nullish()
        .meta({ description: "Opsional. L atau P; bila NIK diisi, harus sama dengan jenis kelamin dalam NIK.", examples: ["L"] }),
      employsWorkers: z
        .boolean({ error: typeError("employsWorkers", t("expected.boolean")) })
        .nullish()
        .meta({
          description:
            "Opsional. Usaha debitur mempekerjakan pekerja: debitur adalah peserta BPU pemberi kerja dan JHT wajib " +
            "(PP 46/2015 Pasal 4 ayat (3) huruf a; Permenaker 5/2021), sehingga jht harus true. Bawaan: false.",
          examples: [false],
        }),
      date: z
        .string({ error: typeError("date", t("expected.dateText")) })
        .refine(isIsoDate, { error: t("validation.dateFormat"), abort: true })
        .refine((d) => d >= EARLIEST_QUOTE_DATE, t("validation.dateEarliest", { date: formatDateId(EARLIEST_QUOTE_DATE) }))
        .nullish()
        .meta({
          description:
            "Opsional. Tanggal keputusan YYYY-MM-DD (aturan yang berlaku pada tanggal itu). Bawaan: hari ini menurut " +
            "zona waktu kantor penyalur (officeCode, atau kantor pusat penyalur pemilik kunci API).",
          examples: ["2026-11-21"],
        }),
      officeCode: z
        .string({ error: typeError("officeCode", t("expected.officeCodeText")) })
        .trim()
        .min(1, t("validation.officeUnknown"))
        .max(40, t("validation.officeUnknown"))
        .nullish()
        .meta({
          description:
            "Opsional. Kode kantor penyalur pemilik kunci API yang meminta: \"hari ini\" dihitung menurut zona waktu kantor itu " +
            "(WIB, WITA atau WIT). Bawaan: kantor pusat penyalur.",
          examples: ["BRI-BDG-AA"],
        }),
      kanwilCode: z
        .enum(KANWIL_CODES, { error: t("validation.kanwilCode", { codes: KANWIL_CODES.join(", ") }) })
        .nullish()
        .meta({
          description:
            "Opsional. Kanwil BPJS Ketenagakerjaan tempat debitur dilayani. Bersama penyalur pemilik kunci API, menentukan " +
            "apakah aturan tahapan (wajib bertahap) berlaku bagi KUR Super Mikro dan Mikro.",
          examples: ["JAWA_BARAT"],
        }),
    })
    .meta({ title: "QuoteRequest" });
}

const REQUEST_SCHEMAS = new Map<Locale, ReturnType<typeof requestSchema>>();

/** The request schema with its messages in `locale` (built once per locale). */
export function quoteRequestSchema(locale: Locale = "id"): ReturnType<typeof requestSchema> {
  let schema = REQUEST_SCHEMAS.get(locale);
  if (!schema) {
    schema = requestSchema(apiTranslator(locale));
    REQUEST_SCHEMAS.set(locale, schema);
  }
  return schema;
}

/** The Indonesian request schema: the one the OpenAPI document renders. */
export const QuoteRequestSchema = quoteRequestSchema("id");

export type QuoteFieldName = keyof typeof QuoteRequestSchema.shape;
export const QUOTE_FIELDS = Object.keys(QuoteRequestSchema.shape) as QuoteFieldName[];

/** What a valid request means, with the defaults applied. */
export interface QuoteInput {
  scheme: KurScheme;
  plafon: number;
  declaredIncome: number;
  jht: boolean;
  sector: BpuSector;
  month: string;
  fundedByBudget: boolean;
  kanwilCode: KanwilCode | null;
  employsWorkers: boolean;
  /** The decision date: the request's `date`, else the office's today. */
  date: string;
}

/** Messages per request field; an unknown field is reported under its own name. */
export type QuoteFieldErrors = Record<string, string[]>;

export type QuoteValidation = { ok: true; data: QuoteInput } | { ok: false; errors: QuoteFieldErrors };

/**
 * Validates a parsed JSON object and reports every problem at once: each field on its own, then the
 * checks that need two fields (plafon against the scheme's band, docs/regulation.md §1; birth date and sex
 * against the NIK, docs/regulation.md §6; JHT against employing workers, §3.7) wherever both are readable.
 * `today` is the office's calendar day (the endpoint takes it from the key's penyalur office zone); the
 * request's `date`, when given, replaces it: the decision date, which resolves the NIK's two-digit year and
 * gives the default month. The regulation's messages are in `locale`.
 */
export function validateQuote(raw: Record<string, unknown>, today: string, locale: Locale = "id"): QuoteValidation {
  // A Map, not an object: a JSON key such as "__proto__" must stay an ordinary key.
  const errors = new Map<string, string[]>();
  const add = (field: string, message: string) => {
    const list = errors.get(field) ?? [];
    if (!list.includes(message)) list.push(message);
    errors.set(field, list);
  };
  const t = rulesTranslator(locale);
  const addIssue = (field: string, issue: RuleIssue | null) => {
    if (issue) add(field, ruleMessage(t, issue));
  };

  const schema = quoteRequestSchema(locale);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) add(key, apiTranslator(locale)("validation.unknownField", { fields: QUOTE_FIELDS.join(", ") }));
      } else {
        add(String(issue.path[0] ?? "body"), issue.message);
      }
    }
  }
  const field = <K extends QuoteFieldName>(name: K): z.output<(typeof QuoteRequestSchema.shape)[K]> | undefined => {
    const r = schema.shape[name].safeParse(raw[name]);
    return r.success ? (r.data as z.output<(typeof QuoteRequestSchema.shape)[K]>) : undefined;
  };

  const scheme = field("scheme");
  const plafon = field("plafon");
  if (scheme !== undefined && plafon !== undefined) {
    addIssue("plafon", checkPlafon(scheme, plafon));
  }

  const date = field("date") ?? today;

  if (field("employsWorkers") === true) {
    const jht = field("jht");
    if (jht !== undefined) addIssue("jht", checkJhtForEmployer({ employsWorkers: true, jht }));
  }

  const nik = field("nik");
  if (nik) {
    const check = parseNik(nik, date);
    if (!check.ok) {
      addIssue("nik", check.issue);
    } else {
      // Each field is compared with the NIK on its own, so a missing sex does not hide a wrong date.
      const birthDate = field("birthDate");
      const sex = field("sex");
      if (birthDate) {
        addIssue("birthDate", checkNikAgainstForm(check.value, { birthDate, sex: check.value.sex }).birthDate);
      }
      if (sex) {
        addIssue("sex", checkNikAgainstForm(check.value, { birthDate: check.value.birthDate, sex }).sex);
      }
    }
  }

  if (errors.size > 0 || !parsed.success) {
    return { ok: false, errors: Object.fromEntries(errors) };
  }
  const d = parsed.data;
  return {
    ok: true,
    data: {
      scheme: d.scheme,
      plafon: d.plafon,
      declaredIncome: d.declaredIncome,
      jht: d.jht,
      sector: d.sector,
      month: d.month ?? monthOf(date),
      fundedByBudget: d.fundedByBudget ?? false,
      kanwilCode: d.kanwilCode ?? null,
      employsWorkers: d.employsWorkers ?? false,
      date,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Responses

/** The explanation codes a mandate decision can carry (lib/rules/mandate.ts explainMandate). */
export const MANDATE_EXPLANATION_CODES = RULE_ISSUE_CODES.filter(
  (code) => code.startsWith("mandate.") && code !== "mandate.legalBasis",
) as unknown as readonly [RuleIssue["code"], ...RuleIssue["code"][]];

export const QuoteMandateSchema = z
  .object({
    status: z.enum(QUOTE_MANDATE_STATUSES).meta({
      description:
        "MANDATORY: wajib; PHASED_REQUIRED: wajib bertahap (aturan tahapan berlaku); VOLUNTARY: sukarela, dianjurkan; " +
        "OUT_OF_SCOPE: di luar cakupan kanal BPU (KUR PMI).",
    }),
    ruleId: z.enum(MANDATE_RULE_IDS).meta({ description: "Aturan yang menghasilkan keputusan." }),
    ruleVersion: z.string().meta({ description: "Versi aturan, agar keputusan dapat diulang." }),
    legalBasis: z.string().meta({
      description: "Dasar hukum dalam bahasa yang diminta (Accept-Language), mis. Permenko 1/2023 Pasal 26 ayat (8).",
    }),
    explanation: z.string().meta({
      description:
        "Penjelasan keputusan, siap ditampilkan ke petugas: bahasa Indonesia, atau bahasa Inggris bila Accept-Language " +
        "meminta en. Teksnya dapat berubah; untuk logika gunakan status, ruleId, explanationCode.",
    }),
    explanationCode: z.enum(MANDATE_EXPLANATION_CODES).meta({
      description: "Kode penjelasan (satu per aturan), untuk sistem yang menyusun teksnya sendiri.",
    }),
    explanationParams: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .meta({
        description:
          "Nilai dalam penjelasan: plafon dan tanggal sudah berformat (Rp150.000.000, 01/07/2026), " +
          "thresholdMillions angka (100 = Rp100 juta), scheme kode skema, phase nama tahap.",
      }),
  })
  .meta({ title: "QuoteMandate" });

const rupiah = (description: string) => z.int().nonnegative().meta({ description });

export const QuoteContributionSchema = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).meta({ description: "Bulan iuran, YYYY-MM." }),
    tierBasis: rupiah("Dasar iuran tingkat penghasilan (PP 44/2015 Lampiran II), rupiah."),
    jkk: rupiah("Iuran JKK terutang setelah keringanan, rupiah."),
    jkm: rupiah("Iuran JKM terutang setelah keringanan, rupiah."),
    jht: rupiah("Iuran JHT terutang, rupiah (0 bila tidak ikut JHT; keringanan tidak berlaku untuk JHT)."),
    discount: rupiah("Potongan keringanan PP 50/2025 (0 bila tidak ada), rupiah."),
    reliefRuleId: z
      .enum(RELIEF_RULES.map((r) => r.id) as [string, ...string[]])
      .nullable()
      .meta({ description: "Aturan keringanan yang dipakai, atau null." }),
    total: rupiah("jkk + jkm + jht, rupiah."),
  })
  .meta({ title: "QuoteContribution" });

export const QuoteResponseSchema = z
  .object({
    mandate: QuoteMandateSchema,
    contribution: QuoteContributionSchema.nullable().meta({
      description: "Iuran satu bulan; null bila kepesertaan di luar cakupan (OUT_OF_SCOPE).",
    }),
  })
  .meta({ title: "QuoteResponse" });

export type QuoteResponse = z.infer<typeof QuoteResponseSchema>;

export const ValidationErrorSchema = z
  .object({
    errors: z
      .record(z.string(), z.array(z.string()).min(1))
      .meta({
        description:
          "Pesan per nama kolom permintaan (bahasa Indonesia, atau Inggris bila Accept-Language meminta en); semua kolom yang salah sekaligus.",
      }),
  })
  .meta({ title: "ValidationError" });

export const ErrorSchema = z
  .object({
    error: z.string().meta({ description: "Pesan dalam bahasa Indonesia, atau Inggris bila Accept-Language meminta en." }),
    errorId: z.string().optional().meta({ description: "Hanya pada 500: kode untuk dukungan teknis, tercatat di log server." }),
  })
  .meta({ title: "Error" });
