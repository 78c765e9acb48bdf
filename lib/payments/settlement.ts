/**
 * A payment channel's daily settlement file and its reconciliation against the payments the portal
 * recorded from that channel's notifications (issue #15; docs/api.md "Berkas settlement";
 * docs/decisions/0021). Pure: parsing and matching only; the import job (lib/payments/mutations)
 * reads the portal's side and settles what the file has and the portal lacks.
 */
import Papa from "papaparse";
import { isBillingCode, isIsoDate } from "@/lib/rules";
import { PAYMENT_REFERENCE_FORMAT } from "@/lib/api/payment-notification-schema";

/** The columns, in any order, named in the header row (case and surrounding spaces ignored). */
export const SETTLEMENT_COLUMNS = ["reference", "billingCode", "amount", "paidOn"] as const;
export type SettlementColumn = (typeof SETTLEMENT_COLUMNS)[number];

/** A file larger than this is refused before parsing (a day of one channel is far smaller). */
export const SETTLEMENT_MAX_BYTES = 5 * 1024 * 1024;
export const SETTLEMENT_MAX_ROWS = 50_000;

export interface SettlementRow {
  /** The file's line number (the header is line 1). */
  line: number;
  reference: string;
  billingCode: string;
  amount: number;
  paidOn: string;
}

export type RowProblem = "referenceInvalid" | "billingCodeInvalid" | "amountInvalid" | "paidOnInvalid" | "referenceRepeated";

export interface InvalidRow {
  line: number;
  reference: string | null;
  problems: RowProblem[];
}

export type ParsedSettlement =
  | { ok: true; rows: SettlementRow[]; invalid: InvalidRow[] }
  | { ok: false; problem: "empty" | "tooLarge" | "tooManyRows" | "columnsMissing"; missing?: SettlementColumn[] };

const normalise = (header: string) => header.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[\s_-]/g, "");
const COLUMN_BY_KEY = new Map(SETTLEMENT_COLUMNS.map((c) => [c.toLowerCase(), c]));

/**
 * Reads a settlement file: UTF-8 (a byte-order mark is allowed), a header row naming the columns
 * (`reference,billingCode,amount,paidOn`; `billing_code`/`paid_on` read the same), separated by `,` or
 * `;` (detected), amounts as whole rupiah digits, dates YYYY-MM-DD. Every row is checked; a bad row is
 * listed with all its problems and the rest still reconcile. A reference twice in one file is a problem
 * of the second row (the first stands).
 */
export function parseSettlementFile(text: string): ParsedSettlement {
  if (new TextEncoder().encode(text).length > SETTLEMENT_MAX_BYTES) return { ok: false, problem: "tooLarge" };
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimitersToGuess: [",", ";"], skipEmptyLines: "greedy" });
  const [header, ...body] = parsed.data;
  if (!header || header.every((h) => h.trim() === "")) return { ok: false, problem: "empty" };
  if (body.length > SETTLEMENT_MAX_ROWS) return { ok: false, problem: "tooManyRows" };
  const index = new Map<SettlementColumn, number>();
  header.forEach((h, i) => {
    const column = COLUMN_BY_KEY.get(normalise(h));
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = SETTLEMENT_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) return { ok: false, problem: "columnsMissing", missing };

  const rows: SettlementRow[] = [];
  const invalid: InvalidRow[] = [];
  const seen = new Set<string>();
  body.forEach((cells, i) => {
    const line = i + 2;
    const cell = (c: SettlementColumn) => (cells[index.get(c)!] ?? "").trim();
    const reference = cell("reference");
    const billingCode = cell("billingCode").replace(/\s/g, "");
    const amountText = cell("amount");
    const paidOn = cell("paidOn");
    const problems: RowProblem[] = [];
    if (!PAYMENT_REFERENCE_FORMAT.test(reference)) problems.push("referenceInvalid");
    else if (seen.has(reference)) problems.push("referenceRepeated");
    if (!isBillingCode(billingCode)) problems.push("billingCodeInvalid");
    const amount = /^\d{1,10}$/.test(amountText) ? Number(amountText) : NaN;
    if (!Number.isSafeInteger(amount) || amount <= 0 || amount > 1_000_000_000) problems.push("amountInvalid");
    if (!isIsoDate(paidOn)) problems.push("paidOnInvalid");
    if (PAYMENT_REFERENCE_FORMAT.test(reference)) seen.add(reference);
    if (problems.length) invalid.push({ line, reference: reference || null, problems });
    else rows.push({ line, reference, billingCode, amount, paidOn });
  });
  return { ok: true, rows, invalid };
}

/** A payment the portal recorded from this channel (its reference is the channel's own, without the "<code>:" prefix). */
export interface PortalPayment {
  paymentId: string;
  enrolmentId: string;
  reference: string;
  billingCode: string;
  amount: number;
  paidOn: string;
  reversed: boolean;
}

export type ReconcileKind = "MATCHED" | "MISSING_IN_PORTAL" | "MISSING_IN_FILE" | "AMOUNT_DIFFERS";

/**
 * What a person (or the import job) does about an item:
 * - NONE: both agree.
 * - SETTLE: the channel collected it and the portal never heard: the job settles it through the
 *   notification's own idempotent path (once per channel reference, ever).
 * - REVIEW_REVERSED: the portal reversed this payment but the channel says it collected it: the reviewer
 *   checks with the channel and records it again if it stands (never re-settled automatically).
 * - REVIEW_PAYMENT: the amount (or the billing code) differs: the reviewer reverses the portal's payment
 *   and records the file's, or asks the channel to correct its file.
 * - ASK_CHANNEL: the portal settled a payment the file does not list: the channel confirms it (a late
 *   file) or the reviewer reverses it.
 */
export type ReconcileAction = "NONE" | "SETTLE" | "REVIEW_REVERSED" | "REVIEW_PAYMENT" | "ASK_CHANNEL";

export interface ReconcileItem {
  kind: ReconcileKind;
  action: ReconcileAction;
  reference: string;
  /** The file's line, when the file has the reference. */
  line: number | null;
  file: { billingCode: string; amount: number; paidOn: string } | null;
  portal: { paymentId: string; enrolmentId: string; billingCode: string; amount: number; paidOn: string; reversed: boolean } | null;
}

/** The days the file speaks for: its first and last payment day (payments outside are not "missing in file"). */
export function fileDays(rows: readonly SettlementRow[]): { from: string; to: string } | null {
  if (rows.length === 0) return null;
  const days = rows.map((r) => r.paidOn).sort();
  return { from: days[0]!, to: days.at(-1)! };
}

/**
 * Matches the file's rows with the portal's payments from the same channel by the channel's reference:
 * - in both, same amount and billing code, standing → MATCHED (NONE);
 * - in both, reversed in the portal → MISSING_IN_PORTAL (REVIEW_REVERSED);
 * - in both, the amount or billing code differs → AMOUNT_DIFFERS (REVIEW_PAYMENT);
 * - in the file only → MISSING_IN_PORTAL (SETTLE);
 * - in the portal only, standing and paid on a day the file covers → MISSING_IN_FILE (ASK_CHANNEL).
 * Items in the file's order, then the portal's extra ones by day and reference.
 */
export function reconcileSettlement(rows: readonly SettlementRow[], portal: readonly PortalPayment[]): ReconcileItem[] {
  const byReference = new Map(portal.map((p) => [p.reference, p]));
  const items: ReconcileItem[] = [];
  const inFile = new Set<string>();
  for (const r of rows) {
    inFile.add(r.reference);
    const file = { billingCode: r.billingCode, amount: r.amount, paidOn: r.paidOn };
    const p = byReference.get(r.reference);
    if (!p) {
      items.push({ kind: "MISSING_IN_PORTAL", action: "SETTLE", reference: r.reference, line: r.line, file, portal: null });
      continue;
    }
    const portalSide = { paymentId: p.paymentId, enrolmentId: p.enrolmentId, billingCode: p.billingCode, amount: p.amount, paidOn: p.paidOn, reversed: p.reversed };
    const kind: ReconcileKind = p.amount !== r.amount || p.billingCode !== r.billingCode ? "AMOUNT_DIFFERS" : p.reversed ? "MISSING_IN_PORTAL" : "MATCHED";
    const action: ReconcileAction = kind === "AMOUNT_DIFFERS" ? "REVIEW_PAYMENT" : kind === "MATCHED" ? "NONE" : "REVIEW_REVERSED";
    items.push({ kind, action, reference: r.reference, line: r.line, file, portal: portalSide });
  }
  const days = fileDays(rows);
  const extra = portal
    .filter((p) => !inFile.has(p.reference) && !p.reversed && days && p.paidOn >= days.from && p.paidOn <= days.to)
    .sort((a, b) => a.paidOn.localeCompare(b.paidOn) || a.reference.localeCompare(b.reference));
  for (const p of extra) {
    items.push({
      kind: "MISSING_IN_FILE",
      action: "ASK_CHANNEL",
      reference: p.reference,
      line: null,
      file: null,
      portal: { paymentId: p.paymentId, enrolmentId: p.enrolmentId, billingCode: p.billingCode, amount: p.amount, paidOn: p.paidOn, reversed: false },
    });
  }
  return items;
}

export function countByKind(items: readonly { kind: ReconcileKind }[]): Record<ReconcileKind, number> {
  const counts: Record<ReconcileKind, number> = { MATCHED: 0, MISSING_IN_PORTAL: 0, MISSING_IN_FILE: 0, AMOUNT_DIFFERS: 0 };
  for (const i of items) counts[i.kind] += 1;
  return counts;
}
