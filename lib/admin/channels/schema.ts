/** The payment-channel key forms (/admin/kanal-pembayaran, docs/decisions/0025). Pure: the messages are passed in. */
import { z } from "zod";
import type { Messages } from "@/lib/i18n/config";
import { CODE_PATTERN, optionalText } from "@/lib/admin/schema-fields";
import { PAYMENT_CHANNELS } from "@/lib/review/schema";

export type ChannelMessage = (key: keyof Messages["adminData"]["channels"]["errors"]) => string;

/** A channel's code namespaces its references ("<code>:<reference>"): 2–20 of A–Z, 0–9 and "-". */
export const CHANNEL_CODE = /^[A-Z0-9-]{2,20}$/;

export function issueChannelInput(m: ChannelMessage) {
  return z
    .object({
      code: z
        .string({ error: m("codeRequired") })
        .trim()
        .transform((v) => v.toUpperCase())
        .refine((v) => CHANNEL_CODE.test(v), m("codeRequired")),
      name: z.string({ error: m("nameRequired") }).trim().min(3, m("nameRequired")).max(100, m("nameTooLong")),
      kind: z.enum(PAYMENT_CHANNELS, { error: m("kindRequired") }),
      /** The penyalur's code: binds an auto-debit channel to the lending bank. */
      penyalur: optionalText.refine((v) => v === undefined || CODE_PATTERN.test(v), m("penyalurRequired")),
    })
    .superRefine((v, ctx) => {
      // The lending bank's auto-debit is bound to its penyalur; no other channel is (the table's CHECK).
      if (v.kind === "AUTODEBIT" && !v.penyalur) ctx.addIssue({ code: "custom", path: ["penyalur"], message: m("penyalurForAutoDebit") });
      if (v.kind !== "AUTODEBIT" && v.penyalur) ctx.addIssue({ code: "custom", path: ["penyalur"], message: m("penyalurOnlyAutoDebit") });
    });
}
export type IssueChannelInput = z.output<ReturnType<typeof issueChannelInput>>;

export const channelIdInput = z.object({ id: z.uuid() });
