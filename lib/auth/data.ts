import "server-only";
import bcrypt from "bcryptjs";
import { db } from "@/lib/db";
import { scopeOf, type Role, type Scope } from "@/lib/auth/roles";
import { spend, giveBack, forget, type Budget } from "@/lib/action/limits";
import {
  ADDRESS_FAILURES,
  ADDRESS_WINDOW_SECONDS,
  FAILURE_MEMORY_SECONDS,
  FIRST_DELAY_SECONDS,
  delayAfterFailures,
} from "@/lib/auth/throttle";

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

// A real hash of the same cost as the users' (12), so that an unknown, inactive or hash-less account
// costs the same time as a wrong password.
const TIMING_DUMMY_HASH = "$2b$12$R3WM3bLN.RbHtihdomVHWuxIMjGZpYyYufGfp71U00EXQlR3DmmGC";
const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

// The sign-in budgets (lib/auth/throttle.ts), on the project's one limiter (lib/action/limits.ts).
/** Attempts since the account's last success: the count the growing delay is computed from. */
const ACCOUNT_ATTEMPTS: Budget = { name: "signin-account", points: 1_000_000, seconds: FAILURE_MEMORY_SECONDS };
/** One attempt at a time once delays apply: held for the delay that follows a failure. */
const ACCOUNT_GATE: Budget = { name: "signin-gate", points: 1, seconds: FIRST_DELAY_SECONDS };
const ADDRESS_BUDGET: Budget = { name: "signin-address", points: ADDRESS_FAILURES, seconds: ADDRESS_WINDOW_SECONDS };

export type LoginResult =
  | { ok: true; userId: string }
  | { ok: false; refused: null }
  /** Not checked at all: the account must wait, or the client address has failed too often. */
  | { ok: false; refused: "account" | "address"; waitSeconds: number };

/**
 * Verifies a login. Never says which part was wrong, nor whether the account exists: an unknown
 * address is counted and delayed exactly like a known one, and every checked attempt costs one
 * bcrypt comparison. Points are spent before the password is compared (and given back on success),
 * so parallel guesses are all counted.
 */
export async function verifyCredentials(email: string, password: string, address: string): Promise<LoginResult> {
  const key = email.trim().toLowerCase();
  const byAddress = await spend(ADDRESS_BUDGET, address);
  if (!byAddress.allowed) return { ok: false, refused: "address", waitSeconds: byAddress.waitSeconds };

  const attempt = await spend(ACCOUNT_ATTEMPTS, key);
  const delayIfWrong = delayAfterFailures(attempt.consumed);
  if (delayIfWrong > 0) {
    // Holds the gate for the delay this attempt would earn if it fails; taken while an earlier
    // attempt's delay still runs, it refuses without looking at the password.
    const gate = await spend(ACCOUNT_GATE, key, delayIfWrong);
    if (!gate.allowed) {
      await Promise.all([giveBack(ACCOUNT_ATTEMPTS, key), giveBack(ADDRESS_BUDGET, address)]);
      return { ok: false, refused: "account", waitSeconds: gate.waitSeconds };
    }
  }

  const user = await db().user.findUnique({
    where: { email: key },
    select: { id: true, passwordHash: true, active: true },
  });
  // An invited user has no password yet (passwordHash null): the dummy hash must never let anyone in as them.
  const usable = user?.active && user.passwordHash !== null && BCRYPT_HASH.test(user.passwordHash);
  const ok = await bcrypt.compare(password, usable ? user.passwordHash! : TIMING_DUMMY_HASH);
  if (ok && usable) {
    await Promise.all([forget(ACCOUNT_ATTEMPTS, key), forget(ACCOUNT_GATE, key), giveBack(ADDRESS_BUDGET, address)]);
    return { ok: true, userId: user.id };
  }
  return { ok: false, refused: null };
}

/** Lifts the growing sign-in delay of an account (a password set through a one-time link proves the owner). */
export async function liftSignInDelay(email: string): Promise<void> {
  const key = email.trim().toLowerCase();
  await Promise.all([forget(ACCOUNT_ATTEMPTS, key), forget(ACCOUNT_GATE, key)]);
}

/** The user's session version now: copied into a new session token at sign-in (lib/auth/config.ts). */
export async function sessionVersionOf(userId: string): Promise<number | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ActorRow {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
  sessionVersion: number;
  totpEnabledAt: Date | null;
  totpRequired: boolean;
  kanwilId: string | null;
  kanwilName: string | null;
  officeId: string | null;
  officePenyalurId: string | null;
  officeName: string | null;
  officeTimeZone: string | null;
  penyalurName: string | null;
  kcId: string | null;
  kcKanwilId: string | null;
  kcName: string | null;
  kcTimeZone: string | null;
}

/**
 * Loads the user behind a session from the database; null when gone, inactive or without scope,
 * and — when the session's version is given — when the user's sessions were ended since it was
 * issued (deactivation, a role or scope change, a password change, sign-out; docs/decisions/0013).
 */
export async function loadActor(userId: string, session?: { sessionVersion: unknown }): Promise<Actor | null> {
  if (!UUID.test(userId)) return null;
  // One statement, not Prisma's one query per relation (five): this runs on every request and every
  // action, twice for an action that redirects to a page (issue #17's submit profile).
  const [row] = await db().$queryRaw<ActorRow[]>`
    select u.id, u.name, u.email, u.role::text as role, u.active, u."sessionVersion", u."totpEnabledAt", u."totpRequired", u."kanwilId",
           kw.name as "kanwilName",
           po.id as "officeId", po."penyalurId" as "officePenyalurId", po.name as "officeName", po."timeZone" as "officeTimeZone", py.name as "penyalurName",
           kc.id as "kcId", kc."kanwilId" as "kcKanwilId", kc.name as "kcName", kc."timeZone" as "kcTimeZone"
      from "User" u
      left join "Kanwil" kw on kw.id = u."kanwilId"
      left join "PenyalurOffice" po on po.id = u."penyalurOfficeId"
      left join "Penyalur" py on py.id = po."penyalurId"
      left join "KantorCabang" kc on kc.id = u."kantorCabangId"
     where u.id = ${userId}::uuid`;
  const user = row && {
    ...row,
    role: row.role as Role,
    kanwil: row.kanwilName === null ? null : { name: row.kanwilName },
    penyalurOffice:
      row.officeId === null ? null : { id: row.officeId, penyalurId: row.officePenyalurId!, name: row.officeName!, timeZone: row.officeTimeZone!, penyalur: { name: row.penyalurName! } },
    kantorCabang: row.kcId === null ? null : { id: row.kcId, kanwilId: row.kcKanwilId!, name: row.kcName!, timeZone: row.kcTimeZone! },
  };
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
