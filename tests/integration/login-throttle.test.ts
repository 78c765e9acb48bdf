import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyCredentials } from "@/lib/auth/data";
import { MAX_FAILURES } from "@/lib/auth/throttle";
import { db } from "@/lib/db";

const PASSWORD = "Benar-Sekali-2026";
let email: string;

beforeAll(async () => {
  email = `uji.kunci.${randomUUID().slice(0, 8)}@demo.lindungikur.id`;
  await db().user.create({
    data: { email, name: "Uji Kunci", role: "HEAD_OFFICE", passwordHash: await hashPassword(PASSWORD) },
  });
});

afterAll(async () => {
  await db().loginThrottle.deleteMany({ where: { email: { contains: "uji.kunci." } } });
  await db().user.deleteMany({ where: { email } });
  await db().$disconnect();
});

describe("sign-in throttling on the real database", () => {
  it("a right password clears earlier failures", async () => {
    const now = new Date();
    expect((await verifyCredentials(email, "salah", now)).ok).toBe(false);
    expect(await db().loginThrottle.count({ where: { email } })).toBe(1);
    const ok = await verifyCredentials(email, PASSWORD, now);
    expect(ok.ok).toBe(true);
    expect(await db().loginThrottle.count({ where: { email } })).toBe(0);
  });

  it(`parallel guesses are all counted: ${MAX_FAILURES} at once lock the account, and then the right password is refused`, async () => {
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: MAX_FAILURES }, () => verifyCredentials(email.toUpperCase(), "tebakan", now)),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    const row = await db().loginThrottle.findUniqueOrThrow({ where: { email } });
    expect(row.failures).toBe(MAX_FAILURES);
    const locked = await verifyCredentials(email, PASSWORD, new Date(now.getTime() + 1000));
    expect(locked).toEqual({ ok: false, lockedMinutes: 15 });
  });

  it("the lock ends after its time and the right password works again", async () => {
    const later = new Date(Date.now() + 16 * 60 * 1000);
    expect(await verifyCredentials(email, PASSWORD, later)).toMatchObject({ ok: true });
  });

  it("an unknown address is throttled the same way, so a lock says nothing about whether it exists", async () => {
    const unknown = `uji.kunci.tidak-ada.${randomUUID().slice(0, 8)}@demo.lindungikur.id`;
    const now = new Date();
    let last = await verifyCredentials(unknown, "x", now);
    for (let i = 1; i < MAX_FAILURES; i++) last = await verifyCredentials(unknown, "x", now);
    expect(last).toEqual({ ok: false, lockedMinutes: 15 });
  });
});
