/**
 * The action pipeline (lib/action/client.ts) end to end, through real server actions on the real
 * database — only the request is stubbed (tests/support/actions.ts): who is signed in, the language
 * cookie, Next's cache. The target action (lib/dashboard/actions.ts) stands for every
 * `clientFor(…)` + `formAction(…)` action; the locale action is the public one.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { loadActor } from "@/lib/auth/data";
import { hashPassword } from "@/lib/auth/data";
import { setTargetAction } from "@/lib/dashboard/actions";
import { db } from "@/lib/db";
import { setLocaleAction } from "@/lib/i18n/actions";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { logger } from "@/lib/log";
import { cookie, formData, revalidated, runAction, signInAs, signInAsActor, signOut, useLocale } from "../support/actions";
import { DEMO_ACCOUNTS } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const id = translator("id");
const en = translator("en");

/** A target no other test sets (dashboard-scope uses 2031): KC Bandung Suci in a far year. */
const TARGET = { year: "2033", kanwil: "JAWA_BARAT", kc: "KC-BANDUNG-SUCI", approvedTarget: "1.200", complianceTargetPct: "90" };

afterAll(async () => {
  await db().$disconnect();
});

describe("setTargetAction through the pipeline", () => {
  it("a signed-out caller is sent to /masuk, and nothing is written", async () => {
    signOut();
    const run = await runAction(setTargetAction, {}, formData(TARGET));
    expect(run.redirect).toEqual({ url: "/masuk", type: "replace", status: 307 });
    expect(await db().dashboardTarget.count({ where: { year: 2033 } })).toBe(0);
  });

  it("a role that may not manage targets gets FORBIDDEN with the message in the user's language, before any input is read", async () => {
    await signInAs(DEMO_ACCOUNTS.officerBri);
    const refused = await runAction(setTargetAction, {}, formData(TARGET));
    expect(refused.result).toMatchObject({ code: "FORBIDDEN", message: id("actionErrors.FORBIDDEN"), attempt: 1 });

    useLocale("en");
    const english = await runAction(setTargetAction, { attempt: 1 }, formData(TARGET));
    expect(english.result).toMatchObject({ code: "FORBIDDEN", message: "You may not do this.", attempt: 2 });
    expect(english.result?.errors).toBeUndefined();
    expect(await db().dashboardTarget.count({ where: { year: 2033 } })).toBe(0);
  });

  it("invalid input: field errors on their fields, one message in the user's language, the input kept", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const bad = { ...TARGET, approvedTarget: "12,5", complianceTargetPct: "150" };
    const indonesian = await runAction(setTargetAction, {}, formData(bad));
    expect(indonesian.result).toMatchObject({ code: "VALIDATION", message: "Periksa kembali isian yang ditandai.", values: bad });
    expect(indonesian.result?.errors).toEqual({
      approvedTarget: ["Target peserta harus bilangan bulat 0 atau lebih (tanpa koma)."],
      complianceTargetPct: ["Target kepatuhan paling tinggi 100%."],
    });

    useLocale("en");
    const english = await runAction(setTargetAction, {}, formData(bad));
    expect(english.result).toMatchObject({ code: "VALIDATION", message: en("actionErrors.VALIDATION"), values: bad });
    // The same fields, worded from the same catalogue keys in English.
    expect(english.result?.errors).toEqual({
      approvedTarget: ["The participant target must be a whole number, 0 or more (no decimals)."],
      complianceTargetPct: ["The compliance target is at most 100%."],
    });
    expect(revalidated()).toEqual([]);
    expect(await db().dashboardTarget.count({ where: { year: 2033 } })).toBe(0);
  });

  it("a NUL character in any field is a field error naming that field, before the action runs; the input is kept without it", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const withNul = { ...TARGET, approvedTarget: "1.2\u000000" };
    const run = await runAction(setTargetAction, {}, formData(withNul));
    expect(run.result).toMatchObject({ code: "VALIDATION", message: id("actionErrors.VALIDATION"), values: { ...TARGET, approvedTarget: "1.200" } });
    expect(run.result?.errors).toEqual({ approvedTarget: [id("actionErrors.nulCharacter")] });
    useLocale("en");
    const english = await runAction(setTargetAction, {}, formData(withNul));
    expect(english.result?.errors).toEqual({ approvedTarget: ["This field contains a character that cannot be stored (a NUL character). Remove it, then send again."] });
    expect(await db().dashboardTarget.count({ where: { year: 2033 } })).toBe(0);
  });

  it("a place the mutation refuses is a field error from the mutation (AppError VALIDATION), input kept", async () => {
    await signInAs(DEMO_ACCOUNTS.admin);
    const wrongPlace = { ...TARGET, kc: "KC-SEMARANG" };
    const run = await runAction(setTargetAction, {}, formData(wrongPlace));
    expect(run.result).toMatchObject({ code: "VALIDATION", values: wrongPlace });
    expect(Object.keys(run.result?.errors ?? {})).toEqual(["kc"]);
  });

  it("success writes the target with its audit row, revalidates the pages and redirects to the saved year", async () => {
    const admin = await signInAs(DEMO_ACCOUNTS.admin);
    const run = await runAction(setTargetAction, {}, formData(TARGET));
    expect(run.redirect).toEqual({ url: "/admin/target?tahun=2033&tersimpan=1", type: "replace", status: 307 });
    expect(run.result).toBeUndefined();
    expect(revalidated()).toEqual(["/admin/target", "/dasbor"]);
    const saved = await db().dashboardTarget.findFirstOrThrow({ where: { year: 2033 }, select: { id: true, approvedTarget: true, complianceTargetPct: true, updatedById: true } });
    expect(saved).toMatchObject({ approvedTarget: 1200, complianceTargetPct: 90, updatedById: admin.id });
    expect(await db().auditEvent.count({ where: { entityType: "DashboardTarget", entityId: saved.id, actorId: admin.id } })).toBe(1);
  });

  it("an unexpected error is logged with an id and answered with a plain message carrying that id", async () => {
    // An administrator whose account is deleted while the request runs: the write fails in the
    // database (foreign key), which no code path expects.
    const email = `admin.hilang.${randomUUID().slice(0, 8)}@test.lindungikur.id`;
    const user = await db().user.create({ data: { email, name: "Admin Hilang", role: "ADMIN", passwordHash: await hashPassword("x") }, select: { id: true } });
    const actor = await loadActor(user.id);
    await db().user.delete({ where: { id: user.id } });
    signInAsActor(actor!);
    const logged: unknown[][] = [];
    const spy = vi.spyOn(logger, "error").mockImplementation(((...args: unknown[]) => void logged.push(args)) as never);
    try {
      const run = await runAction(setTargetAction, {}, formData({ ...TARGET, year: "2034" }));
      const errorId = run.result?.errorId;
      expect(errorId).toMatch(/^[0-9A-F]{8}$/);
      expect(run.result).toMatchObject({ code: "UNEXPECTED", message: id("actionErrors.UNEXPECTED", { errorId: errorId! }), values: { ...TARGET, year: "2034" } });
      expect(run.result?.message).not.toMatch(/prisma|foreign|constraint|at .*\.ts/i);
      expect(logged).toHaveLength(1);
      expect(logged[0]![0]).toMatchObject({ errorId, actionName: "target.set", userId: user.id });
    } finally {
      spy.mockRestore();
    }
  });
});

describe("setLocaleAction (public)", () => {
  it("sets the language cookie for a signed-out visitor and revalidates the whole layout", async () => {
    signOut();
    await runAction(setLocaleAction, formData({ locale: "en" }));
    expect(cookie(LOCALE_COOKIE)).toBe("en");
    expect(revalidated()).toEqual(["/ (layout)"]);
  });

  it("an unknown language changes nothing", async () => {
    await signInAs(DEMO_ACCOUNTS.officerBri);
    useLocale("id");
    const run = await runAction(setLocaleAction, formData({ locale: "fr" }));
    expect(run.redirect).toBeUndefined();
    expect(cookie(LOCALE_COOKIE)).toBe("id");
    expect(revalidated()).toEqual([]);
  });

  it("the next action answers in the chosen language", async () => {
    await signInAs(DEMO_ACCOUNTS.officerBri);
    await runAction(setLocaleAction, formData({ locale: "en" }));
    const run = await runAction(setTargetAction, {}, formData(TARGET));
    expect(run.result).toMatchObject({ code: "FORBIDDEN", message: en("actionErrors.FORBIDDEN") });
  });
});
