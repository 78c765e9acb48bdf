/**
 * API keys of the bank systems from /admin/kunci-api (lib/admin/keys), through the action pipeline:
 * the key is in the answer once and never stored; a revoked key is refused by the quote API at its
 * next request; a rotated key keeps working for its overlap beside the new one, then is refused.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { postQuote } from "@/lib/api/quote-endpoint";
import { issueApiKeyAction, revokeApiKeyAction, rotateApiKeyAction, type ShownKey } from "@/lib/admin/keys/actions";
import { rotateKey } from "@/lib/admin/keys/mutations";
import { hashApiKey } from "@/lib/api/keys";
import { db } from "@/lib/db";
import { translator } from "@/lib/i18n/translator";
import { formData, runAction, signInAs } from "../support/actions";
import { DEMO_ACCOUNTS } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const id = translator("id");
const MIKRO = { scheme: "MIKRO", plafon: 50_000_000, declaredIncome: 2_000_000, jht: false, sector: "OTHER" };

afterAll(async () => {
  await db().$disconnect();
});

async function quote(key: string, at: Date = new Date()): Promise<number> {
  const request = new Request("http://127.0.0.1/api/v1/quotes", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify(MIKRO),
  });
  return (await postQuote(request, at)).status;
}

async function issue(name: string): Promise<ShownKey> {
  await signInAs(DEMO_ACCOUNTS.admin);
  const run = await runAction(issueApiKeyAction, {}, formData({ penyalur: "BNI", name }));
  expect(run.result?.ok).toBe(true);
  return run.result!.data as ShownKey;
}

describe("issuing", () => {
  it("answers the key once; only its sha256 is stored, with an audit row by the administrator", async () => {
    const shown = await issue("LOS BNI uji terbit");
    expect(shown.key).toMatch(/^lk_/);
    const row = await db().apiKey.findUniqueOrThrow({ where: { prefix: shown.prefix }, select: { id: true, keyHash: true } });
    expect(row.keyHash).toBe(hashApiKey(shown.key));
    expect(JSON.stringify(await db().apiKey.findUniqueOrThrow({ where: { id: row.id } }))).not.toContain(shown.key);
    expect(await db().auditEvent.count({ where: { entityType: "ApiKey", entityId: row.id, actorRole: "ADMIN" } })).toBe(1);
    expect(await quote(shown.key)).toBe(200);
  });

  it("bad input: field errors in Indonesian, input kept; a branch reviewer is refused", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const bad = await runAction(issueApiKeyAction, {}, formData({ penyalur: "", name: "x" }));
    expect(bad.result?.errors).toMatchObject({ penyalur: [id("adminData.keys.errors.penyalurRequired")], name: [id("adminData.keys.errors.nameRequired")] });
    expect(bad.result?.values).toMatchObject({ name: "x" });
    await signInAs(DEMO_ACCOUNTS.reviewerBandung);
    expect((await runAction(issueApiKeyAction, {}, formData({ penyalur: "BNI", name: "Tidak boleh" }))).result?.code).toBe("FORBIDDEN");
  });
});

describe("revoking", () => {
  it("the quote API refuses a revoked key at its next request", async () => {
    const shown = await issue("LOS BNI uji cabut");
    expect(await quote(shown.key)).toBe(200);
    const row = await db().apiKey.findUniqueOrThrow({ where: { prefix: shown.prefix }, select: { id: true } });
    const run = await runAction(revokeApiKeyAction, {}, formData({ id: row.id }));
    expect(run.redirect?.url).toBe("/admin/kunci-api?dicabut=1");
    expect(await quote(shown.key)).toBe(401);
    const again = await runAction(revokeApiKeyAction, {}, formData({ id: row.id }));
    expect(again.result).toMatchObject({ code: "INVALID_STATE", message: id("actionErrors.apiKeyInactive") });
  });
});

describe("rotating with an overlap", () => {
  it("old and new keys both work during the overlap; after it the old one is refused and the new one works", async () => {
    const old = await issue("LOS BNI uji rotasi");
    const row = await db().apiKey.findUniqueOrThrow({ where: { prefix: old.prefix }, select: { id: true } });
    const run = await runAction(rotateApiKeyAction, {}, formData({ id: row.id, overlapHours: "24" }));
    const fresh = run.result?.data as ShownKey;
    expect(fresh.key).not.toBe(old.key);
    const expiresAt = new Date(fresh.oldExpiresAt!);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(await quote(old.key)).toBe(200);
    expect(await quote(fresh.key)).toBe(200);
    // A rotated key is not rotated twice.
    const twice = await runAction(rotateApiKeyAction, {}, formData({ id: row.id, overlapHours: "24" }));
    expect(twice.result?.code).toBe("INVALID_STATE");

    // The overlap's end, as the clock will reach it (the principal check reads the real clock, so the
    // stored end is moved to the past rather than the clock to the future).
    await db().apiKey.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await quote(old.key)).toBe(401);
    expect(await quote(fresh.key)).toBe(200);
  });

  it("without an overlap the old key is refused at once", async () => {
    const admin = await signInAs(DEMO_ACCOUNTS.admin);
    const old = await issue("LOS BNI uji rotasi langsung");
    const row = await db().apiKey.findUniqueOrThrow({ where: { prefix: old.prefix }, select: { id: true } });
    const fresh = await rotateKey(admin, { id: row.id, overlapHours: 0 });
    expect(await quote(old.key)).toBe(401);
    expect(await quote(fresh.key)).toBe(200);
    expect(await db().auditEvent.count({ where: { entityId: row.id, action: "apikey.rotate" } })).toBe(1);
  });
});
