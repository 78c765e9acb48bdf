/**
 * The host-to-host enrolment API's shapes (POST/GET /api/v1/enrolments, GET /api/v1/changes,
 * docs/api.md): the JSON request (strict types: a plafon is a JSON integer, a box a JSON boolean) and
 * the responses. lib/api/openapi.ts renders these zod schemas as JSON Schema, so the published
 * document is what the endpoint accepts and returns.
 *
 * The request carries every field of the e-form under the e-form's own names (lib/enrolment/schema),
 * plus `officeCode`, the penyalur office the loan belongs to. This schema checks only the JSON types;
 * every rule (NIK against birth date and sex, plafon band, tenor, KBLI, NPWP, …) is the e-form's own
 * validateEnrolment, called with the same values (lib/api/enrolments/endpoint.ts), so no rule is
 * written twice. The participant's fields are needed only for a NIK not yet registered; for a
 * registered one the stored participant is used and they are ignored, as on the e-form.
 */
import { z } from "zod";
import { KUR_PURPOSES, KUR_SCHEMES, PROVINCES, COVERAGE_STATUSES } from "@/lib/rules";
import type { Locale } from "@/lib/i18n/config";
import { FORM_FIELD_ORDER, HEIR_RELATIONSHIPS, type EnrolmentFieldName } from "@/lib/enrolment/schema/fields";
import { h2hTranslator, type H2hTranslator } from "@/lib/api/enrolments/messages";

const PROVINCE_CODES = PROVINCES.map((p) => p.code) as [string, ...string[]];

/** The request's fields: the penyalur office, then the e-form's own in its order (its submission key comes from the Idempotency-Key). */
export type EnrolmentRequestField = "officeCode" | Exclude<EnrolmentFieldName, "submissionKey">;
export const ENROLMENT_REQUEST_FIELDS: readonly EnrolmentRequestField[] = [
  "officeCode",
  ...FORM_FIELD_ORDER.filter((f): f is Exclude<EnrolmentFieldName, "submissionKey"> => f !== "submissionKey"),
];

function requestSchema(t: H2hTranslator) {
  const label = (f: EnrolmentRequestField) => t(`field.${f}`);
  const typeError = (f: EnrolmentRequestField, expected: string) => (issue: { input?: unknown }) =>
    issue.input === undefined ? t("validation.required", { label: label(f) }) : t("validation.mustBe", { label: label(f), expected });
  const text = (f: EnrolmentRequestField, description: string, example: string) =>
    z.string({ error: typeError(f, t("expected.text")) }).meta({ description, examples: [example] });
  const optionalText = (f: EnrolmentRequestField, description: string, example: string) => text(f, description, example).nullish();
  const date = (f: EnrolmentRequestField, description: string, example: string) =>
    z.string({ error: typeError(f, t("expected.date")) }).meta({ description, format: "date", examples: [example] });
  const int = (f: EnrolmentRequestField, description: string, example: number) =>
    z.int({ error: typeError(f, t("expected.integer")) }).meta({ description, examples: [example] });
  const bool = (f: EnrolmentRequestField, description: string, example: boolean) =>
    z.boolean({ error: typeError(f, t("expected.boolean")) }).meta({ description, examples: [example] });
  const oneOf = <T extends readonly [string, ...string[]]>(f: EnrolmentRequestField, values: T, description: string) =>
    z.enum(values, { error: typeError(f, t("expected.oneOf", { values: values.join(", ") })) }).meta({ description, examples: [values[0]] });

  return z.strictObject({
    officeCode: text("officeCode", "Kode kantor penyalur (milik penyalur kunci API) tempat pinjaman ini; menentukan hari ini, cakupan dan Kantor Cabang bawaan.", "BRI-BDG-AA"),
    nik: text("nik", "NIK debitur, 16 digit (dicocokkan dengan tanggal lahir dan jenis kelamin).", "3273011708850001"),
    fullName: optionalText("fullName", "Nama lengkap sesuai KTP. Wajib untuk NIK yang belum terdaftar.", "Budi Santoso"),
    birthPlace: optionalText("birthPlace", "Tempat lahir. Wajib untuk NIK yang belum terdaftar.", "Bandung"),
    birthDate: date("birthDate", "Tanggal lahir YYYY-MM-DD. Wajib untuk NIK yang belum terdaftar.", "1985-08-17").nullish(),
    sex: oneOf("sex", ["L", "P"] as const, "L (laki-laki) atau P (perempuan). Wajib untuk NIK yang belum terdaftar.").nullish(),
    motherMaidenName: optionalText("motherMaidenName", "Nama gadis ibu kandung. Wajib untuk NIK yang belum terdaftar.", "Siti Rohmah"),
    phone: optionalText("phone", "Nomor HP debitur (08…, +62…). Wajib untuk NIK yang belum terdaftar.", "081234567890"),
    email: optionalText("email", "Surel debitur (boleh kosong).", "budi@example.com"),
    addressProvinceCode: oneOf("addressProvinceCode", PROVINCE_CODES, "Kode provinsi alamat (Kemendagri, 2 digit).").nullish(),
    addressRegency: optionalText("addressRegency", "Kabupaten/kota alamat.", "Kota Bandung"),
    addressDistrict: optionalText("addressDistrict", "Kecamatan alamat.", "Coblong"),
    addressStreet: optionalText("addressStreet", "Alamat jalan.", "Jl. Dago No. 1"),
    businessName: text("businessName", "Nama usaha.", "Toko Budi"),
    kbli: text("kbli", "Kode KBLI 2020, 5 digit (menentukan sektor KUR dan sektor BPU).", "47111"),
    nib: optionalText("nib", "Nomor Induk Berusaha, 13 digit (boleh kosong).", "1234567890123"),
    businessStartedOn: date("businessStartedOn", "Tanggal mulai usaha YYYY-MM-DD.", "2020-01-15"),
    businessProvinceCode: oneOf("businessProvinceCode", PROVINCE_CODES, "Kode provinsi lokasi usaha."),
    employsWorkers: bool("employsWorkers", "Usaha mempekerjakan pekerja (maka JHT wajib, docs/regulation.md §3.7).", false).optional(),
    workerCount: int("workerCount", "Jumlah pekerja (1–9999) bila employsWorkers.", 2).nullish(),
    loanNumber: text("loanNumber", "Nomor permohonan pinjaman di bank; nomor yang sama di penyalur yang sama mengembalikan pendaftaran yang ada.", "BRI-2026-000123"),
    scheme: oneOf("scheme", KUR_SCHEMES, "Skema KUR."),
    plafon: int("plafon", "Plafon kredit, rupiah (angka JSON).", 150_000_000),
    purpose: oneOf("purpose", KUR_PURPOSES, "Tujuan penggunaan kredit."),
    tenorMonths: int("tenorMonths", "Jangka waktu kredit, bulan (1–120; batas per skema dan tujuan).", 36),
    plannedDisbursementDate: date("plannedDisbursementDate", "Rencana tanggal pencairan YYYY-MM-DD (tidak sebelum hari ini).", "2026-12-09"),
    npwp: optionalText("npwp", "NPWP (15 atau 16 digit); wajib bila plafon di atas Rp50.000.000.", "012345678901000"),
    priorMikroCount: int("priorMikroCount", "Jumlah KUR Mikro sebelumnya menurut SLIK (0–99).", 0),
    priorKecilCount: int("priorKecilCount", "Jumlah KUR Kecil sebelumnya menurut SLIK (0–99).", 0),
    outstandingMikro: int("outstandingMikro", "Sisa pokok KUR Mikro berjalan, rupiah (0 bila tidak ada).", 0).optional(),
    declaredIncome: int("declaredIncome", "Penghasilan per bulan, rupiah (menentukan dasar iuran BPU).", 3_000_000),
    jht: bool("jht", "Ikut Jaminan Hari Tua.", true),
    monthsInAdvance: int("monthsInAdvance", "Jumlah bulan dibayar di muka saat kepesertaan mulai (1–12).", 1),
    kantorCabangId: z
      .uuid({ error: typeError("kantorCabangId", t("expected.uuid")) })
      .nullish()
      .meta({ description: "Kantor Cabang BPJS Ketenagakerjaan (id). Bawaan: Kantor Cabang kantor penyalur (officeCode)." }),
    autoDebitConsent: bool(
      "autoDebitConsent",
      "Debitur setuju bank penyalur memotong iuran bulanan dari rekeningnya selama jangka waktu kredit (autodebet); bank lalu mengonfirmasi tiap potongan lewat POST /api/v1/payments/notifications dengan kunci kanal autodebetnya. Bawaan false.",
      false,
    ).optional(),
    heirName: text("heirName", "Nama ahli waris.", "Sri Wahyuni"),
    heirRelationship: oneOf("heirRelationship", HEIR_RELATIONSHIPS, "Hubungan ahli waris."),
    heirPhone: text("heirPhone", "Nomor HP ahli waris.", "081311112222"),
    attestNikChecked: bool("attestNikChecked", "Petugas bank menyatakan NIK dicocokkan dengan KTP asli (harus true).", true),
    attestSlikChecked: bool("attestSlikChecked", "Petugas bank menyatakan SLIK diperiksa (harus true).", true),
    attestNoOtherKur: bool("attestNoOtherKur", "Petugas bank menyatakan tidak ada KUR lain yang melanggar ketentuan (harus true).", true),
    attestNpwpPresent: bool("attestNpwpPresent", "NPWP diperiksa (harus true bila plafon di atas Rp50.000.000).", true).optional(),
    consent: bool("consent", "Persetujuan debitur atas pemrosesan data pribadi (UU 27/2022), harus true.", true),
    consentTextVersion: text("consentTextVersion", "Versi teks persetujuan yang disetujui debitur (versi terbaru: lib/enrolment/consent.ts).", "pdp-bpjstk-v1@2026-11-21"),
  });
}

const REQUEST = new Map<Locale, ReturnType<typeof requestSchema>>();
export function enrolmentRequestSchema(locale: Locale) {
  let s = REQUEST.get(locale);
  if (!s) REQUEST.set(locale, (s = requestSchema(h2hTranslator(locale))));
  return s;
}
/** The Indonesian one: what the OpenAPI document renders (shape and descriptions are the same in both). */
export const EnrolmentRequestSchema = enrolmentRequestSchema("id");
export type EnrolmentRequest = z.infer<typeof EnrolmentRequestSchema>;

// ---------------------------------------------------------------------------------------------------
// Responses

export const ENROLMENT_STATUSES = ["SUBMITTED", "RETURNED", "APPROVED", "REJECTED"] as const;

export const EnrolmentDecisionSchema = z.object({
  status: z.enum(["MANDATORY", "PHASED_REQUIRED", "VOLUNTARY"]).meta({ description: "Keputusan kewajiban kepesertaan yang berlaku." }),
  ruleId: z.string(),
  ruleVersion: z.string(),
  legalBasis: z.string().meta({ description: "Dasar hukum, dalam bahasa permintaan." }),
  requiredFrom: z.string().nullable().meta({ description: "PHASED_REQUIRED: tanggal mulai wajib (YYYY-MM-DD)." }),
});

export const EnrolmentContributionSchema = z.object({
  month: z.string().meta({ description: "Bulan iuran YYYY-MM." }),
  total: z.int().meta({ description: "Iuran bulan itu, rupiah, setelah keringanan." }),
  dueDate: z.string(),
  status: z.string().meta({ description: "DUE, PAID, OVERDUE, WRITTEN_OFF, …" }),
});

export const EnrolmentResourceSchema = z.object({
  id: z.uuid(),
  loanNumber: z.string().nullable(),
  officeCode: z.string(),
  status: z.enum(ENROLMENT_STATUSES).meta({ description: "SUBMITTED (menunggu verifikasi), RETURNED (dikembalikan, lihat returnReason), APPROVED, REJECTED." }),
  submittedAt: z.string().nullable(),
  decision: EnrolmentDecisionSchema,
  returnReason: z.string().nullable(),
  rejectReason: z.string().nullable(),
  kpj: z.string().nullable().meta({ description: "Nomor KPJ, terbit saat disetujui." }),
  billingCode: z.string().nullable().meta({ description: "Kode bayar iuran, terbit bersama KPJ." }),
  cover: z
    .object({ status: z.enum(COVERAGE_STATUSES as unknown as ["ACTIVE", "AWAITING_PAYMENT", "ARREARS", "LAPSED"]), protectedUntil: z.string().nullable() })
    .nullable()
    .meta({ description: "Status perlindungan setelah disetujui; null sebelum itu." }),
  contributions: z.array(EnrolmentContributionSchema),
  clearance: z
    .object({
      state: z.enum(["CLEARED", "WARNING", "BLOCKED"]).meta({ description: "Boleh dicairkan (CLEARED), peringatan (WARNING, gerbang penyalur warn), belum boleh (BLOCKED)." }),
      headline: z.string(),
      reasons: z.array(z.string()),
    })
    .meta({ description: "Izin pencairan pinjaman, diputuskan ulang pada hari ini (docs/regulation.md §2.2)." }),
  loan: z.object({
    disbursedOn: z.string().nullable(),
    disbursedAmount: z.int().nullable(),
    tenorMonths: z.int().nullable(),
    expectedCoverEndMonth: z.string().nullable().meta({ description: "Bulan terakhir kepesertaan yang diharapkan menurut tenor (YYYY-MM)." }),
    obligationEndedOn: z.string().nullable(),
    obligationEndReason: z.enum(["EARLY_REPAYMENT", "WRITE_OFF"]).nullable(),
    coverageGap: z.boolean().nullable().meta({ description: "true: pinjaman wajib dicairkan sebelum kepesertaan disetujui dan dibayar." }),
  }),
});
export type EnrolmentResource = z.infer<typeof EnrolmentResourceSchema>;

export const EnrolmentCreatedSchema = EnrolmentResourceSchema.extend({
  duplicate: z
    .enum(["idempotencyKey", "loanNumber"])
    .nullable()
    .meta({ description: "Bukan pendaftaran baru: kunci idempotensi yang sama (pengulangan) atau nomor pinjaman yang sudah terdaftar." }),
});
export type EnrolmentCreated = z.infer<typeof EnrolmentCreatedSchema>;

export const ChangeSchema = z.object({
  seq: z.string().meta({ description: "Urutan perubahan (bilangan bulat sebagai teks); kursor untuk permintaan berikutnya." }),
  id: z.string(),
  type: z.string().meta({ description: "enrolment.submitted, enrolment.approved, enrolment.returned, enrolment.rejected, payment.settled, …" }),
  enrolmentId: z.string().nullable(),
  occurredAt: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export const ChangesPageSchema = z.object({
  changes: z.array(ChangeSchema),
  nextCursor: z.string().meta({ description: "Kirim sebagai ?after= untuk perubahan berikutnya (sama dengan after bila tidak ada yang baru)." }),
});
export type ChangesPage = z.infer<typeof ChangesPageSchema>;
