import "server-only";
import bcrypt from "bcryptjs";
import { db } from "@/lib/db";
import { scopeOf, type Role, type Scope } from "@/lib/auth/roles";

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
}

// A real hash, so that an unknown e-mail costs the same time as a wrong password.
const TIMING_DUMMY_HASH = "$2b$12$R3WM3bLN.RbHtihdomVHWuxIMjGZpYyYufGfp71U00EXQlR3DmmGC";

/** Verifies a login. Returns the user id, or null for any failure (never says which part was wrong). */
export async function verifyCredentials(email: string, password: string): Promise<string | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, passwordHash: true, active: true },
  });
  const ok = await bcrypt.compare(password, user?.passwordHash ?? TIMING_DUMMY_HASH);
  return ok && user?.active ? user.id : null;
}

/** Loads the user behind a session from the database; null when gone, inactive or without scope. */
export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      active: true,
      kanwilId: true,
      kanwil: { select: { name: true } },
      penyalurOffice: { select: { id: true, penyalurId: true, name: true, timeZone: true, penyalur: { select: { name: true } } } },
      kantorCabang: { select: { id: true, kanwilId: true, name: true, timeZone: true } },
    },
  });
  if (!user || !user.active) return null;
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
  };
}

export async function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 12);
}
