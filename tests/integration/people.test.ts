/**
 * People and access (issue #12, docs/decisions/0013-people-and-sessions.md), through the real
 * actions, mutations and database — only the request is stubbed (tests/support/actions.ts):
 * invitations (single use, expiry), the password policy, sessions that end on deactivation, on an
 * access change and on sign-out, and the TOTP second factor an administrator requires.
 */
import { randomUUID } from "node:crypto";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  changeAccessAction,
  changePasswordAction,
  deactivateAction,
  enableSecondFactorAction,
  inviteAction,
  passwordLinkAction,
  reactivateAction,
  setPasswordAction,
} from "@/lib/admin/people/actions";
import { setPasswordWithLink } from "@/lib/admin/people/mutations";
import { loadActor, sessionVersionOf, verifyCredentials, type Actor } from "@/lib/auth/data";
import { beginSecondFactor, completeSecondFactor, signOutEverywhere, SECOND_FACTOR_MAX_ATTEMPTS } from "@/lib/auth/mutations";
import { can } from "@/lib/auth/permissions";
import { enrolmentWhere } from "@/lib/auth/scope";
import { db } from "@/lib/db";
import { translator } from "@/lib/i18n/translator";
import { formData, runAction, signInAs, signInAsActor, useLocale } from "../support/actions";
import { DEMO_ACCOUNTS, demoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const id = translator("id");
const en = translator("en");
const GOOD_PASSWORD = "Kopi tubruk di Braga jam tujuh";
let officerBri: Actor;
let briOffice: string;
let bniOffice: string;

beforeAll(async () => {
  ({ officerBri } = await demoActors());
  const offices = await db().penyalurOffice.findMany({ select: { id: true, penyalur: { select: { code: true } } } });
  // The demo BRI officer's own office, so their enrolments are the invited officer's office's too.
  briOffice = officerBri.scope.kind === "PENYALUR_OFFICE" ? officerBri.scope.penyalurOfficeId : "";
  bniOffice = offices.find((o) => o.penyalur.code === "BNI")!.id;
});

afterAll(async () => {
  await db().$disconnect();
});

const freshEmail = (who: string) => `${who}.${randomUUID().slice(0, 8)}@test.lindungikur.id`;

/** The administrator invites someone; returns the new user's id and the link's token. */
async function invite(fields: Record<string, string>): Promise<{ userId: string; token: string }> {
  await signInAs(DEMO_ACCOUNTS.admin);
  const run = await runAction(inviteAction, {}, formData(fields));
  expect(run.result, JSON.stringify(run.result)).toMatchObject({ ok: true });
  const data = run.result!.data!;
  return { userId: data.userId, token: data.token };
}

const inviteOfficer = (email = freshEmail("petugas")) => invite({ email, name: "Dewi Lestari", role: "BANK_OFFICER", place: `office:${briOffice}` });

/** An invited officer who has set their password: their id, e-mail and current session version. */
async function activeOfficer(): Promise<{ userId: string; email: string; sv: number }> {
  const email = freshEmail("aktif");
  const { userId, token } = await inviteOfficer(email);
  const run = await runAction(setPasswordAction, {}, formData({ token, password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD }));
  expect(run.redirect?.url).toBe("/masuk?sandi=siap");
  return { userId, email, sv: (await sessionVersionOf(userId))! };
}

describe("invitations: a one-time link with an expiry, stored hashed", () => {
  it("the administrator invites an officer for an office: no password yet, a 72-hour link whose token is not stored, an audit row", async () => {
    const email = freshEmail("undangan");
    const { userId, token } = await inviteOfficer(email);
    const user = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, role: true, penyalurOfficeId: true, email: true } });
    expect(user).toEqual({ passwordHash: null, role: "BANK_OFFICER", penyalurOfficeId: briOffice, email });
    const links = await db().userToken.findMany({ where: { userId }, select: { tokenHash: true, expiresAt: true, kind: true } });
    expect(links).toHaveLength(1);
    expect(links[0]!.kind).toBe("INVITATION");
    expect(links[0]!.tokenHash).not.toContain(token);
    expect(links[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(links[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(71.9 * 3_600_000);
    expect(await db().auditEvent.count({ where: { entityId: userId, action: "user.invite" } })).toBe(1);
    // An uninvited user cannot sign in: there is no password to match.
    expect((await verifyCredentials(email, "", "192.0.2.10")).ok).toBe(false);
  });

  it("a link sets the password once: the second use is refused and changes nothing", async () => {
    const email = freshEmail("sekali");
    const { token, userId } = await inviteOfficer(email);
    const first = await runAction(setPasswordAction, {}, formData({ token, password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD }));
    expect(first.redirect?.url).toBe("/masuk?sandi=siap");
    expect((await verifyCredentials(email, GOOD_PASSWORD, "192.0.2.10")).ok).toBe(true);
    const hash = (await db().user.findUniqueOrThrow({ where: { id: userId } })).passwordHash;

    const again = await runAction(setPasswordAction, {}, formData({ token, password: "Teh manis di Dago jam delapan", passwordConfirm: "Teh manis di Dago jam delapan" }));
    expect(again.result).toMatchObject({ code: "INVALID_STATE", message: id("actionErrors.linkUsed") });
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).passwordHash).toBe(hash);
    expect(await db().auditEvent.count({ where: { entityId: userId, action: "user.acceptInvitation" } })).toBe(1);
  });

  it("a link past its expiry is refused (in the user's language), and a new link closes the old one", async () => {
    const { token, userId } = await inviteOfficer();
    const in73Hours = new Date(Date.now() + 73 * 3_600_000);
    await expect(setPasswordWithLink({ token, password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD }, "id", in73Hours)).rejects.toMatchObject({ code: "INVALID_STATE", options: { message: "linkExpired" } });

    await db().userToken.updateMany({ where: { userId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    useLocale("en");
    const expired = await runAction(setPasswordAction, {}, formData({ token, password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD }));
    expect(expired.result).toMatchObject({ code: "INVALID_STATE", message: en("actionErrors.linkExpired") });

    // The administrator sends a fresh invitation: the new link works, nothing else does.
    await signInAs(DEMO_ACCOUNTS.admin);
    const fresh = await runAction(passwordLinkAction, {}, formData({ userId }));
    expect(fresh.result?.data?.kind).toBe("INVITATION");
    const used = await runAction(setPasswordAction, {}, formData({ token: fresh.result!.data!.token, password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD }));
    expect(used.redirect?.url).toBe("/masuk?sandi=siap");
    const unknown = await runAction(setPasswordAction, {}, formData({ token: "x".repeat(43), password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD }));
    expect(unknown.result).toMatchObject({ code: "NOT_FOUND" });
  });

  it("only administrators invite; the role's place is required, must be of the role's kind and exist; a taken e-mail is a field error; input kept", async () => {
    await signInAs(DEMO_ACCOUNTS.officerBri);
    expect((await runAction(inviteAction, {}, formData({ email: freshEmail("x"), name: "X", role: "BANK_OFFICER", place: `office:${briOffice}` }))).result).toMatchObject({ code: "FORBIDDEN" });

    await signInAs(DEMO_ACCOUNTS.admin);
    const kcInsteadOfOffice = await db().kantorCabang.findFirstOrThrow({ select: { id: true } });
    const fields = { email: "  Budi@Test.LindungiKUR.id ", name: "Budi", role: "BANK_OFFICER", place: `kc:${kcInsteadOfOffice.id}` };
    const wrongKind = await runAction(inviteAction, {}, formData(fields));
    expect(wrongKind.result).toMatchObject({ code: "VALIDATION", values: fields, errors: { place: [id("people.errors.placeRequired_office")] } });

    const gone = await runAction(inviteAction, {}, formData({ ...fields, place: `office:${randomUUID()}` }));
    expect(gone.result?.errors).toEqual({ place: [id("people.errors.placeUnknown")] });

    const national = await runAction(inviteAction, {}, formData({ ...fields, role: "HEAD_OFFICE", place: `office:${briOffice}` }));
    expect(national.result?.errors).toEqual({ place: [id("people.errors.placeNone")] });

    const taken = await runAction(inviteAction, {}, formData({ ...fields, email: DEMO_ACCOUNTS.officerBni.toUpperCase(), place: `office:${briOffice}` }));
    expect(taken.result?.errors).toEqual({ email: [id("people.errors.emailTaken")] });

    const blank = await runAction(inviteAction, {}, formData({ email: "bukan-email", name: " ", role: "", place: "" }));
    expect(Object.keys(blank.result?.errors ?? {}).sort()).toEqual(["email", "name", "role"]);
    expect(await db().user.count({ where: { email: "budi@test.lindungikur.id" } })).toBe(0);
  });
});

describe("password policy: at least 12 characters, not a common password, not one's name or e-mail", () => {
  it.each([
    ["short", "Pendek-1", "errors.passwordTooShort"],
    ["common (zxcvbn-ts list)", "password1234", "policy.common"],
    ["common with a year", "iloveyou2026", "policy.common"],
    ["the portal's own name", "LindungiKUR-2026", "policy.common"],
    ["the person's name", "DewiLestari99", "policy.personal"],
    ["repetitive", "aaaaaaaaaaaaaa", "policy.repetitive"],
  ])("%s is refused on the password field, in Indonesian, with nothing saved", async (_label, password, problem) => {
    const { token, userId } = await inviteOfficer();
    const run = await runAction(setPasswordAction, {}, formData({ token, password, passwordConfirm: password }));
    expect(run.result).toMatchObject({ code: "VALIDATION", errors: { password: [(id as (k: string, p: object) => string)(`people.${problem}`, { min: 12, max: 128 })] } });
    // The password itself is never echoed back to the browser.
    expect(JSON.stringify(run.result?.values)).not.toContain(password);
    expect((await db().user.findUniqueOrThrow({ where: { id: userId } })).passwordHash).toBeNull();
  });

  it("two different entries are a field error on the confirmation", async () => {
    const { token } = await inviteOfficer();
    const run = await runAction(setPasswordAction, {}, formData({ token, password: GOOD_PASSWORD, passwordConfirm: `${GOOD_PASSWORD}!` }));
    expect(run.result?.errors).toEqual({ passwordConfirm: [id("people.errors.confirmMismatch")] });
  });

  it("changing one's own password needs the current one, applies the policy, and ends every session of the user", async () => {
    const { userId, email, sv } = await activeOfficer();
    signInAsActor((await loadActor(userId))!);
    const wrong = await runAction(changePasswordAction, {}, formData({ currentPassword: "salah", password: "Nasi goreng kambing Kebon Sirih", passwordConfirm: "Nasi goreng kambing Kebon Sirih" }));
    expect(wrong.result?.errors).toEqual({ currentPassword: [id("people.errors.currentWrong")] });
    const weak = await runAction(changePasswordAction, {}, formData({ currentPassword: GOOD_PASSWORD, password: "qwertyuiop123", passwordConfirm: "qwertyuiop123" }));
    expect(weak.result?.errors).toEqual({ password: [id("people.policy.common")] });
    const same = await runAction(changePasswordAction, {}, formData({ currentPassword: GOOD_PASSWORD, password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD }));
    expect(same.result?.errors).toEqual({ password: [id("people.policy.same")] });
    expect(await loadActor(userId, { sessionVersion: sv })).not.toBeNull();

    const ok = await runAction(changePasswordAction, {}, formData({ currentPassword: GOOD_PASSWORD, password: "Nasi goreng kambing Kebon Sirih", passwordConfirm: "Nasi goreng kambing Kebon Sirih" }));
    expect(ok.redirect?.url).toBe("/masuk?sandi=diubah");
    expect(await loadActor(userId, { sessionVersion: sv })).toBeNull();
    expect((await verifyCredentials(email, "Nasi goreng kambing Kebon Sirih", "192.0.2.10")).ok).toBe(true);
    expect(await db().auditEvent.count({ where: { entityId: userId, action: "account.changePassword" } })).toBe(1);
  });
});

describe("rate limit on the own-password form (lib/action/limits.ts)", () => {
  it("the eleventh try within 15 minutes is refused before the current password is even compared", async () => {
    const { userId } = await activeOfficer();
    signInAsActor((await loadActor(userId))!);
    const attempt = () => runAction(changePasswordAction, {}, formData({ currentPassword: "tebakan", password: "Nasi goreng kambing Kebon Sirih", passwordConfirm: "Nasi goreng kambing Kebon Sirih" }));
    for (let i = 0; i < 10; i++) expect((await attempt()).result?.code).toBe("VALIDATION");
    expect((await attempt()).result).toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("sessions end when access does (the session token carries a version checked on every request)", () => {
  it("a deactivated user's existing session is refused at its next request, and stays dead after reactivation", async () => {
    const { userId, sv } = await activeOfficer();
    expect(await loadActor(userId, { sessionVersion: sv })).toMatchObject({ id: userId, role: "BANK_OFFICER" });

    await signInAs(DEMO_ACCOUNTS.admin);
    const off = await runAction(deactivateAction, {}, formData({ userId }));
    expect(off.redirect?.url).toBe(`/admin/pengguna/${userId}?tersimpan=nonaktif`);
    expect(await loadActor(userId, { sessionVersion: sv })).toBeNull();

    const on = await runAction(reactivateAction, {}, formData({ userId }));
    expect(on.redirect?.url).toBe(`/admin/pengguna/${userId}?tersimpan=aktif`);
    expect(await loadActor(userId, { sessionVersion: sv }), "the old session stays ended").toBeNull();
    expect(await loadActor(userId, { sessionVersion: (await sessionVersionOf(userId))! })).not.toBeNull();
    const audit = await db().auditEvent.findMany({ where: { entityId: userId, action: { in: ["user.deactivate", "user.reactivate", "session.end"] } }, select: { action: true }, orderBy: { id: "asc" } });
    // (the first session.end is the password being set through the invitation)
    expect(audit.map((a) => a.action)).toEqual(["session.end", "user.deactivate", "session.end", "user.reactivate"]);
  });

  it("a role or scope change narrows access at once: the old session ends, and the new scope no longer reaches the old office's enrolments", async () => {
    const { userId, sv } = await activeOfficer();
    const before = (await loadActor(userId, { sessionVersion: sv }))!;
    const enrolment = await submittedEnrolment(officerBri);
    const place = await db().enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { penyalurOfficeId: true, kantorCabangId: true } });
    expect(can(before, "enrolment:read", place)).toBe(true);
    expect(await db().enrolment.count({ where: { AND: [{ id: enrolment.id }, enrolmentWhere(before, "enrolment:read")!] } })).toBe(1);

    await signInAs(DEMO_ACCOUNTS.admin);
    const run = await runAction(changeAccessAction, {}, formData({ userId, role: "BANK_OFFICER", place: `office:${bniOffice}` }));
    expect(run.redirect?.url).toBe(`/admin/pengguna/${userId}?tersimpan=akses`);
    expect(await loadActor(userId, { sessionVersion: sv })).toBeNull();

    const after = (await loadActor(userId))!;
    expect(after.scope).toMatchObject({ kind: "PENYALUR_OFFICE", penyalurOfficeId: bniOffice });
    expect(can(after, "enrolment:read", place)).toBe(false);
    expect(await db().enrolment.count({ where: { AND: [{ id: enrolment.id }, enrolmentWhere(after, "enrolment:read")!] } })).toBe(0);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: userId, action: "user.changeAccess" }, select: { before: true, after: true } });
    expect(audit).toMatchObject({ before: { penyalurOfficeId: briOffice }, after: { penyalurOfficeId: bniOffice } });
  });

  it("sign-out ends the user's sessions everywhere", async () => {
    const { userId, sv } = await activeOfficer();
    await signOutEverywhere(userId);
    expect(await loadActor(userId, { sessionVersion: sv })).toBeNull();
  });

  it("a token without a version (issued before sessions were versioned) opens nothing", async () => {
    const { userId } = await activeOfficer();
    expect(await loadActor(userId, { sessionVersion: undefined })).toBeNull();
  });

  it("an administrator cannot deactivate or re-scope themselves", async () => {
    const admin = await signInAs(DEMO_ACCOUNTS.admin);
    expect((await runAction(deactivateAction, {}, formData({ userId: admin.id }))).result).toMatchObject({ code: "INVALID_STATE", message: id("actionErrors.personSelf") });
    expect((await runAction(changeAccessAction, {}, formData({ userId: admin.id, role: "HEAD_OFFICE", place: "" }))).result).toMatchObject({ code: "INVALID_STATE" });
    expect((await loadActor(admin.id))!.role).toBe("ADMIN");
  });
});

describe("TOTP second factor, required by the administrator (ADMIN and HEAD_OFFICE)", () => {
  const at = (ms: number) => new Date(ms);
  const codeAt = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });

  it("required: until it is set up the user may do nothing else; the sign-in then asks for a code, once per code, a few tries per ticket", async () => {
    const email = freshEmail("pusat");
    const { userId, token } = await invite({ email, name: "Rina Pusat", role: "HEAD_OFFICE", place: "", totpRequired: "on" });
    await runAction(setPasswordAction, {}, formData({ token, password: GOOD_PASSWORD, passwordConfirm: GOOD_PASSWORD }));

    const actor = (await loadActor(userId))!;
    expect(actor.secondFactor).toBe("enrol");
    signInAsActor(actor);
    const blocked = await runAction(changePasswordAction, {}, formData({ currentPassword: GOOD_PASSWORD, password: "Nasi goreng kambing Kebon Sirih", passwordConfirm: "Nasi goreng kambing Kebon Sirih" }));
    expect(blocked.result).toMatchObject({ code: "FORBIDDEN", message: id("actionErrors.secondFactorRequired") });

    // Enrolment: a wrong code is a field error, the right one turns it on.
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const wrong = await runAction(enableSecondFactorAction, {}, formData({ secret, code: "000000" }));
    expect(wrong.result).toMatchObject({ code: "VALIDATION", errors: { code: [id("people.errors.codeWrong")] }, values: { secret, code: "000000" } });
    const enrolled = await runAction(enableSecondFactorAction, {}, formData({ secret, code: await codeAt(secret, new Date()) }));
    expect(enrolled.redirect?.url).toBe("/akun?tersimpan=dualangkah");
    expect((await loadActor(userId))!.secondFactor).toBe("enabled");
    const stored = await db().user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } });
    expect(stored.totpSecret).toBe(secret);
    expect(JSON.stringify(await db().auditEvent.findMany({ where: { entityId: userId }, select: { action: true, before: true, after: true } }))).not.toContain(secret);

    // Sign-in: the right password alone no longer signs in; it earns a ticket for the code step.
    expect((await verifyCredentials(email, GOOD_PASSWORD, "192.0.2.10")).ok).toBe(true);
    const ticket = (await beginSecondFactor(userId))!;
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const later = at(Date.now() + 60_000);
    expect(await completeSecondFactor(ticket, "123456", later)).toEqual({ ok: false, problem: "wrongCode" });
    const code = await codeAt(secret, later);
    expect(await completeSecondFactor(ticket, code, later)).toEqual({ ok: true, userId });
    expect(await completeSecondFactor(ticket, code, later), "a ticket signs in once").toEqual({ ok: false, problem: "expired" });

    // The same code again, with a fresh ticket: refused (a code is accepted once).
    const replay = (await beginSecondFactor(userId))!;
    expect(await completeSecondFactor(replay, code, later)).toEqual({ ok: false, problem: "wrongCode" });

    // Wrong codes wear a ticket out.
    const guessed = (await beginSecondFactor(userId))!;
    for (let i = 1; i < SECOND_FACTOR_MAX_ATTEMPTS; i++) expect(await completeSecondFactor(guessed, "000000", later)).toEqual({ ok: false, problem: "wrongCode" });
    expect(await completeSecondFactor(guessed, "000000", later)).toEqual({ ok: false, problem: "expired" });
    expect(await completeSecondFactor(guessed, await codeAt(secret, at(later.getTime() + 30_000)), at(later.getTime() + 30_000))).toEqual({ ok: false, problem: "expired" });
  });

  it("a user without a second factor signs in with the password alone; a bank officer cannot set one up", async () => {
    const { userId } = await activeOfficer();
    expect(await beginSecondFactor(userId)).toBeNull();
    signInAsActor((await loadActor(userId))!);
    const run = await runAction(enableSecondFactorAction, {}, formData({ secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", code: "123456" }));
    expect(run.result).toMatchObject({ code: "FORBIDDEN" });
  });
});
