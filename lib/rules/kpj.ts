/**
 * KPJ numbers issued by this portal (docs/regulation.md §6: 11 digits, unique, issued on approval).
 *
 * Layout: a 10-digit serial from the database sequence "KpjSerial" (1000000000 … 9999999999, never
 * reused or cycled) followed by one Luhn (mod 10) check digit over the serial. The sequence makes
 * numbers unique under any concurrency; the check digit lets a teller or a bank system catch a
 * mistyped digit and most swapped neighbours before asking the server. docs/decisions/0008 says why.
 *
 * KPJs issued by BPJS Ketenagakerjaan's own systems need not carry this check digit, so
 * `checkKpj` (identifiers.ts) accepts any 11 digits; `isPortalKpj` is for numbers issued here.
 */

export const KPJ_SERIAL_MIN = 1_000_000_000;
export const KPJ_SERIAL_MAX = 9_999_999_999;

/** Luhn check digit for a string of digits (the digit that makes the whole string Luhn-valid). */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new RangeError(`Luhn needs digits, got ${JSON.stringify(digits)}`);
  let sum = 0;
  // Walking from the right, the digit next to the (future) check digit is doubled.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** The KPJ for a sequence serial: the serial's 10 digits and its Luhn check digit. */
export function kpjFromSerial(serial: number | bigint): string {
  const n = typeof serial === "bigint" ? serial : BigInt(serial);
  if (typeof serial === "number" && !Number.isSafeInteger(serial)) throw new RangeError(`KPJ serial must be an integer: ${serial}`);
  if (n < BigInt(KPJ_SERIAL_MIN) || n > BigInt(KPJ_SERIAL_MAX)) {
    throw new RangeError(`KPJ serial out of range ${KPJ_SERIAL_MIN}…${KPJ_SERIAL_MAX}: ${n}`);
  }
  const body = n.toString();
  return `${body}${luhnCheckDigit(body)}`;
}

/** Whether an 11-digit string is a KPJ as this portal issues them (serial in range, check digit right). */
export function isPortalKpj(kpj: string): boolean {
  if (!/^[1-9]\d{10}$/.test(kpj)) return false;
  return luhnCheckDigit(kpj.slice(0, 10)) === Number(kpj[10]);
}
