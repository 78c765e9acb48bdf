import "server-only";
import bcrypt from "bcryptjs";
import { db } from "@/lib/db";
import { scopeOf, type Role, type Scope } from "@/lib/auth/roles";
import { afterFailure, lockedMinutes, type ThrottleRow } from "@/lib/auth/throttle";

/** The authenticated user as every page, action and route handler sees it. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  scope: Scope;
  /** Display name of the office the actor works in, for the header. */
  officeName: string | null;
  /** IANA zone of the actor's office: dates are shown in it. */
  timeZone: string;
  /**
   * The TOTP second factor: "enabled" (asked at every sign-in), "enrol" (an administrator requires
   * it and it is not set up yet: the user may do nothing else until it is), or "off".
   */
  secondFactor: "enabled" | "enrol" | "off";
}

// A real hash, so that an unknown e-mail costs the same time as a wrong password.
const TIMING_DUMMY_HASH = "$2b$12$R3WM3bLN.RbHtihdomVHWuxIMjGZpYyYufGfp71U00EXQlR3DmmGC";

export type LoginResult = { ok: true; userId: string } | { ok: false; lockedMinutes: number | null };

/**
 * Verifies a login. Never says which part was wrong. Repeated failures lock the account for a while
 * (lib/auth/throttle.ts); while locked, even the right password is refused, so guessing gains
 * nothing. The failure count is read and written under a row lock, so parallel guesses are counted.
 */
export async function verifyCredentials(email: string, password: string, now = new Date()): Promise<LoginResult> {
  const key = email.trim().toLowerCase();
  const throttle = await db().loginThrottle.findUnique({ where: { email: key } });
  const locked = lockedMinutes(throttle, now);
  if (locked !== null) return { ok: false, lockedMinutes: locked };

  const user = await db().user.findUnique({
    where: { email: key },
    select: { id: true, passwordHash: true, active: true },
  });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? TIMING_DUMMY_HASH);
  // An invited user has no password yet: the dummy hash must never let anyone in as them.
  if (ok && user?.active && user.passwordHash) {
    if (throttle) await db().loginThrottle.deleteMany({ where: { email: key } });
    return { ok: true, userId: user.id };
  }

  const next = await db().$transaction(async (tx) => {
    await tx.$executeRaw`
      insert into "LoginThrottle" (email, failures, "firstFailureAt") values (${key}, 0, ${now})
      on conflict (email) do nothing`;
    const [row] = await tx.$queryRaw<ThrottleRow[]>`
      select failures, "firstFailureAt", "lockedUntil" from "LoginThrottle" where email = ${key} for update`;
    const updated = afterFailure(row && row.failures > 0 ? row : null, now);
    await tx.loginThrottle.update({ where: { email: key }, data: updated });
    return updated;
  });
  return { ok: false, lockedMinutes: lockedMinutes(next, now) };
}

/** The user's session version now: copied into a new session token at sign-in (lib/auth/config.ts). */
export async function sessionVersionOf(userId: string): Promise<number | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/**
 * Loads the user behind a session from the database; null when gone, inactive or without scope,
 * and — when the session's version is given — when the user's sessions were ended since it was
 * issued (deactivation, a role or scope change, a password change, sign-out; docs/decisions/0013).
 */
export async function loadActor(userId: string, session?: { sessionVersion: unknown }): Promise<Actor | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      sessionVersion: true,
      totpEnabledAt: true,
      totpRequired: true,
      kanwilId: true,
      kanwil: { select: { name: true } },
      penyalurOffice: { select: { id: true, penyalurId: true, name: true, timeZone: true, penyalur: { select: { name: true } } } },
      kantorCabang: { select: { id: true, kanwilId: true, name: true, timeZone: true } },
    },
  });
  if (!user || !user.active) return null;
  if (session && session.sessionVersion !== user.sessionVersion) return null;
  const scope = scopeOf(user);
  if (!scope) return null;
  const officeName = user.penyalurOffice
    ? `${user.penyalurOffice.penyalur.name} — ${user.penyalurOffice.name}`
    : (user.kantorCabang?.name ?? user.kanwil?.name ?? null);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    scope,
    officeName,
    timeZone: user.penyalurOffice?.timeZone ?? user.kantorCabang?.timeZone ?? "Asia/Jakarta",
    secondFactor: user.totpEnabledAt ? "enabled" : user.totpRequired ? "enrol" : "off",
  };
}

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 12);
}
