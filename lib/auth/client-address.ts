import { isIP } from "node:net";
import { headers } from "next/headers";
import { serverEnv } from "@/lib/env";

/**
 * The client's address as seen behind the configured proxies (TRUSTED_PROXIES, lib/env.ts).
 *
 * `next start` fills X-Forwarded-For with the socket's address only when the request has none; a
 * proxy appends the address it saw. So the chain is read from the right, skipping the proxies we
 * run ourselves; the first other entry is the client. Without TRUSTED_PROXIES the rightmost entry is
 * taken: correct when clients connect directly and send no header, spoofable when they send one,
 * which is why a production deployment sits behind a proxy that sets the header
 * (docs/decisions/0015-abuse-limits.md).
 */
export function clientAddress(forwardedFor: string | null | undefined, trustedProxies: readonly string[]): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => normalise(h.trim()))
    .filter((h) => h !== "");
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!trustedProxies.includes(hop)) return hop;
  }
  return hops[0] ?? "unknown";
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are one client; anything that is not an address is kept short. */
function normalise(hop: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(hop);
  if (v4mapped) return v4mapped[1]!;
  return isIP(hop) ? hop.toLowerCase() : hop.slice(0, 64);
}

/** The current request's client address (pages, actions, route handlers). */
export async function requestClientAddress(): Promise<string> {
  return clientAddress((await headers()).get("x-forwarded-for"), serverEnv().TRUSTED_PROXIES);
}
