/**
 * The words of every message to a debtor (issue #15; docs/decisions/0021 §3), from the catalogue's
 * `notify` namespace — Indonesian, the debtor's language — for a long channel (e-mail: subject and body)
 * and a short one (SMS/WhatsApp: one text). Pure: the facts come in, text goes out. No message ever
 * carries the NIK: `withoutNik` refuses one that would (the facts hold none; this is the belt).
 */
import type { Translator } from "@/lib/i18n/translator";
import { formatBillingCode, formatDateId, formatMonthId, formatRupiah } from "@/lib/rules";

export type DebtorMessageKind = "APPROVAL" | "DUE_SOON" | "LAPSED" | "ARREARS_REMINDER" | "BILLING";

export interface MessageFacts {
  name: string;
  penyalurName: string;
  kpj: string;
  billingCode: string;
  programmes: string[];
  verificationUrl: string;
  /** The next payment: month, amount and due date (null: nothing payable now). */
  next: { month: string; amount: number; dueDate: string } | null;
  protectedUntil: string | null;
  /** Overdue months and what they cost now. */
  owedMonths: string[];
  owed: number;
}

export interface ComposedMessage {
  subject: string;
  /** The e-mail body (plain text). */
  text: string;
  /** The SMS/WhatsApp text. */
  short: string;
}

export function composeDebtorMessage(t: Translator, kind: DebtorMessageKind, f: MessageFacts): ComposedMessage {
  const values = {
    name: f.name,
    penyalur: f.penyalurName,
    kpj: f.kpj,
    code: formatBillingCode(f.billingCode),
    programmes: f.programmes.join(", "),
    link: f.verificationUrl,
    amount: f.next ? formatRupiah(f.next.amount) : "—",
    month: f.next ? formatMonthId(f.next.month) : "—",
    dueDate: f.next ? formatDateId(f.next.dueDate) : "—",
    protectedUntil: f.protectedUntil ? formatDateId(f.protectedUntil) : "—",
    owedCount: f.owedMonths.length,
    owedMonths: f.owedMonths.map(formatMonthId).join(", "),
    owed: formatRupiah(f.owed),
  };
  const key = {
    APPROVAL: "approval",
    DUE_SOON: "dueSoon",
    LAPSED: "lapsed",
    ARREARS_REMINDER: "arrears",
    BILLING: "billing",
  } as const satisfies Record<DebtorMessageKind, string>;
  const k = key[kind];
  const how = f.next ? t("notify.howToPay", values) : t("notify.nothingDue");
  const text = [t("notify.greeting", values), "", t(`notify.${k}.body`, values), "", how, "", t("notify.footer", values)].join("\n");
  return { subject: t(`notify.${k}.subject`, values), text, short: t(`notify.${k}.short`, values) };
}

/** The message, or an error when any part of it holds the participant's NIK (never sent, never stored). */
export function withoutNik(message: ComposedMessage, nik: string): ComposedMessage {
  // Each number as written, its group separators dropped ("3273 0101 …", "3273.0101…" count too).
  const numbers = (s: string) => (s.match(/\d(?:[ .-]?\d)*/g) ?? []).map((n) => n.replace(/[ .-]/g, ""));
  for (const part of [message.subject, message.text, message.short]) {
    if (numbers(part).some((n) => n.includes(nik))) throw new Error("a debtor message would carry the NIK");
  }
  return message;
}
