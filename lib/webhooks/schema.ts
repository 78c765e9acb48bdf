/**
 * Webhooks (docs/api.md "Webhook", docs/decisions/0019 §2): the admin form, the delivered body and the
 * delivery policy. Pure.
 */
import { z } from "zod";

/** Attempts per delivery before it is marked FAILED (the first plus retries with exponential backoff). */
export const MAX_ATTEMPTS = 6;
/** The first retry waits this long; pg-boss doubles it each time (30 s, 1, 2, 4, 8 min). */
export const RETRY_DELAY_SECONDS = 30;
/** A receiver that does not answer within this is a failed attempt. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Where a webhook may point: https, or http to this machine (the demo's local receiver). A URL with
 * credentials in it is refused (the secret is the credential).
 */
export function webhookUrlProblem(raw: string): "invalid" | "scheme" | "credentials" | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid";
  }
  if (url.username || url.password) return "credentials";
  const local = url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
  if (url.protocol === "https:" || (url.protocol === "http:" && local)) return null;
  return "scheme";
}

export type WebhookMessage = (key: "urlInvalid" | "urlScheme" | "urlCredentials" | "penyalurRequired") => string;

export function saveWebhookInput(m: WebhookMessage) {
  return z.object({
    penyalur: z.string({ error: m("penyalurRequired") }).trim().min(1, m("penyalurRequired")),
    url: z
      .string({ error: m("urlInvalid") })
      .trim()
      .max(2000, m("urlInvalid"))
      .superRefine((v, ctx) => {
        const problem = webhookUrlProblem(v);
        if (problem) ctx.addIssue({ code: "custom", message: m(problem === "invalid" ? "urlInvalid" : problem === "scheme" ? "urlScheme" : "urlCredentials") });
      }),
    rotateSecret: z
      .union([z.literal("on"), z.literal("")])
      .optional()
      .transform((v) => v === "on"),
  });
}
export type SaveWebhookInput = z.output<ReturnType<typeof saveWebhookInput>>;

export const deliveryRef = z.object({ id: z.uuid() });
export const endpointRef = z.object({ id: z.uuid() });

/** What a webhook receives: the outbox event as it was recorded (no NIK: lib/events payloads carry none). */
export interface WebhookBody {
  id: string;
  seq: string;
  type: string;
  occurredAt: string;
  enrolmentId: string | null;
  payload: unknown;
}
