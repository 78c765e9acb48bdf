/**
 * Payment channels' keys from /admin/kanal-pembayaran (lib/admin/channels; docs/decisions/0025), through
 * the action pipeline: issue (the key and its signing secret answered once), bind an auto-debit channel to
 * its lending bank, rotate (the old pair refused at once), revoke — each audited, each refused to anyone
 * but an administrator. The notification endpoint itself tells whether a key works.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { issueChannelKeyAction, revokeChannelKeyAction, rotateChannelKeyAction } from "@/lib/admin/channels/actions";
import type { ShownChannelKey } from "@/lib/admin/channels/mutations";
import { listChannelKeys } from "@/lib/admin/channels/data";
import { postPaymentNotification } from "@/lib/api/payment-notification-endpoint";
import { signNotification } from "@/lib/api/payment-signature";
import { hashApiKey } from "@/lib/api/keys";
import { db } from "@/lib/db";
import { translator } from "@/lib/i18n/translator";
import { billingCodeFor } from "@/lib/rules";
import { formData, runAction, signInAs } from "../support/actions";
import { DEMO_ACCOUNTS } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const id = translator("id");
const tag = Date.now().toString(36).toUpperCase().slice(-6);
let seq = 0;

afterAll(async () => {
  await db().$disconnect();
});

/** The status a notification signed with this key and secret gets (a code no enrolment has: 401 when the key or signature fails). */
async function notifyStatus(shown: { key: string; signingSecret: string }): Promise<number> {
  const now = new Date();
  const body = JSON.stringify({ billingCode: billingCodeFor("99999999990"), amount: 16_800, paidOn: now.toISOString().slice(0, 10), reference: `ADM-${tag}-${++seq}` });
  const ts = String(Math.floor(now.getTime() / 1000));
  const request = new Request("http://127.0.0.1/api/v1/payments/notifications", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${shown.key}`, "x-lindungikur-timestamp": ts, "x-lindungikur-signature": signNotification(shown.signingSecret, ts, body) },
    body,
  });
  return (await postPaymentNotification(request, now)).status;
}

async function issue(fields: Record<string, string>): Promise<ShownChannelKey> {
  await signInAs(DEMO_ACCOUNTS.admin);
  const run = await runAction(issueChannelKeyAction, {}, formData(fields));
  expect(run.result?.ok, JSON.stringify(run.result)).toBe(true);
  return run.result!.data as ShownChannelKey;
}

const rowOf = (code: string) => db().paymentChannelKey.findUniqueOrThrow({ where: { code }, select: { id: true, keyHash: true, signingSecret: true, penyalurId: true, kind: true, revokedAt: true } });

describe("issuing a channel key", () => {
  it("answers the key and signing secret once; only the key's sha256 is stored; an auto-debit channel is bound to its bank; audited by the administrator", async () => {
    const shown = await issue({ code: `ad-bri-${tag}`, name: "BRI autodebet uji", kind: "AUTODEBIT", penyalur: "BRI" });
    expect(shown.code).toBe(`AD-BRI-${tag}`);
    expect(shown.key).toMatch(/^lkc_/);
    const row = await rowOf(shown.code);
    expect(row.keyHash).toBe(hashApiKey(shown.key));
    expect(row.kind).toBe("AUTODEBIT");
    expect(row.penyalurId).toBe((await db().penyalur.findUniqueOrThrow({ where: { code: "BRI" } })).id);
    expect(await db().auditEvent.count({ where: { entityType: "PaymentChannelKey", entityId: row.id, action: "paymentChannel.create", actorRole: "ADMIN" } })).toBe(1);
    // Authenticated and signed: a bound key and a code no BRI debtor has is 404 (not 401).
    expect(await notifyStatus(shown)).toBe(404);
    const listed = (await listChannelKeys()).find((c) => c.code === shown.code);
    expect(listed).toMatchObject({ kind: "AUTODEBIT", penyalurName: expect.stringContaining("BRI"), revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(shown.signingSecret);
  });

  it("field errors on their fields, in Indonesian, input kept: auto-debit without a bank, a bank for another kind, a code taken", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const noBank = await runAction(issueChannelKeyAction, {}, formData({ code: `AD-X-${tag}`, name: "Autodebet tanpa bank", kind: "AUTODEBIT", penyalur: "" }));
    expect(noBank.result?.errors).toEqual({ penyalur: [id("adminData.channels.errors.penyalurForAutoDebit")] });
    expect(noBank.result?.values).toMatchObject({ name: "Autodebet tanpa bank" });
    const boundVa = await runAction(issueChannelKeyAction, {}, formData({ code: `VA-X-${tag}`, name: "VA terikat", kind: "VIRTUAL_ACCOUNT", penyalur: "BRI" }));
    expect(boundVa.result?.errors).toEqual({ penyalur: [id("adminData.channels.errors.penyalurOnlyAutoDebit")] });
    const first = await issue({ code: `VA-T-${tag}`, name: "VA uji", kind: "VIRTUAL_ACCOUNT", penyalur: "" });
    const taken = await runAction(issueChannelKeyAction, {}, formData({ code: first.code, name: "VA uji lagi", kind: "VIRTUAL_ACCOUNT" }));
    expect(taken.result?.errors).toEqual({ code: [id("adminData.channels.errors.codeTaken", { code: first.code })] });
  });
});

describe("rotating and revoking", () => {
  it("rotation gives a new key and secret in place and refuses the old pair at once; audited", async () => {
    const old = await issue({ code: `PP-R-${tag}`, name: "Gerai uji rotasi", kind: "RETAIL_OUTLET" });
    const row = await rowOf(old.code);
    const run = await runAction(rotateChannelKeyAction, {}, formData({ id: row.id }));
    const fresh = run.result?.data as ShownChannelKey;
    expect(fresh.code).toBe(old.code);
    expect(fresh.key).not.toBe(old.key);
    expect(fresh.signingSecret).not.toBe(old.signingSecret);
    expect(await notifyStatus(old)).toBe(401);
    expect(await notifyStatus({ key: fresh.key, signingSecret: old.signingSecret })).toBe(401);
    // An unbound channel: authenticated, the unknown code is 422.
    expect(await notifyStatus(fresh)).toBe(422);
    expect(await db().auditEvent.count({ where: { entityId: row.id, action: "paymentChannel.rotate", actorRole: "ADMIN" } })).toBe(1);
  });

  it("a revoked channel is refused at its next notification; a second revocation or a rotation is INVALID_STATE; audited once", async () => {
    const shown = await issue({ code: `TL-C-${tag}`, name: "Teller uji cabut", kind: "BANK_TELLER" });
    const row = await rowOf(shown.code);
    const run = await runAction(revokeChannelKeyAction, {}, formData({ id: row.id }));
    expect(run.redirect?.url).toBe("/admin/kanal-pembayaran?dicabut=1");
    expect(await notifyStatus(shown)).toBe(401);
    const again = await runAction(revokeChannelKeyAction, {}, formData({ id: row.id }));
    expect(again.result).toMatchObject({ code: "INVALID_STATE", message: id("actionErrors.channelKeyInactive") });
    expect((await runAction(rotateChannelKeyAction, {}, formData({ id: row.id }))).result?.code).toBe("INVALID_STATE");
    expect(await db().auditEvent.count({ where: { entityId: row.id, action: "paymentChannel.revoke" } })).toBe(1);
  });
});

describe("authorization (paymentChannel:manage: administrators only)", () => {
  it("head office, a Kantor Cabang reviewer and a bank officer are refused every mutation, and nothing changes", async () => {
    const shown = await issue({ code: `VA-A-${tag}`, name: "VA uji akses", kind: "VIRTUAL_ACCOUNT" });
    const row = await rowOf(shown.code);
    for (const account of [DEMO_ACCOUNTS.headOffice, DEMO_ACCOUNTS.reviewerBandung, DEMO_ACCOUNTS.officerBri]) {
      await signInAs(account);
      expect((await runAction(issueChannelKeyAction, {}, formData({ code: `VA-N-${tag}`, name: "Tidak boleh", kind: "VIRTUAL_ACCOUNT" }))).result?.code, account).toBe("FORBIDDEN");
      expect((await runAction(rotateChannelKeyAction, {}, formData({ id: row.id }))).result?.code, account).toBe("FORBIDDEN");
      expect((await runAction(revokeChannelKeyAction, {}, formData({ id: row.id }))).result?.code, account).toBe("FORBIDDEN");
    }
    expect(await db().paymentChannelKey.count({ where: { code: `VA-N-${tag}` } })).toBe(0);
    expect(await rowOf(shown.code)).toEqual(row);
    expect(await notifyStatus(shown)).toBe(422);
  });
});
