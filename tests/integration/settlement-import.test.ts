/**
 * A channel's settlement file imported and reconciled against the payments its notifications settled
 * (issue #15; docs/api.md "Berkas settlement"; docs/decisions/0021 §1): a file with every mismatch kind
 * reconciled exactly, the rows the portal lacked settled through the notification's own idempotent path,
 * and nothing settled twice — not by a second import, not by two imports at once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPaymentChannelKey, receivePaymentNotification, type ChannelPrincipal } from "@/lib/api";
import type { CreatedChannelKey } from "@/lib/api/mutations";
import { db } from "@/lib/db";
import { runSettlementImport, storeSettlementFile } from "@/lib/payments/mutations/settlement";
import { contributionForMonth } from "@/lib/rules";
import { approveEnrolment, reversePayment } from "@/lib/review/mutations";
import { demoActors, type DemoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";
import { uploadSettlementAction } from "@/lib/payments/actions";
import { runAction, signInAs } from "../support/actions";
import { runQueuedJobs } from "../support/jobs";
import { DEMO_ACCOUNTS } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

let actors: DemoActors;
let bank: CreatedChannelKey;
let principal: ChannelPrincipal;
let seq = 0;
const tag = Date.now().toString(36).toUpperCase();
const ref = (name: string) => `${name}-${tag}-${++seq}`;
const price = (month: string) => contributionForMonth({ declaredIncome: 1_000_000, jht: false, sector: "OTHER", month }).total;
/** 10:00 WIB on a calendar day. */
const at = (day: string) => new Date(`${day}T03:00:00Z`);

beforeAll(async () => {
  actors = await demoActors();
  bank = await createPaymentChannelKey({ code: `VA-S${tag.slice(-5)}`, name: "Bank VA (settlement test)", kind: "VIRTUAL_ACCOUNT" });
  principal = { channelKeyId: bank.id, code: bank.code, kind: "VIRTUAL_ACCOUNT", signingSecret: bank.signingSecret, penyalurId: null };
});

afterAll(async () => {
  await db().$disconnect();
});

async function approved() {
  const e = await submittedEnrolment(actors.officerBri, { submittedAt: at("2026-12-01") });
  await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, at("2026-12-01"));
  const { billingCode } = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { billingCode: true } });
  return { id: e.id, billingCode: billingCode! };
}

async function notified(e: { billingCode: string }, reference: string, paidOn: string) {
  const outcome = await receivePaymentNotification(principal, { billingCode: e.billingCode, amount: price("2026-12"), paidOn, reference }, `hash-${reference}`, at(paidOn));
  if (outcome.kind !== "settled") throw new Error(`fixture notification: ${outcome.kind}`);
  return (outcome.answer.body as { paymentId: string }).paymentId;
}

const csv = (rows: string[][]) => ["reference,billingCode,amount,paidOn", ...rows.map((r) => r.join(","))].join("\r\n");
const paymentCount = (enrolmentId: string) => db().payment.count({ where: { enrolmentId } });

async function upload(content: string) {
  return storeSettlementFile(actors.headOffice, { channelKeyId: bank.id, fileName: "settlement.csv", content });
}

describe("settlement file import (issue #15; docs/decisions/0021 §1)", () => {
  it("reconciles a file with every mismatch kind exactly, settles only what the portal lacked, and a second import settles nothing again", async () => {
    const [matched, missing, differs, late, reversed, wrongAmount] = await Promise.all([approved(), approved(), approved(), approved(), approved(), approved()]);
    const refs = { matched: ref("MATCH"), missing: ref("NEW"), differs: ref("AMT"), late: ref("LATE"), reversed: ref("REV"), wrongAmount: ref("ODD") };
    const matchedPayment = await notified(matched, refs.matched, "2026-12-02");
    const differsPayment = await notified(differs, refs.differs, "2026-12-02");
    const latePayment = await notified(late, refs.late, "2026-12-03");
    const reversedPayment = await notified(reversed, refs.reversed, "2026-12-02");
    await reversePayment(actors.reviewerBandung, { paymentId: reversedPayment, reason: "Dana ditolak bank" }, at("2026-12-03"));

    const dec = String(price("2026-12"));
    const content = csv([
      [refs.matched, matched.billingCode, dec, "2026-12-02"],
      [refs.missing, missing.billingCode, dec, "2026-12-02"],
      [refs.differs, differs.billingCode, String(price("2026-12") * 2), "2026-12-02"],
      [refs.reversed, reversed.billingCode, dec, "2026-12-02"],
      [refs.wrongAmount, wrongAmount.billingCode, "999", "2026-12-03"],
      ["BROKEN", "1234", dec, "2026-12-03"],
    ]);
    const stored = await upload(content);
    expect(stored.existing).toBe(false);
    const seen: [number, number][] = [];
    const result = await runSettlementImport(stored.importId, at("2026-12-04"), (done, total) => void seen.push([done, total]));
    if (!result.ok) throw new Error(result.problem);

    expect(result.counts).toEqual({ MATCHED: 1, MISSING_IN_PORTAL: 3, AMOUNT_DIFFERS: 1, MISSING_IN_FILE: 1 });
    expect(result.items.map((i) => [i.reference, i.kind, i.action, i.line, i.portal?.paymentId ?? null])).toEqual([
      [refs.missing, "MISSING_IN_PORTAL", "SETTLE", 3, null],
      [refs.differs, "AMOUNT_DIFFERS", "REVIEW_PAYMENT", 4, differsPayment],
      [refs.reversed, "MISSING_IN_PORTAL", "REVIEW_REVERSED", 5, reversedPayment],
      [refs.wrongAmount, "MISSING_IN_PORTAL", "SETTLE", 6, null],
      [refs.late, "MISSING_IN_FILE", "ASK_CHANNEL", null, latePayment],
    ]);
    expect(result.invalid).toEqual([{ line: 7, reference: "BROKEN", problems: ["billingCodeInvalid"] }]);
    const [settledItem, refusedItem] = result.items.filter((i) => i.action === "SETTLE");
    expect(settledItem!.outcome).toMatchObject({ settled: true, months: ["2026-12"] });
    expect(refusedItem!.outcome).toEqual({ settled: false, refusal: "amountNotDue" });
    expect([result.settled, result.refused]).toEqual([1, 1]);
    expect(seen).toEqual([[1, 2], [2, 2]]);

    // The missing row settled through the channel's own path: the channel's payment, its reference namespaced.
    const newPayment = await db().payment.findFirstOrThrow({ where: { enrolmentId: missing.id }, select: { channelKeyId: true, reference: true, amount: true, recordedById: true } });
    expect(newPayment).toEqual({ channelKeyId: bank.id, reference: `${bank.code}:${refs.missing}`, amount: price("2026-12"), recordedById: null });
    // Untouched: the matched, the differing, the reversed one (a person decides) and the refused one.
    expect(await Promise.all([matched, differs, reversed, wrongAmount].map((e) => paymentCount(e.id)))).toEqual([1, 1, 1, 0]);
    expect(await db().payment.findUniqueOrThrow({ where: { id: matchedPayment }, select: { reversedAt: true } })).toEqual({ reversedAt: null });

    // The same bytes again: the same import. Run again: the settled row is matched now; nothing settled twice.
    expect(await upload(content)).toEqual({ importId: stored.importId, existing: true });
    const again = await runSettlementImport(stored.importId, at("2026-12-04"));
    if (!again.ok) throw new Error(again.problem);
    expect(again.counts).toEqual({ MATCHED: 2, MISSING_IN_PORTAL: 2, AMOUNT_DIFFERS: 1, MISSING_IN_FILE: 1 });
    expect(again.settled).toBe(0);
    expect(await paymentCount(missing.id)).toBe(1);
    const audit = await db().auditEvent.count({ where: { entityId: stored.importId, action: "settlement.reconcile" } });
    expect(audit).toBe(2);
  });

  it("two imports of files naming the same missing payment, at once, settle it once", async () => {
    const e = await approved();
    const reference = ref("RACE");
    const row = [reference, e.billingCode, String(price("2026-12")), "2026-12-02"];
    // Two different files (one ends with a line break, so other bytes), both naming the payment.
    const a = await upload(csv([row]));
    const b = await upload(`${csv([row])}\r\n`);
    expect(a.importId).not.toBe(b.importId);
    const [ra, rb] = await Promise.all([runSettlementImport(a.importId, at("2026-12-04")), runSettlementImport(b.importId, at("2026-12-04"))]);
    expect(await paymentCount(e.id)).toBe(1);
    const settledBy = [ra, rb].map((r) => (r.ok ? r.items.find((i) => i.reference === reference)?.outcome : null));
    expect(settledBy.every((o) => o?.settled === true)).toBe(true);
  });

  it("a file without the documented columns is refused as a whole, and only head office may upload", async () => {
    const stored = await upload("ref;amount\nX;1\n");
    expect(await runSettlementImport(stored.importId, at("2026-12-04"))).toEqual({ ok: false, problem: "columnsMissing", missing: ["reference", "billingCode", "paidOn"] });
    await expect(storeSettlementFile(actors.reviewerBandung, { channelKeyId: bank.id, fileName: "x.csv", content: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the upload action stores the file and starts the tracked import; the worker's run settles it and the run succeeds", async () => {
    const e = await approved();
    const reference = ref("UP");
    await signInAs(DEMO_ACCOUNTS.headOffice);
    const form = new FormData();
    form.set("channelKeyId", bank.id);
    form.set("file", new File([csv([[reference, e.billingCode, String(price("2026-12")), "2026-12-02"]])], "bri-20261202.csv", { type: "text/csv" }));
    const run = await runAction(uploadSettlementAction, {}, form);
    const match = /^\/settlement\/([0-9a-f-]{36})\?run=([0-9a-f-]{36})$/.exec(run.redirect?.url ?? "");
    expect(match).not.toBeNull();
    await runQueuedJobs({ names: ["payments.settlement-import"] });
    const stored = await db().settlementImport.findUniqueOrThrow({ where: { id: match![1]! }, select: { finishedAt: true, fileName: true } });
    expect(stored.fileName).toBe("bri-20261202.csv");
    expect(stored.finishedAt).not.toBeNull();
    expect(await db().jobRun.findUniqueOrThrow({ where: { id: match![2]! }, select: { status: true, result: true } })).toMatchObject({ status: "SUCCEEDED", result: { ok: true, settled: 1 } });
    expect(await paymentCount(e.id)).toBe(1);
    // A reviewer may not upload.
    await signInAs(DEMO_ACCOUNTS.reviewerBandung);
    expect((await runAction(uploadSettlementAction, {}, form)).result).toMatchObject({ code: "FORBIDDEN" });
  });
});
