import { beforeEach, describe, expect, it } from "vitest";
import { ACTION_LIMITS, spendActionBudget } from "@/lib/action/limits";
import type { Actor } from "@/lib/auth/data";
import { db } from "@/lib/db";

/** Two officers of one penyalur office, as the pipeline's ctx carries them. */
const officer = (id: string, office = "office-test-limits"): Actor => ({
  id,
  name: id,
  email: `${id}@test`,
  role: "BANK_OFFICER",
  scope: { kind: "PENYALUR_OFFICE", penyalurId: "p", penyalurOfficeId: office },
  officeName: null,
  timeZone: "Asia/Jakarta",
  secondFactor: "off",
});

describe("action rate limits (lib/action/limits.ts): declared by action name, counted in PostgreSQL", () => {
  beforeEach(async () => {
    await db().rateLimit.deleteMany({ where: { key: { startsWith: "action:enrolment.lookupNik:" } } });
  });

  it("the NIK lookup allows 30 a minute per officer, and the 31st is refused with the seconds to wait", async () => {
    const [perUser] = ACTION_LIMITS["enrolment.lookupNik"]!;
    expect(perUser).toEqual({ points: 30, seconds: 60, per: "user" });
    const a = officer("limit-user-a");
    for (let i = 0; i < 30; i++) expect(await spendActionBudget("enrolment.lookupNik", a)).toBeNull();
    const wait = await spendActionBudget("enrolment.lookupNik", a);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
  });

  it("concurrent lookups are all counted: 40 at once leave exactly 10 refused", async () => {
    const a = officer("limit-user-b", "office-test-limits-b");
    const answers = await Promise.all(Array.from({ length: 40 }, () => spendActionBudget("enrolment.lookupNik", a)));
    expect(answers.filter((w) => w === null)).toHaveLength(30);
    expect(answers.filter((w) => w !== null)).toHaveLength(10);
  });

  it("the office budget (120 a minute) is shared by the office's officers; another office is not affected", async () => {
    const officers = Array.from({ length: 5 }, (_, i) => officer(`limit-office-${i}`, "office-test-limits-c"));
    let allowed = 0;
    for (const o of officers) for (let i = 0; i < 30; i++) if ((await spendActionBudget("enrolment.lookupNik", o)) === null) allowed++;
    expect(allowed).toBe(120);
    expect(await spendActionBudget("enrolment.lookupNik", officer("limit-elsewhere", "office-test-limits-d"))).toBeNull();
  });

  it("an action without declared limits is never refused", async () => {
    const a = officer("limit-user-e");
    for (let i = 0; i < 50; i++) expect(await spendActionBudget("target.set", a)).toBeNull();
  });
});
