/**
 * A loan event as the bank's system reports it (POST /api/v1/loans/events, docs/api.md "Peristiwa
 * pinjaman"): JSON with strict types. lib/api/openapi.ts renders these schemas.
 */
import { z } from "zod";
import { isIsoDate } from "@/lib/rules";
import { LOAN_EVENT_KINDS } from "@/lib/loans/cover";

export { LOAN_EVENT_KINDS, type LoanEventKind } from "@/lib/loans/cover";

export const LoanEventRequestSchema = z
  .strictObject({
    loanNumber: z.string().min(1).max(60).meta({ description: "Nomor permohonan pinjaman yang didaftarkan (sama dengan loanNumber pendaftaran).", examples: ["BRI-2026-000123"] }),
    reference: z
      .string()
      .regex(/^[\x21-\x7e]{1,100}$/)
      .meta({ description: "Referensi peristiwa di sistem bank, unik per penyalur: referensi dan isi yang sama adalah pengulangan.", examples: ["DISB-2026-000123"] }),
    kind: z.enum(LOAN_EVENT_KINDS).meta({
      description: "DISBURSED (pencairan: amount dan tenorMonths wajib), EARLY_REPAYMENT (pelunasan dipercepat), WRITE_OFF (hapus buku), RESTRUCTURED (restrukturisasi: tenorMonths baru, dihitung dari pencairan).",
    }),
    occurredOn: z.string().refine(isIsoDate).meta({ description: "Tanggal peristiwa YYYY-MM-DD (tidak setelah hari ini).", format: "date", examples: ["2026-12-09"] }),
    amount: z.int().positive().nullish().meta({ description: "Rupiah: jumlah dicairkan (DISBURSED, paling banyak plafon) atau sisa pokok (lainnya, boleh kosong).", examples: [150_000_000] }),
    tenorMonths: z.int().min(1).max(240).nullish().meta({ description: "Jangka waktu dalam bulan dari pencairan (DISBURSED, RESTRUCTURED).", examples: [36] }),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "DISBURSED" && v.amount == null) ctx.addIssue({ code: "custom", path: ["amount"], message: "required" });
    if ((v.kind === "DISBURSED" || v.kind === "RESTRUCTURED") && v.tenorMonths == null) ctx.addIssue({ code: "custom", path: ["tenorMonths"], message: "required" });
  });
export type LoanEventRequest = z.infer<typeof LoanEventRequestSchema>;

export const LoanStateSchema = z.object({
  disbursedOn: z.string().nullable(),
  disbursedAmount: z.int().nullable(),
  tenorMonths: z.int().nullable(),
  expectedCoverEndMonth: z.string().nullable().meta({ description: "Bulan terakhir kepesertaan yang diharapkan (YYYY-MM): mengikuti tenor, atau bulan berakhirnya kewajiban." }),
  obligationEndedOn: z.string().nullable(),
  obligationEndReason: z.enum(["EARLY_REPAYMENT", "WRITE_OFF"]).nullable(),
  coverageGap: z.boolean().nullable().meta({ description: "true: debitur wajib, dicairkan sebelum kepesertaan disetujui dan bulan pertama dibayar." }),
});

export const LoanEventRecordedSchema = z.object({
  enrolmentId: z.uuid(),
  reference: z.string(),
  kind: z.enum(LOAN_EVENT_KINDS),
  replayed: z.boolean().meta({ description: "true: referensi ini sudah tercatat dengan isi yang sama (tidak dicatat dua kali)." }),
  loan: LoanStateSchema,
});
export type LoanEventRecorded = z.infer<typeof LoanEventRecordedSchema>;
