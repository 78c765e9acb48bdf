import type { Formats } from "next-intl";

/**
 * Named formats for next-intl's formatter and ICU messages (`{at, date, short}`), the same in both
 * languages because the portal's documents use one form: 21/11/2026, 21/11/2026 14.05.
 * Money is not an Intl currency format: ICU versions disagree on the space after "Rp", so amounts go
 * through `formatRupiah` (lib/rules/money.ts) and messages take them as ready strings.
 */
export const FORMATS = {
  dateTime: {
    short: { day: "2-digit", month: "2-digit", year: "numeric" },
    monthYear: { month: "2-digit", year: "numeric" },
    withTime: { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  },
  number: {
    integer: { maximumFractionDigits: 0 },
    percent: { style: "percent", maximumFractionDigits: 1 },
  },
} satisfies Formats;
