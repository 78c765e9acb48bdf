/**
 * How a recorded BPU contribution payment settles months (docs/regulation.md §3.5, §3.6; docs/decisions/0008,
 * 0011): monthly contributions, "paying several months ahead is allowed", no late penalty.
 *
 * Rule used by the portal: a payment settles whole months, oldest payable first, then months ahead. Its
 * amount must therefore equal the sum of the first k payable months for some k ≥ 1; any other amount is
 * refused with the list of amounts that would be accepted, and nothing is written.
 *
 * Which months are payable depends on the cover on the day of payment (lib/rules/coverage.ts):
 * - in arrears (or awaiting payment): the unpaid months of the current stretch, oldest first — the
 *   arrears of the last 3 months since protection ended (manual 908 item 12 (a));
 * - lapsed (more than 3 months since protection ended): the payment is an "iuran lanjutan" (BPU FAQ) — cover
 *   resumes from the month of the payment; the months of the lapse are written off, never payable again.
 *
 * A relief credit (PP 50/2025, docs/regulation.md §3.3: a month paid at full price that relief later
 * discounted) is spent on the payable months oldest first; what is left of each month is what is paid.
 */
import { addMonths, monthOf, monthRange } from "./dates";
import { coverageStatus, type Coverage } from "./coverage";

/** Months beyond the current month that one payment may cover (the e-form allows 1–12 in advance). */
export const MAX_MONTHS_PAID_AHEAD = 12;

export interface PayableMonth {
  month: string;
  /** What the payment pays for this month: its price less the credit spent on it. */
  total: number;
  /** Relief credit spent on this month (0 without one). */
  credit?: number;
}

export type LineState = "DUE" | "PAID" | "WRITTEN_OFF";

export interface LedgerLine {
  month: string;
  status: LineState;
  total: number;
}

/** Spends `credit` on the months oldest first; each month's total becomes what is left to pay. */
export function applyCredit(payable: readonly PayableMonth[], credit: number): PayableMonth[] {
  let left = Math.max(0, credit);
  return payable.map((p) => {
    const used = Math.min(left, p.total);
    left -= used;
    return { month: p.month, total: p.total - used, credit: used };
  });
}

export interface PaymentPlanInput {
  startMonth: string;
  firstDueDate?: string;
  /** Every contribution line of the enrolment. */
  lines: readonly LedgerLine[];
  /** The day the money was paid: cover is judged on that day. */
  paidOn: string;
  /** The month of the day the payment is recorded (the horizon of months ahead counts from it). */
  currentMonth: string;
  price: (month: string) => number;
  /** Relief credit available (docs/regulation.md §3.3). */
  credit?: number;
}

export interface PaymentPlan {
  /** Cover on the day of payment, before it. */
  coverage: Coverage;
  /** The payment resumes lapsed cover ("iuran lanjutan") from the month of payment. */
  resumes: boolean;
  /** Months to mark written off before settling (the lapse). */
  writeOff: string[];
  payable: PayableMonth[];
}

/** What a payment on `paidOn` may settle, and which months a resumption writes off. Pure. */
export function planPayment(input: PaymentPlanInput): PaymentPlan {
  const coverage = coverageStatus({
    startMonth: input.startMonth,
    firstDueDate: input.firstDueDate,
    paidMonths: input.lines.filter((l) => l.status === "PAID").map((l) => l.month),
    writtenOffMonths: input.lines.filter((l) => l.status === "WRITTEN_OFF").map((l) => l.month),
    today: input.paidOn,
  });
  const resumes = coverage.status === "LAPSED";
  const fromMonth = resumes ? monthOf(input.paidOn) : coverage.nextMonth;
  const writeOff = resumes ? coverage.lapsedMonths : [];
  // Every month from the first payable one to the horizon that is not settled: its DUE line's price,
  // or — no line yet — the month's price. Months before `fromMonth` are paid, written off or (a lapse) about to be.
  const byMonth = new Map(input.lines.map((l) => [l.month, l]));
  const horizon = addMonths(input.currentMonth > monthOf(input.paidOn) ? input.currentMonth : monthOf(input.paidOn), MAX_MONTHS_PAID_AHEAD);
  const payable = monthRange(fromMonth, horizon).flatMap((month): PayableMonth[] => {
    const line = byMonth.get(month);
    if (!line) return [{ month, total: input.price(month) }];
    return line.status === "DUE" ? [{ month, total: line.total }] : [];
  });
  return { coverage, resumes, writeOff, payable: applyCredit(payable, input.credit ?? 0) };
}

/**
 * The months relief credit settles on its own (PP 50/2025 Pasal 4, docs/regulation.md §3.3; docs/decisions/0011
 * §4): the leading payable months whose whole price the credit covers. They are settled when the credit is
 * applied (repricing), so a month is never overdue with Rp0 to pay. None when the cover has lapsed: the
 * credit then waits for the "iuran lanjutan", which decides the month cover resumes from.
 */
export function settledByCredit(plan: Pick<PaymentPlan, "resumes" | "payable">): PayableMonth[] {
  if (plan.resumes) return [];
  const settled: PayableMonth[] = [];
  for (const p of plan.payable) {
    if (p.total !== 0 || !p.credit) break;
    settled.push(p);
  }
  return settled;
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
