/**
 * Shapes of the BPJS branch review (issue #5): the queue's query string, the reviewer's decisions and
 * a recorded payment. Shared by server actions and client forms; pure (zod and lib/rules only).
 */
import { z } from "zod";
import { single, optionalEnum } from "@/lib/search-params";
import { KUR_SCHEMES, isIsoDate } from "@/lib/rules";
import { parseRupiahInput } from "@/lib/enrolment/schema";

export const REVIEW_PAGE_SIZE = 20;
export const QUEUE_PATH = "/tinjauan";

export const QUEUE_STATUSES = ["SUBMITTED", "RETURNED", "APPROVED", "REJECTED"] as const;
export const QUEUE_MANDATES = ["MANDATORY", "PHASED_REQUIRED", "VOLUNTARY"] as const;

export const REJECT_REASONS = ["NIK_INVALID", "DUPLICATE_PARTICIPANT", "NOT_ELIGIBLE", "DATA_MISMATCH", "OTHER"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const REJECT_REASON_LABELS: Record<RejectReason, { id: string; en: string }> = {
  NIK_INVALID: { id: "NIK tidak valid", en: "Invalid NIK" },
  DUPLICATE_PARTICIPANT: { id: "Peserta ganda", en: "Duplicate participant" },
  NOT_ELIGIBLE: { id: "Tidak memenuhi syarat", en: "Not eligible" },
  DATA_MISMATCH: { id: "Data tidak sesuai", en: "Data mismatch" },
  OTHER: { id: "Lainnya", en: "Other" },
};

export const PAYMENT_CHANNELS = ["VIRTUAL_ACCOUNT", "BANK_TELLER", "AUTODEBIT", "RETAIL_OUTLET", "BPJS_OFFICE"] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

export const PAYMENT_CHANNEL_LABELS: Record<PaymentChannel, { id: string; en: string }> = {
  VIRTUAL_ACCOUNT: { id: "Virtual account", en: "Virtual account" },
  BANK_TELLER: { id: "Teller bank", en: "Bank teller" },
  AUTODEBIT: { id: "Autodebet", en: "Direct debit" },
  RETAIL_OUTLET: { id: "Gerai ritel", en: "Retail outlet" },
  BPJS_OFFICE: { id: "Kantor BPJS Ketenagakerjaan", en: "BPJS Ketenagakerjaan office" },
};

/** A page number from the URL (?page=3); anything malformed is page 1. */
const pageParam = z
  .preprocess(single, z.string().regex(/^\d{1,6}$/).transform(Number).pipe(z.number().int().min(1)))
  .catch(1);

/**
 * /tinjauan?penyalur=…&scheme=…&mandate=…&status=…&page=…: the URL is the state, untrusted and often
 * stale, so anything malformed falls back to its default. The default status is SUBMITTED (the work
 * waiting); `status=ALL` shows every status.
 */
export const QueueParams = z.object({
  penyalur: z.preprocess(single, z.uuid().optional()).catch(undefined),
  scheme: optionalEnum(KUR_SCHEMES),
  mandate: optionalEnum(QUEUE_MANDATES),
  status: z.preprocess((v) => single(v) ?? "SUBMITTED", z.enum([...QUEUE_STATUSES, "ALL"])).catch("SUBMITTED"),
  page: pageParam,
});
export type QueueQuery = z.output<typeof QueueParams>;

/** /tunggakan?page=…: the arrears list's page, read like the queue's. */
export function parseArrearsPage(input: Record<string, string | string[] | undefined> | undefined | null): number {
  return pageParam.parse((input ?? {}).page);
}

export function parseQueueQuery(input: Record<string, string | string[] | undefined> | undefined | null): QueueQuery {
  return QueueParams.parse(input ?? {});
}

/** The queue's URL for a query, keeping only what differs from the defaults. */
export function queueHref(query: QueueQuery, change: Partial<QueueQuery> = {}): string {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  if (q.penyalur) params.set("penyalur", q.penyalur);
  if (q.scheme) params.set("scheme", q.scheme);
  if (q.mandate) params.set("mandate", q.mandate);
  if (q.status !== "SUBMITTED") params.set("status", q.status);
  if (q.page > 1) params.set("page", String(q.page));
  const s = params.toString();
  return s ? `${QUEUE_PATH}?${s}` : QUEUE_PATH;
}

const enrolmentRef = {
  enrolmentId: z.uuid({ error: "Pendaftaran tidak dikenal." }),
  version: z.coerce.number({ error: "Versi pendaftaran tidak dikenal." }).int().min(1),
};

export const ApproveInput = z.object(enrolmentRef);
export type ApproveInput = z.output<typeof ApproveInput>;

export const ReturnInput = z.object({
  ...enrolmentRef,
  reason: z
    .string({ error: "Alasan pengembalian wajib diisi." })
    .trim()
    .min(10, "Tulis alasan pengembalian yang jelas bagi petugas (paling sedikit 10 karakter).")
    .max(1000, "Paling banyak 1000 karakter."),
});
export type ReturnInput = z.output<typeof ReturnInput>;

export const RejectInput = z.object({
  ...enrolmentRef,
  reason: z.enum(REJECT_REASONS, { error: "Pilih alasan penolakan." }),
  note: z
    .string({ error: "Catatan penolakan wajib diisi." })
    .trim()
    .min(10, "Tulis catatan penolakan (paling sedikit 10 karakter).")
    .max(1000, "Paling banyak 1000 karakter."),
});
export type RejectInput = z.output<typeof RejectInput>;

/** Bulk approval: "<id>:<version>" per ticked row, as the queue's checkboxes send them. */
export const BulkApproveInput = z.object({
  items: z
    .array(
      z
        .string()
        .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d{1,9}$/i)
        .transform((s) => {
          const [enrolmentId, version] = s.split(":");
          return { enrolmentId: enrolmentId!, version: Number(version) };
        }),
      { error: "Pilih pendaftaran yang akan disetujui." },
    )
    .min(1, "Pilih paling sedikit satu pendaftaran.")
    .max(100, "Paling banyak 100 pendaftaran sekaligus."),
});
export type BulkApproveInput = z.output<typeof BulkApproveInput>;

export const PaymentInput = z.object({
  enrolmentId: z.uuid({ error: "Pendaftaran tidak dikenal." }),
  amount: z.preprocess(
    parseRupiahInput,
    z
      .number({ error: (issue) => (issue.input === undefined ? "Jumlah wajib diisi." : "Jumlah harus berupa angka rupiah, mis. 16.800.") })
      .int("Jumlah harus bilangan bulat rupiah.")
      .positive("Jumlah harus lebih dari Rp0.")
      .max(1_000_000_000, "Jumlah terlalu besar."),
  ),
  paidOn: z.string({ error: "Tanggal bayar wajib diisi." }).refine(isIsoDate, "Tanggal bayar wajib diisi dengan tanggal yang valid."),
  channel: z.enum(PAYMENT_CHANNELS, { error: "Pilih saluran pembayaran." }),
  reference: z
    .string({ error: "Nomor referensi wajib diisi." })
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(
      z
        .string()
        .min(4, "Nomor referensi paling sedikit 4 karakter.")
        .max(64, "Nomor referensi paling banyak 64 karakter.")
        .regex(/^[A-Z0-9][A-Z0-9/._-]*$/, "Nomor referensi hanya berisi huruf, angka, garis miring, titik, garis bawah dan tanda hubung."),
    ),
});
export type PaymentInput = z.output<typeof PaymentInput>;

export type FieldErrors = Record<string, string[]>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}
