import "server-only";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { coverageFrom, LINE_SELECT, toLineDto } from "@/lib/review/data";
import { contributionDueDate, todayInZone } from "@/lib/rules";
import type { MessageFacts } from "@/lib/notify/compose";

/** Where the verification link points when PUBLIC_BASE_URL is unset (the demo on its own port). */
const FALLBACK_ORIGIN = "http://127.0.0.1:3000";

export interface Recipient {
  participantId: string;
  /** Only for the NIK guard (lib/notify/compose.ts withoutNik); never put in a message. */
  nik: string;
  email: string | null;
  phone: string;
}

/**
 * What a message to the debtor of an approved enrolment says (docs/decisions/0021 §3): KPJ, programmes,
 * the billing code and the next payment as the payment rule computes it (coverageFrom, the reviewer's
 * page's own), protection and arrears; and where it may go. Null when the enrolment is not approved.
 */
export async function messageFacts(enrolmentId: string, now: Date): Promise<{ facts: MessageFacts; recipient: Recipient } | null> {
  const e = await db().enrolment.findUnique({
    where: { id: enrolmentId },
    select: {
      status: true,
      kpj: true,
      billingCode: true,
      verificationCode: true,
      jht: true,
      declaredIncome: true,
      sector: true,
      fundedByBudget: true,
      coverStartMonth: true,
      penyalur: { select: { name: true } },
      kantorCabang: { select: { timeZone: true } },
      participant: { select: { id: true, nik: true, fullName: true, email: true, phone: true } },
      contributionLines: LINE_SELECT,
    },
  });
  if (!e || e.status !== "APPROVED" || !e.kpj || !e.billingCode || !e.verificationCode || !e.coverStartMonth) return null;
  const today = todayInZone(now, e.kantorCabang.timeZone);
  const lines = e.contributionLines.map(toLineDto);
  const coverage = coverageFrom(e.coverStartMonth.toISOString().slice(0, 7), lines, today, e);
  // A month ahead has no line yet: its regular due date.
  const dueOf = (month: string) => lines.find((l) => l.month === month)?.dueDate ?? contributionDueDate(month);
  const origin = (serverEnv().PUBLIC_BASE_URL ?? FALLBACK_ORIGIN).replace(/\/+$/, "");
  return {
    facts: {
      name: e.participant.fullName,
      penyalurName: e.penyalur.name,
      kpj: e.kpj,
      billingCode: e.billingCode,
      programmes: e.jht ? ["JKK", "JKM", "JHT"] : ["JKK", "JKM"],
      verificationUrl: `${origin}/verifikasi/${encodeURIComponent(e.verificationCode)}`,
      next: coverage.next ? { month: coverage.next.month, amount: coverage.next.amount, dueDate: dueOf(coverage.next.month) } : null,
      protectedUntil: coverage.protectedUntil,
      owedMonths: coverage.unpaidMonths,
      owed: coverage.owed,
    },
    recipient: { participantId: e.participant.id, nik: e.participant.nik, email: e.participant.email, phone: e.participant.phone },
  };
}
