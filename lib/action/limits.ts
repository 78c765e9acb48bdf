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
  // Changing one's password asks for the current one: a session left open must not become a way to
  // guess it (docs/decisions/0013-people-and-sessions.md). Ten tries in 15 minutes is ample for a typo.
  "account.changePassword": [{ points: 10, seconds: 15 * 60, per: "user" }],
};

const limiters = new Map<string, RateLimiterPrisma>();

function limiterFor(limit: ActionLimit): RateLimiterPrisma {
  const id = `${limit.points}/${limit.seconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterPrisma({
      storeClient: db(),
      tableName: "rateLimit",
      points: limit.points,
      duration: limit.seconds,
      keyPrefix: "action",
      clearExpiredByTimeout: true,
    });
    limiters.set(id, limiter);
  }
  return limiter;
}

/**
 * Spends one point of every limit of `actionName`. Returns null when allowed, or the seconds to wait
 * when a limit is used up (the request is then refused before any input is read).
 */
export async function spendActionBudget(actionName: string, actor: Actor): Promise<number | null> {
  const limits = ACTION_LIMITS[actionName] ?? [];
  for (const limit of limits) {
    const subject = limit.per === "user" ? `user:${actor.id}` : tenantKey(actor);
    try {
      await limiterFor(limit).consume(`${actionName}:${subject}`);
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw refusal;
    }
  }
  return null;
}
