import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spend } from "@/lib/action/limits";
import { hashPassword, verifyCredentials } from "@/lib/auth/data";
import { ADDRESS_FAILURES, FREE_FAILURES } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";

const PASSWORD = "Benar-Sekali-2026";
let email: string;
/** Each test signs in from its own address, so that the per-address budget of one does not touch another. */
const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 4)}`;

beforeAll(async () => {
  email = `uji.kunci.${randomUUID().slice(0, 8)}@demo.lindungikur.id`;
  await db().user.create({
    data: { email, name: "Uji Kunci", role: "HEAD_OFFICE", passwordHash: await hashPassword(PASSWORD) },
  });
});

afterAll(async () => {
  await db().user.deleteMany({ where: { email } });
  await db().$disconnect();
});

/** Ends the running delay of `account` as if its time had passed (the counters' own expiry column). */
async function letDelayPass(account: string): Promise<void> {
  await db().rateLimit.updateMany({ where: { key: `signin-gate:${account}` }, data: { expire: new Date(Date.now() - 1000) } });
}

const counters = (account: string) => db().rateLimit.count({ where: { key: { in: [`signin-account:${account}`, `signin-gate:${account}`] } } });

describe("sign-in throttling on the real database (lib/auth/throttle.ts)", () => {
  it(`${FREE_FAILURES} wrong passwords cost nothing, and the right one then signs in and clears the count`, async () => {
    const from = address();
    for (let i = 0; i < FREE_FAILURES; i++) expect(await verifyCredentials(email, "salah", from)).toEqual({ ok: false, refused: null });
    expect(await verifyCredentials(email, PASSWORD, from)).toMatchObject({ ok: true });
    expect(await counters(email)).toBe(0);
  });

  it("after the 4th failure the next attempt waits 15 s, even with the right password; after the wait the right password signs in", async () => {
    const from = address();
    for (let i = 0; i < FREE_FAILURES + 1; i++) expect((await verifyCredentials(email, `salah-${i}`, from)).ok).toBe(false);
    const held = await verifyCredentials(email, PASSWORD, from);
    expect(held).toMatchObject({ ok: false, refused: "account" });
    expect(held.ok === false && held.refused && held.waitSeconds).toBeLessThanOrEqual(15);
    await letDelayPass(email);
    expect(await verifyCredentials(email, PASSWORD, from)).toMatchObject({ ok: true });
  });

  it("the wait doubles with each further failure (15 s, then 30 s)", async () => {
    const from = address();
    for (let i = 0; i < FREE_FAILURES + 1; i++) await verifyCredentials(email, "salah", from);
    await letDelayPass(email);
    expect(await verifyCredentials(email, "salah-lagi", from)).toEqual({ ok: false, refused: null });
    const held = await verifyCredentials(email, PASSWORD, from);
    expect(held.ok === false && held.refused === "account" && held.waitSeconds).toBeGreaterThan(15);
    await letDelayPass(email);
    expect((await verifyCredentials(email, PASSWORD, from)).ok).toBe(true);
  });

  it("parallel guesses are all counted: of 10 at once only the free ones and one more are checked", async () => {
    const from = address();
    const results = await Promise.all(Array.from({ length: 10 }, () => verifyCredentials(email.toUpperCase(), "tebakan", from)));
    expect(results.filter((r) => !r.ok && r.refused === null)).toHaveLength(FREE_FAILURES + 1);
    expect(results.filter((r) => !r.ok && r.refused === "account")).toHaveLength(10 - FREE_FAILURES - 1);
    await letDelayPass(email);
    expect((await verifyCredentials(email, PASSWORD, from)).ok).toBe(true);
  });

  it("an unknown address is delayed the same way, so a delay says nothing about whether the account exists", async () => {
    const unknown = `uji.kunci.tidak-ada.${randomUUID().slice(0, 8)}@demo.lindungikur.id`;
    const from = address();
    for (let i = 0; i < FREE_FAILURES + 1; i++) expect(await verifyCredentials(unknown, "x", from)).toEqual({ ok: false, refused: null });
    expect(await verifyCredentials(unknown, "x", from)).toMatchObject({ ok: false, refused: "account" });
  });

  it(`one client spraying 30 accounts is refused after ${ADDRESS_FAILURES} failures; another client is not affected`, async () => {
    const from = address();
    const accounts = Array.from({ length: 30 }, (_, i) => `semprot.${i}.${randomUUID().slice(0, 6)}@demo.lindungikur.id`);
    const results = await Promise.all(accounts.map((a) => verifyCredentials(a, "Password123", from)));
    expect(results.filter((r) => !r.ok && r.refused === null)).toHaveLength(ADDRESS_FAILURES);
    const refused = results.filter((r) => !r.ok && r.refused === "address");
    expect(refused).toHaveLength(30 - ADDRESS_FAILURES);
    expect(refused.every((r) => !r.ok && r.refused && r.waitSeconds > 0 && r.waitSeconds <= 15 * 60)).toBe(true);
    // The right password of a real account from that client is refused too, unchecked, while the window lasts …
    expect(await verifyCredentials(email, PASSWORD, from)).toMatchObject({ ok: false, refused: "address" });
    // … and works from anywhere else.
    expect((await verifyCredentials(email, PASSWORD, address())).ok).toBe(true);
  }, 180_000);

  it("a successful sign-in gives its address point back: a branch's officers signing in all day never hit the address limit", async () => {
    const from = address();
    // The branch's address has already used all but one of its failures …
    for (let i = 0; i < ADDRESS_FAILURES - 1; i++) await spend({ name: "signin-address", points: ADDRESS_FAILURES, seconds: 15 * 60 }, from);
    // … and its officers keep signing in: each success gives its point back, so the last one is never spent.
    for (let i = 0; i < 3; i++) expect((await verifyCredentials(email, PASSWORD, from)).ok).toBe(true);
    expect(await db().rateLimit.findUnique({ where: { key: `signin-address:${from}` }, select: { points: true } })).toEqual({ points: ADDRESS_FAILURES - 1 });
  }, 60_000);
});

describe("the limiter is shared by every app instance on the database", () => {
  it("a second limiter with its own database connection (another process) sees and spends the same budget", async () => {
    const key = `shared-${randomUUID()}`;
    const other = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 2 }) });
    try {
      const elsewhere = new RateLimiterPrisma({ storeClient: other, tableName: "rateLimit", points: 5, duration: 60, keyPrefix: "test-shared" });
      const budget = { name: "test-shared", points: 5, seconds: 60 };
      for (let i = 0; i < 3; i++) expect((await spend(budget, key)).allowed).toBe(true);
      await elsewhere.consume(key, 2);
      expect(await spend(budget, key)).toMatchObject({ allowed: false, consumed: 6 });
      await expect(elsewhere.consume(key)).rejects.toMatchObject({ consumedPoints: 7 });
    } finally {
      await other.$disconnect();
    }
  });
});
