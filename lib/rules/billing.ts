/**
 * The billing code a payment channel takes for a participant (issue #15; docs/decisions/0016-billing-and-channels.md §1):
 * a virtual-account style number, 16 digits, stable across months, issued at approval.
 *
 * Layout: the fixed portal prefix "8877" (the "company code" a channel routes on), the participant's
 * 11-digit KPJ (docs/regulation.md §6, itself a serial and its Luhn digit, lib/rules/kpj.ts), and one
 * Luhn (mod 10) check digit over the first 15 digits. Deriving it from the KPJ makes it unique (the KPJ
 * is) and stable for the life of the participation without a second sequence; the outer check digit lets
 * an ATM, a teller or a mobile-banking form refuse a mistyped code before asking the portal.
 */
import { luhnCheckDigit } from "./kpj";

export const BILLING_CODE_PREFIX = "8877";
export const BILLING_CODE_LENGTH = 16;

/** The billing code for a KPJ (11 digits). Throws on anything else. */
export function billingCodeFor(kpj: string): string {
  if (!/^\d{11}$/.test(kpj)) throw new RangeError(`billing code needs an 11-digit KPJ, got ${JSON.stringify(kpj)}`);
  const body = `${BILLING_CODE_PREFIX}${kpj}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/** Whether a string is a billing code this portal issues: 16 digits, the prefix, the check digit right. */
export function isBillingCode(value: string): boolean {
  if (!/^\d{16}$/.test(value) || !value.startsWith(BILLING_CODE_PREFIX)) return false;
  return luhnCheckDigit(value.slice(0, 15)) === Number(value[15]);
}

/** "8877 1000 0000 0127" — groups of four, as channels print them. */
export function formatBillingCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, "$1 ");
}
