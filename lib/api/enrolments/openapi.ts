/**
 * The host-to-host operations of the OpenAPI document (lib/api/openapi.ts merges them in): their
 * schemas are the endpoint's own zod schemas (lib/api/enrolments-schema.ts), registered as components.
 */
import type { z } from "zod";
import { ChangesPageSchema, EnrolmentCreatedSchema, EnrolmentRequestSchema, EnrolmentResourceSchema } from "@/lib/api/enrolments-schema";

export const ENROLMENTS_PATH = "/api/v1/enrolments";
export const ENROLMENT_PATH = "/api/v1/enrolments/{id}";
export const CHANGES_PATH = "/api/v1/enrolments/changes";

export const H2H_COMPONENTS: Record<string, z.ZodType> = {
  EnrolmentRequest: EnrolmentRequestSchema,
  EnrolmentResource: EnrolmentResourceSchema,
  EnrolmentCreated: EnrolmentCreatedSchema,
  ChangesPage: ChangesPageSchema,
};

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const error = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
const language = {
  name: "Accept-Language",
  in: "header",
  required: false,
  description: "Bahasa pesan: id (bawaan) atau en.",
  schema: { type: "string", default: "id" },
};
const common = {
  "401": error("Kunci API tidak ada, tidak valid, atau sudah dicabut."),
  "429": error("Terlalu banyak permintaan dengan kunci ini (Retry-After)."),
  "500": error("Kesalahan tak terduga; errorId tercatat di log server."),
};

export function h2hPaths() {
  return {
    [ENROLMENTS_PATH]: {
      post: {
        tags: ["enrolments"],
        operationId: "createEnrolment",
        summary: "Daftarkan debitur KUR dari sistem bank (host-to-host)",
        description:
          "Semua kolom e-form, divalidasi dan disimpan oleh mutasi yang sama dengan e-form (aturan, transaksi, audit, cakupan). " +
          "Idempoten terhadap header Idempotency-Key: kunci dan isi yang sama mendapat jawaban pertama lagi (Idempotent-Replayed: true); " +
          "kunci yang sama dengan isi lain 409. Isi yang ditolak (422) tidak memakai kuncinya. Nomor pinjaman yang sudah terdaftar di " +
          "penyalur yang sama mengembalikan pendaftaran itu (200, duplicate loanNumber).",
        security: [{ bearerAuth: [] }],
        parameters: [
          {
            name: "Idempotency-Key",
            in: "header",
            required: true,
            description: "Teks unik 1–255 karakter ASCII tercetak per pendaftaran (mis. UUID); kirim ulang dengan kunci yang sama.",
            schema: { type: "string", minLength: 1, maxLength: 255 },
          },
          language,
        ],
        requestBody: { required: true, content: { "application/json": { schema: ref("EnrolmentRequest") } } },
        responses: {
          "201": {
            description: "Terdaftar (atau pengulangan kunci yang sama: jawaban pertama).",
            headers: { Location: { description: "URL pendaftaran.", schema: { type: "string" } } },
            content: { "application/json": { schema: ref("EnrolmentCreated") } },
          },
          "200": { description: "Nomor pinjaman ini sudah terdaftar: pendaftaran yang ada.", content: { "application/json": { schema: ref("EnrolmentCreated") } } },
          "400": error("Idempotency-Key tidak ada, atau badan permintaan bukan objek JSON."),
          "409": error("Idempotency-Key sudah dipakai dengan isi lain, atau tabrakan dengan perubahan lain."),
          "413": error("Badan permintaan lebih dari 16 KiB."),
          "422": { description: "Semua kolom yang salah sekaligus.", content: { "application/json": { schema: ref("ValidationError") } } },
          ...common,
        },
      },
    },
    [CHANGES_PATH]: {
      get: {
        tags: ["enrolments"],
        operationId: "listChanges",
        summary: "Perubahan pendaftaran penyalur ini sejak kursor",
        description:
          "Peristiwa (enrolment.submitted, enrolment.approved dengan KPJ, enrolment.returned dengan alasan, enrolment.rejected, " +
          "payment.settled, payment.reversed, coverage.arrears, coverage.lapsed, loan.*) sesudah kursor, terlama dahulu. Simpan nextCursor " +
          "dan kirim sebagai after berikutnya: tidak ada peristiwa yang terlewat, juga yang transaksinya selesai belakangan. Sama dengan isi webhook.",
        security: [{ bearerAuth: [] }],
        parameters: [
          { name: "after", in: "query", required: false, description: "Kursor (seq terakhir yang sudah diproses); bawaan 0.", schema: { type: "string", pattern: "^[0-9]{1,19}$", default: "0" } },
          { name: "limit", in: "query", required: false, description: "Paling banyak sekian peristiwa (1–500).", schema: { type: "integer", minimum: 1, maximum: 500, default: 100 } },
          language,
        ],
        responses: {
          "200": { description: "Peristiwa dan kursor berikutnya.", content: { "application/json": { schema: ref("ChangesPage") } } },
          "422": { description: "Kursor atau limit tidak valid.", content: { "application/json": { schema: ref("ValidationError") } } },
          ...common,
        },
      },
    },
    [ENROLMENT_PATH]: {
      get: {
        tags: ["enrolments"],
        operationId: "getEnrolment",
        summary: "Status, keputusan, KPJ, iuran, perlindungan dan izin pencairan satu pendaftaran",
        security: [{ bearerAuth: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }, language],
        responses: {
          "200": { description: "Pendaftaran.", content: { "application/json": { schema: ref("EnrolmentResource") } } },
          "404": error("Tidak ada, atau milik penyalur lain."),
          ...common,
        },
      },
    },
  };
}
