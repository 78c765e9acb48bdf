import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The signature of a payment notification (docs/api.md, docs/decisions/0016 §2):
 * `X-LindungiKUR-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` and
 * `X-LindungiKUR-Timestamp: <Unix seconds>`, accepted within ±SIGNATURE_WINDOW_SECONDS of the server's
 * clock. The timestamp is inside the signed text, so a captured request cannot be replayed later with a
 * fresh timestamp; within the window a replay is answered idempotently (the reference).
 * node:crypto rather than a library: HMAC and a constant-time compare are two calls.
 */
export const SIGNATURE_WINDOW_SECONDS = 300;
export const TIMESTAMP_HEADER = "x-lindungikur-timestamp";
export const SIGNATURE_HEADER = "x-lindungikur-signature";

export function signNotification(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}

export type SignatureCheck = "ok" | "missing" | "stale" | "invalid";

export function checkSignature(input: { secret: string; timestamp: string | null; signature: string | null; body: string; now: Date }): SignatureCheck {
  if (!input.timestamp || !input.signature) return "missing";
  if (!/^\d{1,12}$/.test(input.timestamp)) return "invalid";
  if (Math.abs(input.now.getTime() / 1000 - Number(input.timestamp)) > SIGNATURE_WINDOW_SECONDS) return "stale";
  const expected = Buffer.from(signNotification(input.secret, input.timestamp, input.body), "utf8");
  const given = Buffer.from(input.signature.trim().toLowerCase(), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected) ? "ok" : "invalid";
}
