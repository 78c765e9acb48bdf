/**
 * The OpenAPI 3.1 description of the public API, served at GET /api/v1/openapi.json.
 *
 * Built from the same zod schemas the endpoint validates with (lib/api/quote-schema.ts), and its
 * examples are computed by the same functions the endpoint calls, so the document cannot drift from
 * the behaviour; tests/unit/api/openapi.test.ts checks that every example passes its own schema.
 */
import { z } from "zod";
import { quoteFor } from "@/lib/api/quote";
import {
  ErrorSchema,
  QuoteContributionSchema,
  QuoteMandateSchema,
  QuoteRequestSchema,
  QuoteResponseSchema,
  ValidationErrorSchema,
  validateQuote,
  type QuoteResponse,
} from "@/lib/api/quote-schema";
import { AmountNotDueSchema, PAYMENT_NOTIFICATION_EXAMPLE, PaymentNotificationBody, PaymentSettledSchema } from "@/lib/api/payment-notification-schema";
import { SIGNATURE_WINDOW_SECONDS } from "@/lib/api/payment-signature";
import type { PhaseRule } from "@/lib/rules";
import { H2H_COMPONENTS, h2hPaths } from "@/lib/api/enrolments/openapi";

export const OPENAPI_VERSION = "3.1.0";
export const API_VERSION = "1.0.0";
export const QUOTES_PATH = "/api/v1/quotes";
export const OPENAPI_PATH = "/api/v1/openapi.json";
export const PAYMENT_NOTIFICATIONS_PATH = "/api/v1/payments/notifications";

/** Examples are computed as of this day, with this phase rule for the key's penyalur. */
export const EXAMPLE_TODAY = "2026-11-21";
const EXAMPLE_PENYALUR_ID = "00000000-0000-4000-8000-0000000000b1";
const EXAMPLE_PHASE_RULES: readonly PhaseRule[] = [
  {
    id: "contoh-tahap-bri-jabar",
    penyalurId: EXAMPLE_PENYALUR_ID,
    kanwilCode: "JAWA_BARAT",
    startDate: "2026-07-01",
    scopeLabel: "BRI di Kanwil Jawa Barat",
  },
];

export const REQUEST_EXAMPLES = {
  kecil: {
    summary: "KUR Kecil: wajib (Permenko 1/2023 Pasal 26 ayat (8)), keringanan PP 50/2025",
    value: {
      scheme: "KECIL",
      plafon: 150_000_000,
      declaredIncome: 3_000_000,
      jht: true,
      sector: "OTHER",
      month: "2026-11",
      nik: "3201011708850001",
      birthDate: "1985-08-17",
      sex: "L",
    },
  },
  mikroPhased: {
    summary: "KUR Mikro di wilayah tahapan penyalur: wajib bertahap (Pasal 22 ayat (8))",
    value: { scheme: "MIKRO", plafon: 50_000_000, declaredIncome: 2_000_000, jht: false, sector: "OTHER", month: "2026-11", kanwilCode: "JAWA_BARAT" },
  },
  pmi: {
    summary: "KUR PMI: di luar cakupan kanal BPU, tanpa iuran",
    value: { scheme: "PMI", plafon: 25_000_000, declaredIncome: 5_000_000, jht: false, sector: "OTHER" },
  },
} as const;

export const INVALID_REQUEST_EXAMPLE = {
  scheme: "MIKRO",
  plafon: 150_000_000,
  declaredIncome: 0,
  jht: "ya",
  sector: "OTHER",
  month: "2026-13",
  nik: "3201011708850001",
  birthDate: "1985-08-18",
  kanwilcode: "JAWA_BARAT",
};

function exampleQuote(value: Record<string, unknown>): QuoteResponse {
  const v = validateQuote(value, EXAMPLE_TODAY);
  if (!v.ok) throw new Error(`OpenAPI example is invalid: ${JSON.stringify(v.errors)}`);
  return quoteFor(v.data, { penyalurId: EXAMPLE_PENYALUR_ID, phaseRules: EXAMPLE_PHASE_RULES });
}

function exampleErrors(value: Record<string, unknown>): { errors: Record<string, string[]> } {
  const v = validateQuote(value, EXAMPLE_TODAY);
  if (v.ok) throw new Error("OpenAPI 422 example unexpectedly passes validation");
  return { errors: v.errors };
}

/** JSON Schemas of components.schemas, with $refs between them. */
function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  registry.add(QuoteRequestSchema, { id: "QuoteRequest" });
  registry.add(QuoteResponseSchema, { id: "QuoteResponse" });
  registry.add(QuoteMandateSchema, { id: "QuoteMandate" });
  registry.add(QuoteContributionSchema, { id: "QuoteContribution" });
  registry.add(ValidationErrorSchema, { id: "ValidationError" });
  registry.add(ErrorSchema, { id: "Error" });
  registry.add(PaymentNotificationBody, { id: "PaymentNotification" });
  registry.add(PaymentSettledSchema, { id: "PaymentSettled" });
  registry.add(AmountNotDueSchema, { id: "AmountNotDue" });
  for (const [id, schema] of Object.entries(H2H_COMPONENTS)) registry.add(schema, { id });
  // io "input": response objects are not closed with additionalProperties:false, so adding a field
  // to a response later does not break clients that validate strictly.
  const { schemas } = z.toJSONSchema(registry, {
    target: "draft-2020-12",
    io: "input",
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      // The OpenAPI 3.1 document sets the dialect; per-schema $schema/$id would only add noise.
      const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
      void _dialect;
      void _id;
      return [id, rest];
    }),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function errorResponse(description: string, example: { error: string; errorId?: string }, headers?: Record<string, unknown>) {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { "application/json": { schema: ref("Error"), example } },
  };
}

/** POST /api/v1/payments/notifications (docs/api.md "Notifikasi pembayaran"). */
function paymentNotificationOperation() {
  const header = (name: string, description: string, example: string) => ({ name, in: "header", required: true, description, schema: { type: "string" }, example });
  return {
    tags: ["payments"],
    operationId: "notifyPayment",
    summary: "Notifikasi pembayaran iuran terhadap kode bayar",
    description:
      "Kanal pembayaran memberi tahu bahwa debitur membayar dengan kode bayar. Jumlah harus sama dengan iuran sejumlah " +
      "bulan penuh dari bulan tertua yang dapat dibayar (422 dengan acceptedAmounts bila tidak); bulan dilunasi tertua " +
      "dahulu, dengan penyelesaian yang sama dengan pencatatan manual petugas BPJS. Idempoten terhadap referensi kanal: " +
      "referensi dan isi yang sama mendapat jawaban pertama lagi; referensi sama dengan isi lain 409.",
    security: [{ channelAuth: [] }],
    parameters: [
      header("X-LindungiKUR-Timestamp", `Waktu Unix (detik) saat ditandatangani; ditolak bila selisih lebih dari ${SIGNATURE_WINDOW_SECONDS} detik.`, "1795228800"),
      header("X-LindungiKUR-Signature", "sha256= + hex HMAC-SHA256(rahasia kanal, \"<timestamp>.<badan permintaan apa adanya>\").", "sha256=3f1c…"),
    ],
    requestBody: { required: true, content: { "application/json": { schema: ref("PaymentNotification"), example: PAYMENT_NOTIFICATION_EXAMPLE } } },
    responses: {
      "200": { description: "Dilunasi (atau pengulangan dengan isi sama: jawaban pertama).", content: { "application/json": { schema: ref("PaymentSettled") } } },
      "400": errorResponse("Badan permintaan bukan objek JSON yang valid.", { error: "Badan permintaan bukan JSON yang valid." }),
      "401": errorResponse("Kunci kanal tidak ada atau tidak valid, tanda tangan tidak ada, salah, atau kedaluwarsa.", { error: "Tanda tangan permintaan tidak cocok." }),
      "409": errorResponse("Referensi sudah dipakai untuk notifikasi dengan isi lain.", { error: "Referensi TRX-20261121-0001 sudah dipakai untuk notifikasi lain dengan isi berbeda." }),
      "413": errorResponse("Badan permintaan lebih dari 16 KiB.", { error: "Badan permintaan terlalu besar (paling banyak 16384 bait)." }),
      "422": {
        description: "Kolom salah, kode bayar tidak dikenal, tanggal bayar di luar rentang, atau jumlah bukan iuran bulan penuh (dengan acceptedAmounts).",
        content: { "application/json": { schema: { oneOf: [ref("ValidationError"), ref("AmountNotDue")] } } },
      },
      "500": errorResponse("Kesalahan tak terduga; errorId tercatat di log server.", {
        error: "Terjadi kesalahan tak terduga di server. Sebutkan kode 9F2C41AB bila menghubungi tim dukungan.",
        errorId: "9F2C41AB",
      }),
    },
  };
}

function buildDocument() {
  const quoteExamples = Object.fromEntries(
    Object.entries(REQUEST_EXAMPLES).map(([name, ex]) => [name, { summary: ex.summary, value: exampleQuote(ex.value) }]),
  );
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: "LindungiKUR API",
      version: API_VERSION,
      summary: "Simulasi kewajiban kepesertaan BPJS Ketenagakerjaan dan iuran BPU bagi debitur KUR.",
      description:
        "Untuk sistem penyalur KUR (bank, Pegadaian, BPR, koperasi). Setiap kunci API milik satu penyalur; " +
        "keputusan memperhitungkan aturan tahapan penyalur itu. Simulasi (quotes) tidak menyimpan apa pun; " +
        "pendaftaran host-to-host (enrolments) menulis seperti e-form. Tidak ada jawaban yang berisi NIK. Panduan: docs/api.md.",
    },
    servers: [{ url: "/", description: "Server yang menyajikan dokumen ini" }],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: "quotes", description: "Simulasi keputusan dan iuran" },
      { name: "payments", description: "Notifikasi pembayaran dari kanal pembayaran" },
      { name: "enrolments", description: "Pendaftaran host-to-host dari sistem penyalur, dan perubahan sejak kursor" },
    ],
    paths: {
      [QUOTES_PATH]: {
        post: {
          tags: ["quotes"],
          operationId: "createQuote",
          summary: "Keputusan kewajiban kepesertaan dan iuran satu bulan",
          description:
            "Memutuskan apakah debitur wajib menjadi peserta BPU (Permenko 1/2023: Pasal 26 ayat (8) KUR Kecil, " +
            "Pasal 35 ayat (11) KUR Khusus, Pasal 22 ayat (8) tahapan KUR Mikro, surat pengantar angka 5 tahapan KUR " +
            "Super Mikro; KUR PMI di luar cakupan, Permenaker 4/2023) pada tanggal keputusan: kolom date, atau hari ini " +
            "menurut zona waktu kantor penyalur pemilik kunci API (officeCode, bawaan kantor pusatnya), dan menghitung " +
            "iuran JKK, JKM, JHT satu bulan setelah keringanan PP 50/2025. " +
            "Semua kolom yang salah dilaporkan sekaligus (422). Tidak menulis apa pun. Pesan dan penjelasan dalam bahasa " +
            "Indonesia, atau bahasa Inggris bila Accept-Language meminta en (lihat Content-Language pada jawaban).",
          security: [{ bearerAuth: [] }],
          parameters: [
            {
              name: "Accept-Language",
              in: "header",
              required: false,
              description:
                "Bahasa pesan, penjelasan dan dasar hukum: id (bawaan) atau en, menurut preferensi (q) header ini. " +
                "Kode (status, ruleId, explanationCode) dan nilai tidak berubah.",
              schema: { type: "string", default: "id" },
              example: "en",
            },
          ],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: ref("QuoteRequest"),
                examples: Object.fromEntries(
                  Object.entries(REQUEST_EXAMPLES).map(([name, ex]) => [name, { summary: ex.summary, value: ex.value }]),
                ),
              },
            },
          },
          responses: {
            "200": {
              description: "Keputusan dan iuran (contribution null untuk OUT_OF_SCOPE).",
              content: { "application/json": { schema: ref("QuoteResponse"), examples: quoteExamples } },
            },
            "400": errorResponse("Badan permintaan bukan objek JSON yang valid.", {
              error: "Badan permintaan bukan JSON yang valid.",
            }),
            "401": errorResponse(
              "Kunci API tidak ada, tidak valid, atau sudah dicabut.",
              { error: "Kunci API tidak valid atau sudah dicabut." },
              {
                "WWW-Authenticate": {
                  description: 'Selalu ada, mis. Bearer realm="LindungiKUR", error="invalid_token".',
                  schema: { type: "string" },
                },
              },
            ),
            "413": errorResponse("Badan permintaan lebih dari 16 KiB.", {
              error: "Badan permintaan terlalu besar (paling banyak 16384 bait).",
            }),
            "422": {
              description:
                "Satu atau beberapa kolom salah: tipe, format, nilai di luar daftar, plafon di luar rentang skema, " +
                "NIK tidak valid atau tidak cocok dengan birthDate/sex, kolom yang tidak dikenal.",
              content: {
                "application/json": { schema: ref("ValidationError"), example: exampleErrors(INVALID_REQUEST_EXAMPLE) },
              },
            },
            "429": errorResponse(
              "Lebih dari 120 permintaan per menit dengan kunci ini.",
              { error: "Terlalu banyak permintaan dengan kunci API ini. Coba lagi dalam 42 detik." },
              { "Retry-After": { description: "Detik sampai permintaan berikutnya diterima.", schema: { type: "string" } } },
            ),
            "500": errorResponse("Kesalahan tak terduga; errorId tercatat di log server.", {
              error: "Terjadi kesalahan tak terduga di server. Sebutkan kode 9F2C41AB bila menghubungi tim dukungan.",
              errorId: "9F2C41AB",
            }),
          },
        },
      },
      [PAYMENT_NOTIFICATIONS_PATH]: { post: paymentNotificationOperation() },
      ...h2hPaths(),
      [OPENAPI_PATH]: {
        get: {
          operationId: "getOpenApiDocument",
          summary: "Dokumen OpenAPI ini",
          security: [],
          responses: { "200": { description: "Dokumen OpenAPI 3.1.", content: { "application/json": {} } } },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description:
            "Kunci API penyalur (lk_…), dibuat oleh administrator dengan `npm run api-key:create -- <KODE_PENYALUR> \"<nama>\"`.",
        },
        channelAuth: {
          type: "http",
          scheme: "bearer",
          description: "Kunci kanal pembayaran (lkc_…), satu per kanal, dengan rahasia penandatanganan HMAC-nya (docs/api.md).",
        },
      },
      schemas: componentSchemas(),
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

let cached: OpenApiDocument | undefined;

/** The document (built once per process: it depends on nothing but code). */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildDocument();
  return cached;
}
