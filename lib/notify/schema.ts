/** The debtor-message requests a person makes (docs/decisions/0021 §3). Pure. */
import { z } from "zod";

export const DEBTOR_REQUEST_KINDS = ["ARREARS_REMINDER", "BILLING"] as const;

export const DebtorMessageRequest = z.object({
  enrolmentId: z.uuid(),
  kind: z.enum(DEBTOR_REQUEST_KINDS),
});
