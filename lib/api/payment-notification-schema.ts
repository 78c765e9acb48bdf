/**
 * The body of a payment notification (docs/api.md "Notifikasi pembayaran"): strict JSON, unknown fields
 * refused like the quote API's. Pure; the messages come from the `api.payment` namespace.
 */
import { z } from "zod";
import { isBillingCode } from "@/lib/rules";

export const PAYMENT_REFERENCE_FORMAT = /^[A-Za-z0-9._-]{1,64}$/;
const isoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

export const PaymentNotificationBody = z.strictObject({
  billingCode: z.string().refine(isBillingCode, "billingCodeInvalid"),
  amount: z.number().int().positive().max(1_000_000_000),
  paidOn: z.string().refine(isoDate, "paidOnInvalid"),
  reference: z.string().regex(PAYMENT_REFERENCE_FORMAT),
});

export type PaymentNotification = z.output<typeof PaymentNotificationBody>;

export type PaymentMessageKey = "unknownField" | "billingCodeInvalid" | "amountInvalid" | "paidOnInvalid" | "referenceInvalid";

const FIELD_MESSAGE: Record<keyof PaymentNotification, PaymentMessageKey> = {
  billingCode: "billingCodeInvalid",
  amount: "amountInvalid",
  paidOn: "paidOnInvalid",
  reference: "referenceInvalid",
};

/** Field → message keys for every problem at once (unknown fields under their own names). */
export function paymentBodyProblems(value: unknown): { ok: true; data: PaymentNotification } | { ok: false; errors: Record<string, PaymentMessageKey[]> } {
  const parsed = PaymentNotificationBody.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, PaymentMessageKey[]> = {};
  for (const issue of parsed.error.issues) {
    const fields = issue.code === "unrecognized_keys" ? issue.keys : [String(issue.path[0] ?? "body")];
    for (const field of fields) {
      const key = field in FIELD_MESSAGE ? FIELD_MESSAGE[field as keyof PaymentNotification] : "unknownField";
      errors[field] = [key];
    }
  }
  return { ok: false, errors };
}

/** The 200 answer (also the answer every repeat with the same body gets). */
export const PaymentSettledSchema = z.object({
  status: z.literal("SETTLED"),
  paymentId: z.uuid(),
  billingCode: z.string(),
  reference: z.string(),
  amount: z.number().int(),
  paidOn: z.string(),
  months: z.array(z.string()).meta({ description: "Bulan yang dilunasi, tertua dahulu (YYYY-MM)." }),
  resumed: z.boolean(),
  writtenOff: z.array(z.string()),
});

/** The 422 answer for an amount that is not the contributions of whole months: the accepted amounts. */
export const AmountNotDueSchema = z.object({
  errors: z.record(z.string(), z.array(z.string())),
  acceptedAmounts: z.array(z.object({ months: z.number().int(), amount: z.number().int(), through: z.string() })),
});

export const PAYMENT_NOTIFICATION_EXAMPLE = { billingCode: "8877100000000092", amount: 16_800, paidOn: "2026-11-21", reference: "TRX-20261121-0001" } as const;
