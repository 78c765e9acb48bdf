/**
 * The enrolment's reference number as people say and write it: "LK-000123-0". The number is the
 * row's `referenceNo` (a database sequence: unique and stable, never reused); the last digit is a
 * Luhn check digit, so a digit misheard on the phone or mistyped in the search box is caught
 * instead of finding another debtor's record. Client-safe (no server imports).
 */

function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // From the right, every second digit of the payload (the first one included) is doubled.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function formatEnrolmentReference(referenceNo: number): string {
  const body = String(referenceNo).padStart(6, "0");
  return `LK-${body}-${luhnDigit(body)}`;
}

/** The number behind a typed reference ("LK-000123-0", "lk 0001234", "000123-4"); null when it is not one or its check digit is wrong. */
export function parseEnrolmentReference(text: string): number | null {
  const m = /^\s*(?:lk)?[\s-]*(\d{6,})[\s-]?(\d)\s*$/i.exec(text);
  if (!m) return null;
  const [, body, check] = m;
  if (luhnDigit(body!) !== Number(check)) return null;
  const n = Number(body);
  return Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647 ? n : null;
}
