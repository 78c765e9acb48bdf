import "server-only";
import QRCode from "qrcode";
import { newTotpSecret, totpUri } from "@/lib/auth/totp";

/**
 * A new TOTP secret for the enrolment page and its QR code (the qrcode library the certificate
 * already uses). Nothing is stored until a code from the app confirms it (mutations.ts
 * enableSecondFactor), so an abandoned page leaves nothing behind.
 */
export async function enrolmentChallenge(email: string): Promise<{ secret: string; qrDataUrl: string }> {
  const secret = newTotpSecret();
  const qrDataUrl = await QRCode.toDataURL(totpUri(secret, email), { margin: 1, width: 200, errorCorrectionLevel: "M" });
  return { secret, qrDataUrl };
}
