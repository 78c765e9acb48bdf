/**
 * One-time tokens (invitation and reset links, the second-factor ticket): 32 random bytes,
 * base64url; only their sha256 is stored (like API keys, lib/api/keys.ts: a token has 256 bits of
 * entropy, so a slow hash buys nothing and a fast one lets the lookup be an index hit).
 */
import { createHash, randomBytes } from "node:crypto";

export function newOneTimeToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as it can appear in a URL: base64url, 43 characters. Anything else is not looked up. */
export function isOneTimeTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
