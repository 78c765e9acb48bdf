/**
 * Debtor notifications (issue #15; docs/decisions/0021 §3): the outbox's messages in Indonesian with
 * what the debtor needs (KPJ, programmes, what and how to pay, the verification link) and never the
 * NIK, delivered by e-mail through nodemailer into a real maildev and by the SMS gateway adapter to a
 * local HTTP stand-in; opt-out recorded and honoured; one occasion written once; failures retried.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { formatBillingCode } from "@/lib/rules";
import { emailChannel, gatewayChannel } from "@/lib/notify/channels";
import { deliverDebtorMessage, MAX_ATTEMPTS, queueDebtorMessages, setOptOut } from "@/lib/notify/mutations";
import { approveEnrolment } from "@/lib/review/mutations";
import { demoActors, type DemoActors } from "../support/db";
import { startGateway, startMailCatcher, type GatewayStandIn, type MailCatcher } from "../support/mail";
import { submittedEnrolment } from "../support/review";
import { runQueuedJobs } from "../support/jobs";
import { recordEvent } from "@/lib/events";

// The delivery job reads its channels from the environment (lib/env.ts): e-mail to this file's maildev.
vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:55357";
});

let actors: DemoActors;
let mail: MailCatcher;
let gateway: GatewayStandIn;
let seq = 0;
const key = (name: string) => `test:${name}:${Date.now().toString(36)}:${++seq}`;

beforeAll(async () => {
  actors = await demoActors();
  [mail, gateway] = await Promise.all([startMailCatcher(55357, 55358), startGateway()]);
});

afterAll(async () => {
  await Promise.all([mail?.stop(), gateway?.stop()]);
  await db().$disconnect();
});

async function approvedWithEmail(email: string) {
  const e = await submittedEnrolment(actors.officerBri, { form: { email } });
  await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, new Date());
  const stored = await db().enrolment.findUniqueOrThrow({
    where: { id: e.id },
    select: { kpj: true, billingCode: true, verificationCode: true, participantId: true, participant: { select: { phone: true } } },
  });
  return { ...e, ...stored };
}

const channels = () => ({ EMAIL: emailChannel(mail.smtpUrl, "LindungiKUR <no-reply@lindungikur.id>"), SMS: gatewayChannel("SMS", gateway.url, "gw-token") });

describe("debtor notifications through the outbox (issue #15; docs/decisions/0021 §3)", () => {
  it("the approval message reaches the mail catcher and the SMS gateway, in Indonesian, with KPJ, programmes, how to pay and the link — and no NIK", async () => {
    const e = await approvedWithEmail(`debitur.${Date.now()}@contoh.id`);
    const ids = await queueDebtorMessages({ enrolmentId: e.id, kind: "APPROVAL", dedupeKey: key("approval") }, new Date());
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(await deliverDebtorMessage(id, channels(), new Date())).toBe("SENT");

    const inbox = (await mail.messages()).filter((m) => m.subject.includes(e.kpj!));
    expect(inbox).toHaveLength(1);
    const m = inbox[0]!;
    expect(m.subject).toBe(`Kepesertaan BPJS Ketenagakerjaan Anda aktif — KPJ ${e.kpj}`);
    const grouped = formatBillingCode(e.billingCode!);
    for (const part of ["Yth. Rahmat Hidayat", "Program: JKK, JKM", `Kode bayar (virtual account): ${grouped}`, "Cara membayar", `/verifikasi/${e.verificationCode}`]) {
      expect(m.text).toContain(part);
    }
    expect(m.text.replace(/\D/g, "")).not.toContain(e.nik);
    const sms = gateway.received.find((r) => r.body.text.includes(e.kpj!))!;
    expect(sms).toMatchObject({ authorization: "Bearer gw-token", body: { channel: "sms", to: e.participant.phone } });
    expect(sms.body.text).toContain(grouped);
    expect(sms.body.text.replace(/\D/g, "")).not.toContain(e.nik);
    const stored = await db().debtorMessage.findMany({ where: { enrolmentId: e.id }, select: { status: true, sentAt: true, body: true } });
    expect(stored.every((s) => s.status === "SENT" && s.sentAt && !s.body.includes(e.nik))).toBe(true);
  });

  it("one occasion is written once; a channel the debtor opted out of is recorded OPTED_OUT and never sent", async () => {
    const e = await approvedWithEmail(`optout.${Date.now()}@contoh.id`);
    const occasion = key("due");
    const first = await queueDebtorMessages({ enrolmentId: e.id, kind: "DUE_SOON", dedupeKey: occasion }, new Date());
    expect(await queueDebtorMessages({ enrolmentId: e.id, kind: "DUE_SOON", dedupeKey: occasion }, new Date())).toEqual([]);
    expect(first).toHaveLength(2);

    await setOptOut({ actorId: actors.officerBri.id }, { participantId: e.participantId, channel: "SMS", optOut: true }, new Date());
    const before = gateway.received.length;
    const ids = await queueDebtorMessages({ enrolmentId: e.id, kind: "ARREARS_REMINDER", dedupeKey: key("reminder") }, new Date());
    expect(ids).toHaveLength(1);
    for (const id of ids) await deliverDebtorMessage(id, channels(), new Date());
    expect(gateway.received.length).toBe(before);
    const rows = await db().debtorMessage.findMany({ where: { enrolmentId: e.id, kind: "ARREARS_REMINDER" }, select: { channel: true, status: true }, orderBy: { channel: "asc" } });
    expect(rows).toEqual([{ channel: "EMAIL", status: "SENT" }, { channel: "SMS", status: "OPTED_OUT" }]);
    expect(await db().auditEvent.count({ where: { entityId: e.participantId, action: "notify.optOut", actorId: actors.officerBri.id } })).toBe(1);
  });

  it("a gateway failure is recorded with the status, retried, and FAILED after the last attempt; a sent message is not sent again", async () => {
    const e = await approvedWithEmail(`fail.${Date.now()}@contoh.id`);
    const ids = await queueDebtorMessages({ enrolmentId: e.id, kind: "BILLING", dedupeKey: key("billing") }, new Date());
    const sms = (await db().debtorMessage.findFirstOrThrow({ where: { id: { in: ids }, channel: "SMS" }, select: { id: true } })).id;
    gateway.answer(503);
    try {
      for (let i = 1; i <= MAX_ATTEMPTS; i++) {
        await expect(deliverDebtorMessage(sms, channels(), new Date())).rejects.toThrow("gateway answered 503");
      }
    } finally {
      gateway.answer(200);
    }
    expect(await db().debtorMessage.findUniqueOrThrow({ where: { id: sms }, select: { status: true, attempts: true, lastError: true } })).toEqual({
      status: "FAILED",
      attempts: MAX_ATTEMPTS,
      lastError: "gateway answered 503",
    });
    expect(await deliverDebtorMessage(sms, channels(), new Date())).toBe("SKIPPED");
    const email = ids.find((id) => id !== sms)!;
    expect(await deliverDebtorMessage(email, channels(), new Date())).toBe("SENT");
    expect(await deliverDebtorMessage(email, channels(), new Date())).toBe("SKIPPED");
  });

  it("an approval reaches the mail catcher through the event outbox and the delivery job; a rolled-back change sends nothing", async () => {
    const email = `outbox.${Date.now()}@contoh.id`;
    const e = await submittedEnrolment(actors.officerBri, { form: { email } });
    const { penyalurId } = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { penyalurId: true } });
    // A change that records its event and then fails: rolled back, its fan-out job with it.
    await expect(
      db().$transaction(async (tx) => {
        await recordEvent(tx, { type: "enrolment.approved", penyalurId, enrolmentId: e.id, payload: { status: "APPROVED" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await runQueuedJobs();
    expect(await db().debtorMessage.count({ where: { enrolmentId: e.id } })).toBe(0);
    expect((await mail.messages()).some((m) => m.to.some((t) => t.address === email))).toBe(false);

    const { kpj } = await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, new Date());
    await runQueuedJobs();
    const inbox = (await mail.messages()).filter((m) => m.to.some((t) => t.address === email));
    expect(inbox.map((m) => m.subject)).toEqual([`Kepesertaan BPJS Ketenagakerjaan Anda aktif — KPJ ${kpj}`]);
    // The fan-out retried (or run again) writes no second message: keyed by the event.
    await runQueuedJobs({ retryNow: true });
    expect(await db().debtorMessage.count({ where: { enrolmentId: e.id, kind: "APPROVAL", channel: "EMAIL" } })).toBe(1);
  });
});
