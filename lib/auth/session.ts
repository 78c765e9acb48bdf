import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth/config";
import { loadActor, type Actor } from "@/lib/auth/data";
import { can, type Action } from "@/lib/auth/permissions";

export type { Actor };

/**
 * The signed-in user, loaded from the database; null when there is none or it has no valid scope.
 * Memoised per request: the layout and the page both ask, the database is asked once.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  // The token's session version must still be the user's (a copied token dies with the sessions).
  return loadActor(userId, { sessionVersion: (session as { sessionVersion?: unknown }).sessionVersion });
});

/** Where a user whose administrator requires a second factor sets it up before anything else. */
export const SECOND_FACTOR_ENROL_PATH = "/dua-langkah";

/**
 * For pages and actions: sends an anonymous visitor to the login page, and a user who must first
 * set up their second factor to its page (that page itself passes `{ enrolling: true }`).
 */
export async function requireActor(options: { enrolling?: boolean } = {}): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/masuk");
  if (actor.secondFactor === "enrol" && !options.enrolling) redirect(SECOND_FACTOR_ENROL_PATH);
  return actor;
}

/** For pages and actions: a signed-in user without the permission gets a 403. */
export async function requirePermission(action: Action): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, action)) forbidden();
  return actor;
}
