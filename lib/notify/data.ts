import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { presentPhone } from "@/lib/auth/permissions";
import { enrolmentWhere } from "@/lib/auth/scope";
import { serverEnv } from "@/lib/env";
import { isUuid } from "@/lib/search-params";
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

export interface FollowUp {
  /** As this actor may see it (lib/auth/permissions.ts presentPhone). */
  phone: string;
  lastReminder: { at: string; channel: "EMAIL" | "SMS" | "WHATSAPP"; status: "PENDING" | "SENT" | "FAILED" | "OPTED_OUT" } | null;
}

/**
 * What the arrears list adds for the Kantor Cabang's follow-up (issue #15): the debtor's phone as the
 * actor's role may see it and the last reminder sent (or tried), for the rows the list already found.
 * Only enrolments inside the actor's arrears scope are answered.
 */
export async function followUpFor(actor: Actor, enrolmentIds: readonly string[]): Promise<Map<string, FollowUp>> {
  const scope = enrolmentWhere(actor, "arrears:read");
  if (!scope || enrolmentIds.length === 0) return new Map();
  const rows = await db().enrolment.findMany({
    where: { AND: [{ id: { in: [...enrolmentIds] } }, scope] },
    select: {
      id: true,
      participant: { select: { phone: true } },
      debtorMessages: {
        where: { kind: { in: ["ARREARS_REMINDER", "DUE_SOON", "LAPSED"] } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { createdAt: true, sentAt: true, channel: true, status: true },
      },
    },
  });
  return new Map(
    rows.map((r) => {
      const m = r.debtorMessages[0];
      return [r.id, { phone: presentPhone(actor, r.participant.phone), lastReminder: m ? { at: (m.sentAt ?? m.createdAt).toISOString(), channel: m.channel, status: m.status } : null }];
    }),
  );
}

/**
 * One batch of the daily scan's candidates (lib/notify/scan.ts, docs/decisions/0025), in id order after
 * `after`: approved enrolments whose month `month` (yyyy-mm-01) is not paid — a protected enrolment needs
 * no reminder and cannot be in arrears — or that have a told cover state to re-arm; with the stored lines
 * their cover is computed from (the lines, not the dashboard's facts). `only`: these enrolments alone
 * (a re-run for named enrolments).
 */
export async function scanCandidates(after: string, month: string, batchSize: number, only?: readonly string[]) {
  const restrict = only ? Prisma.sql`AND e.id = ANY(${[...only]}::uuid[])` : Prisma.empty;
  const ids = await db().$queryRaw<{ id: string }[]>`
    SELECT e.id FROM "Enrolment" e
    WHERE e.status = 'APPROVED' AND e."coverStartMonth" IS NOT NULL AND e.id > ${after}::uuid ${restrict}
      AND (NOT EXISTS (SELECT 1 FROM "ContributionLine" l WHERE l."enrolmentId" = e.id AND l.month = ${month}::date AND l.status = 'PAID')
           OR EXISTS (SELECT 1 FROM "CoverageAlert" a WHERE a."enrolmentId" = e.id))
    ORDER BY e.id LIMIT ${batchSize}`;
  if (ids.length === 0) return [];
  const rows = await db().enrolment.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    select: {
      id: true, penyalurId: true, kpj: true, coverStartMonth: true,
      kantorCabang: { select: { timeZone: true } },
      contributionLines: { select: { month: true, status: true, dueDate: true } },
      coverageAlert: { select: { state: true } },
    },
    orderBy: { id: "asc" },
  });
  return rows;
}

export interface OptOutState {
  channel: "EMAIL" | "SMS" | "WHATSAPP";
  /** When the debtor asked to stop messages on it; null: messages are sent. */
  optedOutAt: string | null;
}

/**
 * The debtor's message channels and whether each is stopped, for the record and the reviewer's page
 * (`debtor:optOut`; docs/decisions/0025 §5): e-mail and this deployment's phone channel. null outside the
 * actor's scope or without the permission.
 */
export async function optOutStateFor(actor: Actor, enrolmentId: string): Promise<OptOutState[] | null> {
  const scope = enrolmentWhere(actor, "debtor:optOut");
  if (!scope || !isUuid(enrolmentId)) return null;
  const e = await db().enrolment.findFirst({
    where: { AND: [{ id: enrolmentId }, scope] },
    select: { participant: { select: { notificationOptOuts: { select: { channel: true, at: true } } } } },
  });
  if (!e) return null;
  const stopped = new Map(e.participant.notificationOptOuts.map((o) => [o.channel, o.at.toISOString()]));
  return (["EMAIL", serverEnv().PHONE_CHANNEL] as const).map((channel) => ({ channel, optedOutAt: stopped.get(channel) ?? null }));
}
