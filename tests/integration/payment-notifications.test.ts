/**
 * POST /api/v1/payments/notifications against the real database (issue #15; docs/decisions/0016 §2):
 * the route's own export is called with real, signed Requests; the settlement is the review's one
 * `settlePayment`, the same the reviewer's manual entry uses.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/payments/notifications/route";
import { postPaymentNotification } from "@/lib/api/payment-notification-endpoint";
import { createPaymentChannelKey, type CreatedChannelKey } from "@/lib/api/mutations";
import { signNotification } from "@/lib/api/payment-signature";
import { db } from "@/lib/db";
import { billingCodeFor, contributionForMonth } from "@/lib/rules";
import { reviewDetail } from "@/lib/review/data";
import { approveEnrolment, recordPayment } from "@/lib/review/mutations";
import { demoActors, type DemoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";

let actors: DemoActors;
let bank: CreatedChannelKey;
let outlet: CreatedChannelKey;
let seq = 0;
const ref = () => `TRX-${Date.now().toString(36)}-${++seq}`.toUpperCase();
const price = (month: string) => contributionForMonth({ declaredIncome: 1_000_000, jht: false, sector: "OTHER", month }).total;
/** 10:00 WIB on a calendar day. */
const at = (day: string) => new Date(`${day}T03:00:00Z`);
const URL = "http://127.0.0.1/api/v1/payments/notifications";

function signed(channel: CreatedChannelKey, body: unknown, now: Date, options: { timestamp?: number; secret?: string; language?: string } = {}): Request {
  const text = JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(now.getTime() / 1000));
  const headers: Record<string, string> = {
    "content-type": "application/json",
    authorization: `Bearer ${channel.key}`,
    "x-lindungikur-timestamp": timestamp,
    "x-lindungikur-signature": signNotification(options.secret ?? channel.signingSecret, timestamp, text),
  };
  if (options.language) headers["accept-language"] = options.language;
  return new Request(URL, { method: "POST", headers, body: text });
}

async function notify(channel: CreatedChannelKey, body: unknown, now: Date, options: Parameters<typeof signed>[3] = {}) {
  const response = await postPaymentNotification(signed(channel, body, now, options), now);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  actors = await demoActors();
  const tag = Date.now().toString(36).toUpperCase().slice(-6);
  bank = await createPaymentChannelKey({ code: `VA-${tag}`, name: "Bank VA (test)", kind: "VIRTUAL_ACCOUNT" });
  outlet = await createPaymentChannelKey({ code: `PP-${tag}`, name: "Payment point (test)", kind: "RETAIL_OUTLET" });
});

afterAll(async () => {
  await db().$disconnect();
});

async function approved(day: string) {
  const e = await submittedEnrolment(actors.officerBri, { submittedAt: at(day) });
  await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, at(day));
  const { billingCode } = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { billingCode: true } });
  return { id: e.id, billingCode: billingCode! };
}

const paymentsOf = (enrolmentId: string) => db().payment.findMany({ where: { enrolmentId }, select: { id: true, amount: true, channel: true, channelKeyId: true, recordedById: true, reference: true } });

describe("payment notifications from channels (issue #15: per channel key, signed, idempotent on the channel's reference)", () => {
  it("settles the months oldest first, like the reviewer's entry, and the cover follows", async () => {
    const e = await approved("2026-11-02");
    // November is overdue on 20 December: one payment for November and December settles both, oldest first.
    const now = at("2026-12-20");
    expect((await reviewDetail(actors.reviewerBandung, e.id, now))!.coverage!.status).toBe("ARREARS");
    const reference = ref();
    const r = await notify(bank, { billingCode: e.billingCode, amount: price("2026-11") + price("2026-12"), paidOn: "2026-12-20", reference }, now);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "SETTLED", months: ["2026-11", "2026-12"], reference, resumed: false });
    const [payment] = await paymentsOf(e.id);
    expect(payment).toMatchObject({ channel: "VIRTUAL_ACCOUNT", channelKeyId: bank.id, recordedById: null, reference: `${bank.code}:${reference}` });
    const lines = await db().contributionLine.findMany({ where: { enrolmentId: e.id }, orderBy: { month: "asc" }, select: { status: true, paymentId: true } });
    expect(lines).toEqual([{ status: "PAID", paymentId: payment!.id }, { status: "PAID", paymentId: payment!.id }]);
    const detail = (await reviewDetail(actors.reviewerBandung, e.id, now))!;
    expect(detail.coverage).toMatchObject({ status: "ACTIVE", protectedUntil: "2026-12-31" });
    // The reviewer's manual entry then continues from where the channel left off (one settlement for both).
    const manual = await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: price("2027-01"), paidOn: "2026-12-20", channel: "BANK_TELLER", reference: ref() }, now);
    expect(manual.months).toEqual(["2027-01"]);
    const audit = await db().auditEvent.findFirst({ where: { entityId: e.id, action: "payment.record", actorId: null }, select: { after: true } });
    expect(audit!.after).toMatchObject({ channelKeyId: bank.id, months: ["2026-11", "2026-12"] });
  });

  it("is idempotent under 16 concurrent repeats: one payment row, the same answer to every repeat", async () => {
    const e = await approved("2026-11-16");
    const body = { billingCode: e.billingCode, amount: price("2026-11"), paidOn: "2026-11-17", reference: ref() };
    // Through the route itself, which reads the real clock: signed with it.
    const answers = await Promise.all(Array.from({ length: 16 }, () => POST(signed(bank, body, new Date())).then(async (x) => ({ status: x.status, body: await x.json() }))));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    for (const a of answers) expect(a.body).toEqual(answers[0]!.body);
    expect(answers[0]!.body).toMatchObject({ status: "SETTLED", months: ["2026-11"] });
    expect(await paymentsOf(e.id)).toHaveLength(1);
    expect(await db().paymentNotification.count({ where: { channelKeyId: bank.id, reference: body.reference } })).toBe(1);
    // Later, the same reference and the same body: the first answer again, still one payment.
    const later = await notify(bank, body, at("2026-11-20"));
    expect(later).toEqual(answers[0]);
    expect(await paymentsOf(e.id)).toHaveLength(1);
    // The same reference with another body is a conflict, and writes nothing.
    const other = await notify(bank, { ...body, amount: price("2026-11") + price("2026-12") }, at("2026-11-20"));
    expect(other.status).toBe(409);
    expect(other.body).toEqual({ error: expect.stringContaining(body.reference) });
    expect(await paymentsOf(e.id)).toHaveLength(1);
  });

  it("refuses a wrong amount with the amounts allocatePayment accepts, and writes nothing", async () => {
    const e = await approved("2026-11-16");
    const now = at("2026-11-17");
    const r = await notify(bank, { billingCode: e.billingCode, amount: 10_000, paidOn: "2026-11-17", reference: ref() }, now, { language: "en" });
    expect(r.status).toBe(422);
    const accepted = r.body.acceptedAmounts as { months: number; amount: number; through: string }[];
    expect(accepted.slice(0, 2)).toEqual([
      { months: 1, amount: price("2026-11"), through: "2026-11" },
      { months: 2, amount: price("2026-11") + price("2026-12"), through: "2026-12" },
    ]);
    expect(accepted).toHaveLength(13);
    expect(r.body.errors).toEqual({ amount: [expect.stringContaining("Accepted amounts")] });
    expect(await paymentsOf(e.id)).toHaveLength(0);
    expect(await db().paymentNotification.count({ where: { reference: { startsWith: "TRX-" }, paymentId: null } })).toBe(0);
  });

  it("refuses a bad signature, a stale or missing timestamp, an unknown key and an invalid body", async () => {
    const e = await approved("2026-11-16");
    const now = at("2026-11-17");
    const body = { billingCode: e.billingCode, amount: price("2026-11"), paidOn: "2026-11-17", reference: ref() };
    const badSecret = await notify(bank, body, now, { secret: outlet.signingSecret });
    expect(badSecret).toEqual({ status: 401, body: { error: "Tanda tangan permintaan tidak cocok." } });
    const stale = await notify(bank, body, now, { timestamp: Math.floor(now.getTime() / 1000) - 301 });
    expect(stale.status).toBe(401);
    expect(stale.body.error).toContain("300");
    // A body changed after signing: the signature no longer matches.
    const request = signed(bank, body, now);
    const tampered = new Request(URL, { method: "POST", headers: request.headers, body: JSON.stringify({ ...body, amount: body.amount + 1 }) });
    expect((await postPaymentNotification(tampered, now)).status).toBe(401);
    const unsigned = new Request(URL, { method: "POST", headers: { authorization: `Bearer ${bank.key}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await postPaymentNotification(unsigned, now)).status).toBe(401);
    const noKey = new Request(URL, { method: "POST", headers: { authorization: "Bearer lkc_notarealkeynotarealkey123" }, body: JSON.stringify(body) });
    const unknown = await postPaymentNotification(noKey, now);
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect(await paymentsOf(e.id)).toHaveLength(0);

    const invalid = await notify(bank, { billingCode: `${e.billingCode.slice(0, 15)}${(Number(e.billingCode[15]) + 1) % 10}`, amount: "8400", paidOn: "17/11/2026", reference: "a b", extra: 1 }, now);
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.errors as object).sort()).toEqual(["amount", "billingCode", "extra", "paidOn", "reference"]);
    const future = await notify(bank, { ...body, paidOn: "2026-11-18" }, now);
    expect(future).toEqual({ status: 422, body: { errors: { paidOn: ["Tanggal bayar tidak boleh setelah hari ini."] } } });
  });

  it("keeps each channel's references apart: another channel may use the same reference", async () => {
    const a = await approved("2026-11-16");
    const b = await approved("2026-11-16");
    const now = at("2026-11-17");
    const reference = ref();
    const first = await notify(bank, { billingCode: a.billingCode, amount: price("2026-11"), paidOn: "2026-11-17", reference }, now);
    const second = await notify(outlet, { billingCode: b.billingCode, amount: price("2026-11"), paidOn: "2026-11-17", reference }, now);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await paymentsOf(a.id)).map((p) => p.reference)).toEqual([`${bank.code}:${reference}`]);
    expect((await paymentsOf(b.id)).map((p) => ({ reference: p.reference, channel: p.channel }))).toEqual([{ reference: `${outlet.code}:${reference}`, channel: "RETAIL_OUTLET" }]);
  });
});

describe("auto-debit by the lending bank as a channel (issue #15; docs/decisions/0025): a penyalur-bound AUTODEBIT key", () => {
  let briDebit: CreatedChannelKey;
  let briId: string;
  beforeAll(async () => {
    const tag = Date.now().toString(36).toUpperCase().slice(-6);
    briId = (await db().penyalur.findUniqueOrThrow({ where: { code: "BRI" }, select: { id: true } })).id;
    briDebit = await createPaymentChannelKey({ code: `AD-BRI-${tag}`, name: "BRI autodebet (test)", kind: "AUTODEBIT", penyalurId: briId });
  });

  async function approvedBy(officer: DemoActors["officerBri"], consent: boolean) {
    const e = await submittedEnrolment(officer, { submittedAt: at("2026-11-02"), form: consent ? { autoDebitConsent: "on" } : {} });
    await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, at("2026-11-02"));
    const { billingCode } = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { billingCode: true } });
    return { id: e.id, billingCode: billingCode! };
  }

  it("settles a consenting debtor of its own penyalur through the same settlement: oldest months first, idempotent on the reference, amounts checked", async () => {
    const e = await approvedBy(actors.officerBri, true);
    const now = at("2026-12-20");
    const wrong = await notify(briDebit, { billingCode: e.billingCode, amount: 10_000, paidOn: "2026-12-20", reference: ref() }, now);
    expect(wrong.status).toBe(422);
    expect((wrong.body.acceptedAmounts as { amount: number }[]).slice(0, 2)).toEqual([
      { months: 1, amount: price("2026-11"), through: "2026-11" },
      { months: 2, amount: price("2026-11") + price("2026-12"), through: "2026-12" },
    ]);
    const body = { billingCode: e.billingCode, amount: price("2026-11") + price("2026-12"), paidOn: "2026-12-20", reference: ref() };
    const first = await notify(briDebit, body, now);
    expect(first).toMatchObject({ status: 200, body: { status: "SETTLED", months: ["2026-11", "2026-12"] } });
    expect(await notify(briDebit, body, now)).toEqual(first);
    expect(await paymentsOf(e.id)).toEqual([expect.objectContaining({ channel: "AUTODEBIT", channelKeyId: briDebit.id, recordedById: null, reference: `${briDebit.code}:${body.reference}` })]);
  });

  it("answers 404 for an enrolment of another penyalur, the same answer as for a code that does not exist, and writes nothing", async () => {
    const bni = await approvedBy(actors.officerBni, true);
    const now = at("2026-11-20");
    const other = await notify(briDebit, { billingCode: bni.billingCode, amount: price("2026-11"), paidOn: "2026-11-20", reference: ref() }, now);
    const none = await notify(briDebit, { billingCode: billingCodeFor("99999999990"), amount: price("2026-11"), paidOn: "2026-11-20", reference: ref() }, now);
    expect(other).toEqual({ status: 404, body: { error: "Kode bayar tidak ditemukan untuk kanal ini." } });
    expect(none).toEqual(other);
    expect(await paymentsOf(bni.id)).toEqual([]);
    expect(await db().paymentNotification.count({ where: { channelKeyId: briDebit.id, paymentId: null } })).toBe(0);
    // The same code through an unbound channel still settles: the refusal is the binding's, not the enrolment's.
    expect((await notify(bank, { billingCode: bni.billingCode, amount: price("2026-11"), paidOn: "2026-11-20", reference: ref() }, now)).status).toBe(200);
  });

  it("answers 422 with a clear message for its own penyalur's debtor who did not consent to auto-debit on the e-form, and writes nothing", async () => {
    const e = await approvedBy(actors.officerBri, false);
    const r = await notify(briDebit, { billingCode: e.billingCode, amount: price("2026-11"), paidOn: "2026-11-20", reference: ref() }, at("2026-11-20"));
    expect(r).toEqual({ status: 422, body: { errors: { billingCode: [expect.stringMatching(/tidak menyetujui autodebet/)] } } });
    expect(await paymentsOf(e.id)).toEqual([]);
  });

  it("only an AUTODEBIT channel can be bound to a penyalur (the mutation and the table's CHECK)", async () => {
    await expect(createPaymentChannelKey({ code: "VA-BOUND-X", name: "x", kind: "VIRTUAL_ACCOUNT", penyalurId: briId })).rejects.toThrow(RangeError);
    await expect(db().paymentChannelKey.update({ where: { id: bank.id }, data: { penyalurId: briId } })).rejects.toThrow(/PaymentChannelKey_penyalur_autodebit_check/);
  });
});
