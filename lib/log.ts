import "server-only";
import { randomBytes } from "node:crypto";
import pino from "pino";
import { logLevel } from "@/lib/env";

/**
 * The portal's one logger: JSON lines on stdout (pino). Personal data never reaches a log line:
 * the keys below are censored wherever they appear, and `redactText` masks NIK- and phone-shaped
 * digit runs inside free text such as error messages (a Prisma error can quote a row).
 */
const REDACT_KEYS = ["nik", "phone", "heirPhone", "npwp", "motherName", "email", "password", "passwordHash", "token", "authorization", "cookie"];

export const logger = pino({
  level: logLevel(),
  base: undefined,
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: [...REDACT_KEYS, ...REDACT_KEYS.map((k) => `*.${k}`), ...REDACT_KEYS.map((k) => `*.*.${k}`)], censor: "[disembunyikan]" },
});

/** Masks runs of 10–16 digits (NIK, phone, NPWP, KPJ) and e-mail addresses inside free text. */
export function redactText(text: string): string {
  return text.replace(/(?<!\d)(\+?\d[\d -]{8,18}\d)(?!\d)/g, (m) => (m.replace(/\D/g, "").length >= 10 ? "[angka disembunyikan]" : m)).replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, "[email disembunyikan]");
}

/**
 * Logs an unexpected error and returns a short id that the user sees, so that support can find the
 * entry without the user ever seeing a stack trace.
 */
export function logUnexpected(error: unknown, context: Record<string, unknown> = {}): string {
  const errorId = randomBytes(4).toString("hex").toUpperCase();
  const err =
    error instanceof Error
      ? { name: error.name, message: redactText(error.message), stack: error.stack ? redactText(error.stack) : undefined }
      : { value: redactText(String(error)) };
  logger.error({ errorId, ...context, err }, "unexpected error");
  return errorId;
}
