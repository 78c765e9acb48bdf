/** The debtor-message requests a person makes (docs/decisions/0021 §3). Pure. */
import { z } from "zod";

export const DEBTOR_REQUEST_KINDS = ["ARREARS_REMINDER", "BILLING"] as const;

export const DebtorMessageRequest = z.object({
  enrolmentId: z.uuid(),
  kind: z.enum(DEBTOR_REQUEST_KINDS),
});

/** The debtor's "stop / resume messages on this channel" (docs/decisions/0025 §5). */
export const OptOutRequest = z.object({
  enrolmentId: z.uuid(),
  channel: z.enum(["EMAIL", "SMS", "WHATSAPP"]),
  optOut: z.enum(["true", "false"]).transform((v) => v === "true"),
});
