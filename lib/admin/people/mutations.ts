import "server-only";
import bcrypt from "bcryptjs";
import { db, Prisma } from "@/lib/db";
import { AppError, fieldError } from "@/lib/action/errors";
import { hashPassword, liftSignInDelay, type Actor } from "@/lib/auth/data";
import { endSessions } from "@/lib/auth/mutations";
import { can } from "@/lib/auth/permissions";
import { hashOneTimeToken, isOneTimeTokenShape, newOneTimeToken } from "@/lib/auth/tokens";
import { acceptedTotpStep } from "@/lib/auth/totp";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { passwordProblem } from "@/lib/admin/people/password";
import {
  INVITATION_HOURS,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  RESET_HOURS,
  SECOND_FACTOR_ROLES,
  type AccessInput,
  type ChangePasswordInput,
  type InviteInput,
  type PlaceRef,
  type SetPasswordInput,
  type TotpConfirmInput,
} from "@/lib/admin/people/schema";

/**
 * The writes of the people administration (docs/decisions/0013-people-and-sessions.md). Each
 * checks its permission, validates against the database (a taken e-mail, an unknown place: field
 * errors in the user's language) and writes its change with an AuditEvent in one transaction. A
 * change that alters what a user may do ends their sessions in the same transaction.
 */

type Tx = Prisma.TransactionClient;

const hoursFrom = (now: Date, hours: number) => new Date(now.getTime() + hours * 3_600_000);

function requireAdmin(actor: Actor): void {
  if (!can(actor, "user:manage")) throw new AppError("FORBIDDEN");
}

/** The user columns that hold a place: exactly one is set, the one the role works in. */
function placeColumns(place: PlaceRef | null) {
  return {
    penyalurOfficeId: place?.kind === "office" ? place.id : null,
    kantorCabangId: place?.kind === "kc" ? place.id : null,
    kanwilId: place?.kind === "kanwil" ? place.id : null,
  };
}

async function placeExists(tx: Tx, place: PlaceRef | null): Promise<boolean> {
  if (!place) return true;
  const where = { where: { id: place.id }, select: { id: true } };
  const found =
    place.kind === "office" ? await tx.penyalurOffice.findUnique(where) : place.kind === "kc" ? await tx.kantorCabang.findUnique(where) : await tx.kanwil.findUnique(where);
  return found !== null;
}

/** Opens a one-time link for the user, closing any earlier open one (only the newest link works). */
async function openLink(tx: Tx, userId: string, kind: "INVITATION" | "PASSWORD_RESET", createdById: string, now: Date) {
  await tx.userToken.updateMany({ where: { userId, kind: { in: ["INVITATION", "PASSWORD_RESET"] }, usedAt: null }, data: { usedAt: now } });
  const { token, hash } = newOneTimeToken();
  const expiresAt = hoursFrom(now, kind === "INVITATION" ? INVITATION_HOURS : RESET_HOURS);
  await tx.userToken.create({ data: { userId, kind, tokenHash: hash, expiresAt, createdById } });
  return { token, expiresAt: expiresAt.toISOString() };
}

export interface IssuedLink {
  userId: string;
  kind: "INVITATION" | "PASSWORD_RESET";
  /** Shown once to the administrator (no mail leaves the machine); only its sha256 is stored. */
  token: string;
  expiresAt: string;
}

/** Creates a user by invitation: no password yet, a one-time link to set one. */
export async function inviteUser(actor: Actor, input: InviteInput, locale: Locale = DEFAULT_LOCALE, now = new Date()): Promise<IssuedLink> {
  requireAdmin(actor);
  const t = translator(locale);
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw fieldError({ email: [t("people.errors.emailTaken")] });
    }
    if (!(await placeExists(tx, input.place))) throw fieldError({ place: [t("people.errors.placeUnknown")] });
    const totpRequired = input.totpRequired && SECOND_FACTOR_ROLES.includes(input.role);
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash: null, totpRequired, ...placeColumns(input.place) },
      select: { id: true },
    });
    const link = await openLink(tx, user.id, "INVITATION", actor.id, now);
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: "user.invite",
        entityType: "User",
        entityId: user.id,
        after: { email: input.email, name: input.name, role: input.role, place: input.place ? `${input.place.kind}:${input.place.id}` : null, totpRequired, linkExpiresAt: link.expiresAt },
      },
    });
    return { userId: user.id, kind: "INVITATION", ...link };
  });
}

async function loadTarget(tx: Tx, actor: Actor, userId: string, options: { notSelf?: boolean } = {}) {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, active: true, passwordHash: true, totpRequired: true, totpEnabledAt: true, penyalurOfficeId: true, kantorCabangId: true, kanwilId: true },
  });
  if (!user) throw new AppError("NOT_FOUND", { message: "personNotFound" });
  if (options.notSelf && user.id === actor.id) throw new AppError("INVALID_STATE", { message: "personSelf" });
  return user;
}

/** Changes a user's role and place. Effective at once: the user's sessions end. */
export async function changeAccess(actor: Actor, input: AccessInput, locale: Locale = DEFAULT_LOCALE): Promise<void> {
  requireAdmin(actor);
  const t = translator(locale);
  await db().$transaction(async (tx) => {
    const before = await loadTarget(tx, actor, input.userId, { notSelf: true });
    if (!(await placeExists(tx, input.place))) throw fieldError({ place: [t("people.errors.placeUnknown")] });
    const columns = placeColumns(input.place);
    const totpRequired = before.totpRequired && SECOND_FACTOR_ROLES.includes(input.role);
    await tx.user.update({ where: { id: before.id }, data: { role: input.role, totpRequired, ...columns } });
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: "user.changeAccess",
        entityType: "User",
        entityId: before.id,
        before: { role: before.role, penyalurOfficeId: before.penyalurOfficeId, kantorCabangId: before.kantorCabangId, kanwilId: before.kanwilId },
        after: { role: input.role, ...columns },
      },
    });
    await endSessions(tx, before.id, "accessChanged", actor.id);
  });
}

/** Switches a user off (or on again). Switching off ends their sessions at once. */
export async function setActive(actor: Actor, userId: string, active: boolean): Promise<void> {
  requireAdmin(actor);
  await db().$transaction(async (tx) => {
    const before = await loadTarget(tx, actor, userId, { notSelf: true });
    if (before.active === active) throw new AppError("INVALID_STATE");
    await tx.user.update({ where: { id: userId }, data: { active } });
    await tx.auditEvent.create({
      data: { actorId: actor.id, action: active ? "user.reactivate" : "user.deactivate", entityType: "User", entityId: userId, before: { active: before.active }, after: { active } },
    });
    if (!active) await endSessions(tx, userId, "deactivated", actor.id);
  });
}

/**
 * A new one-time link for the user: a fresh invitation while they have not set a password yet,
 * else a password reset. Earlier open links stop working.
 */
export async function issuePasswordLink(actor: Actor, userId: string, now = new Date()): Promise<IssuedLink> {
  requireAdmin(actor);
  return db().$transaction(async (tx) => {
    const user = await loadTarget(tx, actor, userId);
    if (!user.active) throw new AppError("INVALID_STATE", { message: "personInactive" });
    const kind = user.passwordHash === null ? "INVITATION" : "PASSWORD_RESET";
    const link = await openLink(tx, userId, kind, actor.id, now);
    await tx.auditEvent.create({
      data: { actorId: actor.id, action: kind === "INVITATION" ? "user.reinvite" : "user.resetLink", entityType: "User", entityId: userId, after: { linkExpiresAt: link.expiresAt } },
    });
    return { userId, kind, ...link };
  });
}

/** Whether an administrator requires a second factor of this user (ADMIN and HEAD_OFFICE only). */
export async function setSecondFactorRequired(actor: Actor, userId: string, required: boolean): Promise<void> {
  requireAdmin(actor);
  await db().$transaction(async (tx) => {
    const user = await loadTarget(tx, actor, userId);
    if (!SECOND_FACTOR_ROLES.includes(user.role)) throw new AppError("INVALID_STATE", { message: "secondFactorRoleOnly" });
    await tx.user.update({ where: { id: userId }, data: { totpRequired: required } });
    await tx.auditEvent.create({
      data: { actorId: actor.id, action: "user.requireSecondFactor", entityType: "User", entityId: userId, before: { totpRequired: user.totpRequired }, after: { totpRequired: required } },
    });
  });
}

/** Removes a user's second factor (a lost phone): they set it up again; their sessions end. */
export async function resetSecondFactor(actor: Actor, userId: string): Promise<void> {
  requireAdmin(actor);
  await db().$transaction(async (tx) => {
    const user = await loadTarget(tx, actor, userId);
    if (!user.totpEnabledAt) throw new AppError("INVALID_STATE");
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.auditEvent.create({ data: { actorId: actor.id, action: "user.resetSecondFactor", entityType: "User", entityId: userId } });
    await endSessions(tx, userId, "secondFactorReset", actor.id);
  });
}

function policyError(locale: Locale, password: string, person: { email: string; name: string }) {
  const problem = passwordProblem(password, person);
  if (!problem) return null;
  const t = translator(locale);
  return fieldError({ password: [t(`people.policy.${problem}`, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })] });
}

/**
 * Uses an invitation or reset link: sets the password (policy-checked), uses the link up, ends
 * any sessions and lifts a sign-in lock. The policy check and the hashing (both CPU-heavy) run
 * before the transaction, so it holds the link's row lock for milliseconds; inside it the link row
 * is locked and checked again, so two tabs cannot both use it.
 */
export async function setPasswordWithLink(input: SetPasswordInput, locale: Locale = DEFAULT_LOCALE, now = new Date()): Promise<{ kind: "INVITATION" | "PASSWORD_RESET" }> {
  if (!isOneTimeTokenShape(input.token)) throw new AppError("NOT_FOUND", { message: "linkUnknown" });
  const tokenHash = hashOneTimeToken(input.token);
  const usable = async (client: Pick<Prisma.TransactionClient, "$queryRaw">, lock: boolean) => {
    const [row] = await client.$queryRaw<{ id: string; userId: string; kind: string; expiresAt: Date; usedAt: Date | null }[]>`
      select id, "userId", kind::text as kind, "expiresAt", "usedAt" from "UserToken" where "tokenHash" = ${tokenHash} ${lock ? Prisma.sql`for update` : Prisma.empty}`;
    if (!row || (row.kind !== "INVITATION" && row.kind !== "PASSWORD_RESET")) throw new AppError("NOT_FOUND", { message: "linkUnknown" });
    if (row.usedAt) throw new AppError("INVALID_STATE", { message: "linkUsed" });
    if (row.expiresAt <= now) throw new AppError("INVALID_STATE", { message: "linkExpired" });
    return { userId: row.userId, kind: row.kind as "INVITATION" | "PASSWORD_RESET" };
  };
  const link = await usable(db(), false);
  const user = await db().user.findUniqueOrThrow({ where: { id: link.userId }, select: { id: true, email: true, name: true, active: true } });
  if (!user.active) throw new AppError("NOT_FOUND", { message: "linkUnknown" });
  const refused = policyError(locale, input.password, user);
  if (refused) throw refused;
  const passwordHash = await hashPassword(input.password);
  const done = await db().$transaction(async (tx) => {
    // Checked again under the lock: another tab may have used the link meanwhile.
    const { kind } = await usable(tx, true);
    const current = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { active: true } });
    if (!current.active) throw new AppError("NOT_FOUND", { message: "linkUnknown" });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.userToken.updateMany({ where: { userId: user.id, kind: { in: ["INVITATION", "PASSWORD_RESET"] }, usedAt: null }, data: { usedAt: now } });
    await tx.auditEvent.create({
      data: { actorId: user.id, action: kind === "INVITATION" ? "user.acceptInvitation" : "user.resetPassword", entityType: "User", entityId: user.id, after: { via: kind } },
    });
    await endSessions(tx, user.id, "passwordReset", user.id);
    return { kind, email: user.email };
  });
  // The link proved the owner: a sign-in delay earned by guesses no longer applies (after the commit:
  // the limiter's rows are not part of this transaction).
  await liftSignInDelay(done.email);
  return { kind: done.kind };
}

/** The signed-in user changes their own password; every session of theirs ends (this one too). */
export async function changeOwnPassword(actor: Actor, input: ChangePasswordInput, locale: Locale = DEFAULT_LOCALE): Promise<void> {
  if (!can(actor, "account:manage")) throw new AppError("FORBIDDEN");
  const t = translator(locale);
  const user = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true, email: true, name: true } });
  if (!user.passwordHash || !(await bcrypt.compare(input.currentPassword, user.passwordHash))) throw fieldError({ currentPassword: [t("people.errors.currentWrong")] });
  const refused = policyError(locale, input.password, user);
  if (refused) throw refused;
  if (await bcrypt.compare(input.password, user.passwordHash)) throw fieldError({ password: [t("people.policy.same")] });
  const passwordHash = await hashPassword(input.password);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    await tx.auditEvent.create({ data: { actorId: actor.id, action: "account.changePassword", entityType: "User", entityId: actor.id } });
    await endSessions(tx, actor.id, "passwordChanged", actor.id);
  });
}

/** Confirms a TOTP enrolment with a code from the app; from then on the sign-in asks for a code. */
export async function enableSecondFactor(actor: Actor, input: TotpConfirmInput, locale: Locale = DEFAULT_LOCALE, now = new Date()): Promise<void> {
  if (!can(actor, "account:secondFactor")) throw new AppError("FORBIDDEN");
  const step = await acceptedTotpStep(input.secret, input.code, null, now);
  if (step === null) throw fieldError({ code: [translator(locale)("people.errors.codeWrong")] });
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true } });
    if (user.totpEnabledAt) throw new AppError("INVALID_STATE");
    await tx.user.update({ where: { id: actor.id }, data: { totpSecret: input.secret, totpEnabledAt: now, totpLastStep: step } });
    await tx.auditEvent.create({ data: { actorId: actor.id, action: "account.enableSecondFactor", entityType: "User", entityId: actor.id } });
  });
}
