/**
 * The TOTP second factor (RFC 6238: 6 digits, 30-second steps, SHA-1 — what every authenticator app
 * reads from a QR code), through otplib rather than hand-written HMAC code. Pure: no database; the
 * secret and the last accepted step are stored by lib/auth/mutations.ts.
 */
import { generateSecret, generateURI, verify } from "otplib";

export const TOTP_ISSUER = "LindungiKUR";
/** A code is accepted one step either side of now (clock drift of a phone: ±30 s). */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: account, secret });
}

/** A code as typed: digits only ("123 456" → "123456"). */
export function normalizeTotpCode(code: string): string {
  return code.replace(/[\s-]/g, "");
}

/**
 * The time step of `code` when it is right now and later than `afterStep` (a code is accepted once),
 * else null.
 */
export async function acceptedTotpStep(secret: string, code: string, afterStep: number | null, now = new Date()): Promise<number | null> {
  const token = normalizeTotpCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({
      secret,
      token,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
    });
    return result.valid && "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : null;
  } catch {
    return null;
  }
}
