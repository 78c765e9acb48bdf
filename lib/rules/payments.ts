/**
 * How a recorded BPU contribution payment settles months (docs/regulation.md §3: monthly contributions,
 * "paying several months ahead is allowed", no late penalty).
 *
 * Rule used by the portal (docs/decisions/0008): a payment settles whole months, oldest unpaid first,
 * then months ahead. Its amount must therefore equal the sum of the first k payable months for some
 * k ≥ 1; any other amount is refused with the list of amounts that would be accepted, and nothing is
 * written. There is no partial month and no credit balance: money that does not match a month
 * exactly is for BPJS's finance desk to return or complete, not for the portal to guess.
 */
import { addMonths, monthRange } from "./dates";

/** Months beyond the current month that one payment may cover (the e-form allows 1–12 in advance). */
export const MAX_MONTHS_PAID_AHEAD = 12;

export interface PayableMonth {
  month: string;
  total: number;
}

export interface PayableMonthsInput {
  /** Unpaid months that already have a contribution line, any order. */
  unpaidLines: readonly PayableMonth[];
  /** The latest month with a line (paid or not); null when there is none. */
  lastLineMonth: string | null;
  /** The contribution month of the payment's day. */
  currentMonth: string;
  /** Prices a month that has no line yet (contributionForMonth's total for the enrolment). */
  price: (month: string) => number;
}

/**
 * Everything one payment may settle, in the order it settles them: the unpaid lines oldest first,
 * then months without a line up to MAX_MONTHS_PAID_AHEAD after the current month.
 */
export function payableMonths(input: PayableMonthsInput): PayableMonth[] {
  const lines = [...input.unpaidLines].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const horizon = addMonths(input.currentMonth, MAX_MONTHS_PAID_AHEAD);
  const first = input.lastLineMonth ? addMonths(input.lastLineMonth, 1) : input.currentMonth;
  const ahead = monthRange(first, horizon).map((month) => ({ month, total: input.price(month) }));
  return [...lines.filter((l) => l.month <= horizon), ...ahead];
}

export type PaymentAllocation =
  | { ok: true; months: PayableMonth[] }
  | { ok: false; validAmounts: { months: number; amount: number; through: string }[] };

/**
 * The months an amount settles: the shortest prefix of `payable` whose totals add up to exactly
 * `amount`. When none does, `validAmounts` lists every accepted amount (1, 2, … months).
 */
export function allocatePayment(payable: readonly PayableMonth[], amount: number): PaymentAllocation {
  const validAmounts: { months: number; amount: number; through: string }[] = [];
  let sum = 0;
  for (let i = 0; i < payable.length; i++) {
    sum += payable[i]!.total;
    validAmounts.push({ months: i + 1, amount: sum, through: payable[i]!.month });
    if (Number.isSafeInteger(amount) && sum === amount) return { ok: true, months: payable.slice(0, i + 1) };
  }
  return { ok: false, validAmounts };
}
