import "server-only";
import { db, Prisma } from "@/lib/db";
import { hashOneTimeToken, isOneTimeTokenShape, newOneTimeToken } from "@/lib/auth/tokens";
import { acceptedTotpStep } from "@/lib/auth/totp";

/**
 * The writes of sign-in and sessions (docs/decisions/0013-people-and-sessions.md): ending a user's
 * sessions, and the second sign-in step. The people administration (lib/admin/people) calls
 * `endSessions` inside its own transactions.
 */

type Tx = Prisma.TransactionClient;

/** Why a user's sessions were ended; the audit row names it. */
export type SessionEndReason = "signOut" | "deactivated" | "accessChanged" | "passwordChanged" | "passwordReset" | "secondFactorReset";

/**
 * Ends every session of the user: the version their session tokens carry no longer matches, so
 * the next request of any of them (a copied cookie included) is treated as signed out. Audited.
 */
export async function endSessions(tx: Tx, userId: string, reason: SessionEndReason, actorId: string | null): Promise<void> {
  const user = await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  await tx.auditEvent.create({
    data: { actorId, action: "session.end", entityType: "User", entityId: userId, after: { reason, sessionVersion: user.sessionVersion } },
  });
}

/** Sign-out (lib/auth/actions.ts): ends the user's sessions on every device, not only this cookie. */
export async function signOutEverywhere(userId: string): Promise<void> {
  await db().$transaction((tx) => endSessions(tx, userId, "signOut", userId));
}

/** How long the second sign-in step waits for the code, and how many wrong codes it takes. */
export const SECOND_FACTOR_TICKET_MINUTES = 5;
export const SECOND_FACTOR_MAX_ATTEMPTS = 5;

/**
 * After a right password: when the user has a second factor, a ticket for the code step (the
 * sign-in is not complete yet); null when the password alone signs in.
 */
export async function beginSecondFactor(userId: string, now = new Date()): Promise<string | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  if (!user?.totpEnabledAt) return null;
  const { token, hash } = newOneTimeToken();
  await db().userToken.create({
    data: { userId, kind: "SECOND_FACTOR", tokenHash: hash, expiresAt: new Date(now.getTime() + SECOND_FACTOR_TICKET_MINUTES * 60_000) },
  });
  return token;
}

export type SecondFactorResult = { ok: true; userId: string } | { ok: false; problem: "wrongCode" | "expired" };

/**
 * The code step: the ticket must be unused, unexpired and not worn out by wrong codes; the code
 * must be right now and newer than the last accepted one (a code signs in once). A right code uses
 * the ticket up; a wrong one counts against it. The ticket row is locked, so parallel guesses count.
 */
export async function completeSecondFactor(ticket: string, code: string, now = new Date()): Promise<SecondFactorResult> {
  if (!isOneTimeTokenShape(ticket)) return { ok: false, problem: "expired" };
  const tokenHash = hashOneTimeToken(ticket);
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; userId: string; expiresAt: Date; usedAt: Date | null; attempts: number }[]>`
      select id, "userId", "expiresAt", "usedAt", attempts from "UserToken"
      where "tokenHash" = ${tokenHash} and kind = 'SECOND_FACTOR' for update`;
    if (!row || row.usedAt || row.expiresAt <= now || row.attempts >= SECOND_FACTOR_MAX_ATTEMPTS) return { ok: false, problem: "expired" } as const;
    const user = await tx.user.findUnique({ where: { id: row.userId }, select: { active: true, totpSecret: true, totpLastStep: true } });
    if (!user?.active || !user.totpSecret) return { ok: false, problem: "expired" } as const;
    const step = await acceptedTotpStep(user.totpSecret, code, user.totpLastStep, now);
    if (step === null) {
      const attempts = row.attempts + 1;
      await tx.userToken.update({ where: { id: row.id }, data: { attempts } });
      return { ok: false, problem: attempts >= SECOND_FACTOR_MAX_ATTEMPTS ? "expired" : "wrongCode" } as const;
    }
    await tx.userToken.update({ where: { id: row.id }, data: { usedAt: now } });
    await tx.user.update({ where: { id: row.userId }, data: { totpLastStep: step } });
    return { ok: true, userId: row.userId } as const;
  });
}
