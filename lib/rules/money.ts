/**
 * Money is integer rupiah (docs/regulation.md §3 "Amounts are whole rupiah. Store integers (no floats); display
 * as `Rp16.800`"). Formatting is done by hand rather than with Intl's id-ID currency style because ICU
 * versions differ on the separator after "Rp" (none, a space or a no-break space) and on decimals;
 * the portal's documents and tests need one stable form.
 */

export function isRupiah(amount: number): boolean {
  return Number.isSafeInteger(amount);
}

function requireRupiah(amount: number): void {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`Rupiah amounts are safe integers, got ${amount}`);
  }
}

/** Groups digits by thousands with '.', the id-ID separator: 1234567 -> "1.234.567". */
export function groupThousandsId(amount: number): string {
  requireRupiah(amount);
  const digits = String(Math.abs(amount));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return amount < 0 ? `-${grouped}` : grouped;
}

/** 16800 -> "Rp16.800", 0 -> "Rp0", -5000 -> "-Rp5.000". Throws RangeError for a non-integer. */
export function formatRupiah(amount: number): string {
  requireRupiah(amount);
  const grouped = groupThousandsId(Math.abs(amount));
  return amount < 0 ? `-Rp${grouped}` : `Rp${grouped}`;
}

/**
 * A round amount in words the way regulations and news quote thresholds: 100_000_000 -> "Rp100 juta"
 * ("Rp100 million" in English). Amounts that are not whole millions fall back to `formatRupiah`.
 */
const SHORT_UNITS: readonly { size: number; word: Record<"id" | "en", string> }[] = [
  { size: 1_000_000_000_000, word: { id: "triliun", en: "trillion" } },
  { size: 1_000_000_000, word: { id: "miliar", en: "billion" } },
  { size: 1_000_000, word: { id: "juta", en: "million" } },
];

export function formatRupiahShort(amount: number, locale: "id" | "en" = "id"): string {
  requireRupiah(amount);
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  for (const { size, word } of SHORT_UNITS) {
    if (abs >= size && abs % size === 0) return `${sign}Rp${groupThousandsId(abs / size)} ${word[locale]}`;
  }
  return formatRupiah(amount);
}
