import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { tenantKey } from "@/lib/auth/permissions";

/**
 * The pipeline's rate-limit hook: limits are declared here by action name and applied by
 * lib/action/client.ts to every action of that name, so a feature never writes its own limiter.
 * Counters live in PostgreSQL (rate-limiter-flexible's Prisma store, table "RateLimit"), so several
 * app instances share them.
 */
export interface ActionLimit {
  /** Requests allowed per window. */
  points: number;
  /** Window length in seconds. */
  seconds: number;
  /** Whose budget a request spends: the user's own, or their whole office's / branch's. */
  per: "user" | "office";
}

export const ACTION_LIMITS: Readonly<Record<string, readonly ActionLimit[]>> = {
  // The NIK lookup answers whether a person is a registered participant: cheap to call, costly to
  // leak in bulk. 30 a minute per officer is far above typing speed; 120 per office covers a busy
  // branch with several desks.
  "enrolment.lookupNik": [
    { points: 30, seconds: 60, per: "user" },
    { points: 120, seconds: 60, per: "office" },
  ],
  // The e-form's likely-duplicate warning says whether another NIK shares a phone or a name and birth
  // date (lib/enrolment/data/duplicates.ts): limited like the NIK lookup it resembles.
  "enrolment.likelyDuplicates": [
    { points: 30, seconds: 60, per: "user" },
    { points: 120, seconds: 60, per: "office" },
  ],
  // Changing one's password asks for the current one: a session left open must not become a way to
  // guess it (docs/decisions/0013-people-and-sessions.md). Ten tries in 15 minutes is ample for a typo.
  "account.changePassword": [{ points: 10, seconds: 15 * 60, per: "user" }],
  // Confirming a name is a yes/no oracle on one NIK: a handful per debtor is plenty.
  "enrolment.confirmName": [
    { points: 10, seconds: 60, per: "user" },
    { points: 40, seconds: 60, per: "office" },
  ],
};

/**
 * A named counter on the shared store: `points` per `seconds`, keyed by whatever the caller counts
 * (an action and a user, an account, a client address, an API key). The one limiter of the project:
 * the pipeline's action limits, sign-in (lib/auth/data.ts), the quote API and /verifikasi use it.
 */
export interface Budget {
  /** Prefix of the counter rows, e.g. "signin-address". */
  name: string;
  points: number;
  seconds: number;
}

/**
 * The budgets outside the action pipeline, in one place (docs/decisions/0015-abuse-limits.md lists
 * them with the reasons). The sign-in ones are in lib/auth/data.ts with their policy
 * (lib/auth/throttle.ts).
 */
export const BUDGETS = {
  /** POST /api/v1/quotes per API key: a bank's system quoting at a steady 2 a second. */
  quotePerKey: { name: "api-quote", points: 120, seconds: 60 },
  /** The host-to-host enrolment API per key (create, reads, changes, loan events): a bank's system enrolling in bursts. */
  h2hPerKey: { name: "api-h2h", points: 1200, seconds: 60 },
  /** /verifikasi/<code> per client address: QR scans are one at a time; guessing codes is not. */
  verificationPerAddress: { name: "verify", points: 30, seconds: 60 },
} as const satisfies Record<string, Budget>;

const limiters = new Map<string, RateLimiterPrisma>();

function limiterOf(budget: Budget): RateLimiterPrisma {
  const id = `${budget.name}:${budget.points}/${budget.seconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterPrisma({
      storeClient: db(),
      tableName: "rateLimit",
      points: budget.points,
      duration: budget.seconds,
      keyPrefix: budget.name,
      clearExpiredByTimeout: true,
    });
    limiters.set(id, limiter);
  }
  return limiter;
}

export type Spent = { allowed: true; consumed: number } | { allowed: false; consumed: number; waitSeconds: number };

/**
 * Spends one point of `budget` for `key`, atomically in PostgreSQL (concurrent requests are all
 * counted). `seconds` overrides the window for a key that has none running yet.
 */
export async function spend(budget: Budget, key: string, seconds?: number): Promise<Spent> {
  try {
    const res = await limiterOf(budget).consume(key, 1, seconds === undefined ? {} : { customDuration: seconds });
    return { allowed: true, consumed: res.consumedPoints };
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) {
      return { allowed: false, consumed: refusal.consumedPoints, waitSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    }
    throw refusal;
  }
}

/** Gives back a point spent on a request that turned out not to count (e.g. a successful sign-in). */
export async function giveBack(budget: Budget, key: string): Promise<void> {
  await limiterOf(budget).reward(key, 1);
}

/** Forgets `key`'s counter altogether. */
export async function forget(budget: Budget, key: string): Promise<void> {
  await limiterOf(budget).delete(key);
}

/**
 * Spends one point of every limit of `actionName`. Returns null when allowed, or the seconds to wait
 * when a limit is used up (the request is then refused before any input is read).
 */
export async function spendActionBudget(actionName: string, actor: Actor): Promise<number | null> {
  const limits = ACTION_LIMITS[actionName] ?? [];
  for (const limit of limits) {
    const subject = limit.per === "user" ? `user:${actor.id}` : tenantKey(actor);
    const spent = await spend({ name: "action", points: limit.points, seconds: limit.seconds }, `${actionName}:${subject}`);
    if (!spent.allowed) return spent.waitSeconds;
  }
  return null;
}
