import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { enrolmentWhere } from "@/lib/auth/scope";
import { AppError } from "@/lib/action/errors";
import { isUuid } from "@/lib/search-params";
import { todayInZone } from "@/lib/rules";
import { serverEnv } from "@/lib/env";
import { translator } from "@/lib/i18n/translator";
import { redactText } from "@/lib/log";
import { composeDebtorMessage, withoutNik, type DebtorMessageKind } from "@/lib/notify/compose";
import { messageFacts } from "@/lib/notify/data";
import type { ChannelKind, MessageChannel } from "@/lib/notify/channels";
import { enqueue } from "@/lib/jobs";
import { deliverDebtorMessageJob, MAX_ATTEMPTS } from "@/lib/notify/jobs";
import { recordEvent } from "@/lib/events";
import type { Coverage } from "@/lib/rules";

export { MAX_ATTEMPTS };

/**
 * Writes the messages for one occasion into the outbox (docs/decisions/0021 §3): one row per channel
 * the debtor can be reached by — e-mail when the participant gave an address, the phone channel
 * always — in Indonesian, checked to carry no NIK. A channel the debtor opted out of gets an OPTED_OUT
 * row (the record that we did not write), never sent. `dedupeKey` names the occasion (an event id, a
 * due month, a reminder request): the same occasion writes nothing twice. Each PENDING row gets its
 * delivery job (lib/notify/jobs.ts) in the same transaction. Returns the ids queued for delivery.
 */
export async function queueDebtorMessages(
  input: { enrolmentId: string; kind: DebtorMessageKind; dedupeKey: string; requestedById?: string },
  now: Date,
): Promise<string[]> {
  const found = await messageFacts(input.enrolmentId, now);
  if (!found) return [];
  const { facts, recipient } = found;
  const message = withoutNik(composeDebtorMessage(translator("id"), input.kind, facts), recipient.nik);
  const optedOut = new Set(
    (await db().notificationOptOut.findMany({ where: { participantId: recipient.participantId }, select: { channel: true } })).map((o) => o.channel),
  );
  const phoneChannel = serverEnv().PHONE_CHANNEL;
  const targets: { channel: ChannelKind; to: string; subject: string; body: string }[] = [];
  if (recipient.email) targets.push({ channel: "EMAIL", to: recipient.email, subject: message.subject, body: message.text });
  targets.push({ channel: phoneChannel, to: recipient.phone, subject: message.subject, body: message.short });
  // The rows and their delivery jobs in one transaction: a message is never written without its job.
  return db().$transaction(async (tx) => {
    const rows = await tx.debtorMessage.createManyAndReturn({
      data: targets.map((t) => ({
        enrolmentId: input.enrolmentId,
        kind: input.kind,
        channel: t.channel,
        recipient: t.to,
        subject: t.subject,
        body: t.body,
        dedupeKey: `${input.dedupeKey}:${t.channel}`,
        status: optedOut.has(t.channel) ? ("OPTED_OUT" as const) : ("PENDING" as const),
        requestedById: input.requestedById ?? null,
      })),
      skipDuplicates: true,
      select: { id: true, status: true },
    });
    const pending = rows.filter((r) => r.status === "PENDING").map((r) => r.id);
    for (const messageId of pending) await enqueue(deliverDebtorMessageJob, { messageId }, { tx, singletonKey: messageId });
    return pending;
  });
}

export type DeliveryOutcome = "SENT" | "SKIPPED" | "NOT_CONFIGURED";

/**
 * Sends one PENDING message through its channel and marks it SENT. A failure is recorded (attempts,
 * the error with digits and addresses masked) and rethrown so the delivery job retries it; after
 * MAX_ATTEMPTS the row is FAILED. A channel this deployment does not have marks it FAILED at once.
 * A message already sent (a retried job) is not sent again.
 */
export async function deliverDebtorMessage(messageId: string, channels: Partial<Record<ChannelKind, MessageChannel>>, now: Date): Promise<DeliveryOutcome> {
  const m = await db().debtorMessage.findUnique({ where: { id: messageId }, select: { status: true, channel: true, recipient: true, subject: true, body: true, attempts: true } });
  if (!m || m.status !== "PENDING") return "SKIPPED";
  const channel = channels[m.channel];
  if (!channel) {
    await db().debtorMessage.update({ where: { id: messageId }, data: { status: "FAILED", lastError: `channel ${m.channel} not configured` } });
    return "NOT_CONFIGURED";
  }
  // Claim it first: two deliveries of the same message (a job retried while the first still ran) send once.
  const claimed = await db().debtorMessage.updateMany({ where: { id: messageId, status: "PENDING", attempts: m.attempts }, data: { attempts: { increment: 1 } } });
  if (claimed.count === 0) return "SKIPPED";
  try {
    await channel.send({ to: m.recipient, subject: m.subject, text: m.body });
  } catch (error) {
    const attempts = m.attempts + 1;
    await db().debtorMessage.update({
      where: { id: messageId },
      data: { lastError: redactText(error instanceof Error ? error.message : String(error)).slice(0, 500), ...(attempts >= MAX_ATTEMPTS ? { status: "FAILED" } : {}) },
    });
    throw error;
  }
  await db().debtorMessage.update({ where: { id: messageId }, data: { status: "SENT", sentAt: now, lastError: null } });
  return "SENT";
}

/**
 * Records that the debtor does (not) want messages on a channel, audited; the next message on that
 * channel is written as OPTED_OUT instead of being sent.
 */
export async function setOptOut(
  by: { actorId: string | null },
  input: { participantId: string; channel: ChannelKind; optOut: boolean },
  now: Date,
): Promise<void> {
  await db().$transaction(async (tx) => {
    if (input.optOut) {
      await tx.notificationOptOut.upsert({
        where: { participantId_channel: { participantId: input.participantId, channel: input.channel } },
        create: { participantId: input.participantId, channel: input.channel, at: now, recordedById: by.actorId },
        update: {},
      });
    } else {
      await tx.notificationOptOut.deleteMany({ where: { participantId: input.participantId, channel: input.channel } });
    }
    await tx.auditEvent.create({
      data: {
        actorId: by.actorId,
        action: input.optOut ? "notify.optOut" : "notify.optIn",
        entityType: "Participant",
        entityId: input.participantId,
        after: { channel: input.channel } satisfies Prisma.InputJsonObject,
      },
    });
  });
}

/**
 * An officer or the Kantor Cabang sends a message to the debtor of an enrolment in their scope
 * (`debtor:notify`): an arrears reminder from the arrears list, the billing instruction from the
 * record. One of each kind a day (the dedupe key is the office's day): a second click the same day
 * writes nothing. Returns the ids to deliver (empty: already sent today, or nothing to send).
 */
export async function requestDebtorMessage(
  actor: Actor,
  input: { enrolmentId: string; kind: "ARREARS_REMINDER" | "BILLING" },
  now: Date,
): Promise<{ messageIds: string[]; alreadySent: boolean }> {
  const scope = enrolmentWhere(actor, "debtor:notify");
  if (!scope) throw new AppError("FORBIDDEN");
  if (!isUuid(input.enrolmentId)) throw new AppError("NOT_FOUND");
  const e = await db().enrolment.findFirst({ where: { AND: [{ id: input.enrolmentId }, scope] }, select: { id: true, status: true, kantorCabang: { select: { timeZone: true } } } });
  if (!e) throw new AppError("NOT_FOUND");
  if (e.status !== "APPROVED") throw new AppError("INVALID_STATE", { message: "paymentNotApproved" });
  const day = todayInZone(now, e.kantorCabang.timeZone);
  const dedupeKey = `request:${input.kind}:${e.id}:${day}`;
  const messageIds = await queueDebtorMessages({ enrolmentId: e.id, kind: input.kind, dedupeKey, requestedById: actor.id }, now);
  if (messageIds.length) {
    await db().auditEvent.create({
      data: { actorId: actor.id, action: "notify.request", entityType: "Enrolment", entityId: e.id, after: { kind: input.kind, messages: messageIds.length } },
    });
  }
  const alreadySent = messageIds.length === 0 && (await db().debtorMessage.count({ where: { dedupeKey: { startsWith: dedupeKey } } })) > 0;
  return { messageIds, alreadySent };
}

// ---------------------------------------------------------------------------------------------------
// s8-pay: the daily scan's writes (docs/decisions/0025)

export type CoverageAlertKind = "ARREARS" | "LAPSED";

/**
 * The daily scan (lib/notify/scan.ts, docs/decisions/0025) tells a cover transition: records its event
 * (coverage.arrears / coverage.lapsed, no NIK) and the told state in one transaction, guarded by the state
 * it saw, so two scans at once (a rerun during a run) tell it once between them. False when another did.
 */
export async function tellCoverageTransition(
  e: { id: string; penyalurId: string; kpj: string | null },
  alert: CoverageAlertKind,
  coverage: Coverage,
  today: string,
  seen: CoverageAlertKind | null,
): Promise<boolean> {
  try {
    return await db().$transaction(async (tx) => {
      const eventId = await recordEvent(tx, {
        type: alert === "ARREARS" ? "coverage.arrears" : "coverage.lapsed",
        penyalurId: e.penyalurId,
        enrolmentId: e.id,
        payload:
          alert === "ARREARS"
            ? { kpj: e.kpj, status: "ARREARS", unpaidMonths: coverage.unpaidMonths, arrearsDeadline: coverage.arrearsDeadline, protectedUntil: coverage.protectedUntil }
            : { kpj: e.kpj, status: "LAPSED", protectionEnded: coverage.protectionEnded, arrearsDeadline: coverage.arrearsDeadline, lapsedMonths: coverage.lapsedMonths },
      });
      const since = new Date(`${today}T00:00:00Z`);
      if (seen === null) {
        await tx.coverageAlert.create({ data: { enrolmentId: e.id, state: alert, since, eventId } });
      } else {
        const { count } = await tx.coverageAlert.updateMany({ where: { enrolmentId: e.id, state: seen }, data: { state: alert, since, eventId } });
        if (count !== 1) throw new AlreadyTold();
      }
      return true;
    });
  } catch (error) {
    // Another scan told it first: its row (create) or its update won; this one rolled back, event and all.
    if (error instanceof AlreadyTold) return false;
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

class AlreadyTold extends Error {}

/** Settled months re-arm the next transition: the told state is removed (false when another scan did). */
export async function rearmCoverageAlert(enrolmentId: string, told: CoverageAlertKind): Promise<boolean> {
  const { count } = await db().coverageAlert.deleteMany({ where: { enrolmentId, state: told } });
  return count === 1;
}

/**
 * The officer of the enrolment's office or the reviewer of its Kantor Cabang records, from the record or
 * the reviewer's page, that the debtor does (not) want messages on a channel (`debtor:optOut`,
 * docs/decisions/0025 §5): the participant's opt-out (`setOptOut`, audited) found through an enrolment in
 * the actor's scope. Another tenant's enrolment is NOT_FOUND, as for any record outside the scope.
 */
export async function setDebtorOptOut(
  actor: Actor,
  input: { enrolmentId: string; channel: ChannelKind; optOut: boolean },
  now: Date,
): Promise<void> {
  const scope = enrolmentWhere(actor, "debtor:optOut");
  if (!scope) throw new AppError("FORBIDDEN");
  if (!isUuid(input.enrolmentId)) throw new AppError("NOT_FOUND");
  const e = await db().enrolment.findFirst({ where: { AND: [{ id: input.enrolmentId }, scope] }, select: { participantId: true } });
  if (!e) throw new AppError("NOT_FOUND");
  await setOptOut({ actorId: actor.id }, { participantId: e.participantId, channel: input.channel, optOut: input.optOut }, now);
}
