import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * API keys for the quote API (docs/api.md): `lk_` + 43 base64url characters (32 random bytes).
 *
 * Why sha256 and not bcrypt/argon2 (which the portal uses for passwords): a slow, salted hash protects
 * a secret a person chose, which an attacker holding the hash could guess. A key of 256 random bits
 * cannot be guessed, fast hash or not, so slowness buys nothing. What a fast, unsalted hash does buy:
 * the key's row is found by an indexed equality lookup on `keyHash`, at the cost of one sha256 per
 * request; with bcrypt every request would need a lookup by prefix plus ~100 ms of CPU, which also
 * hands anyone without a key a cheap way to load the server. The database never holds the key itself,
 * so a leaked dump or backup does not leak working keys.
 */

export const API_KEY_PREFIX = "lk_";
/** How many leading characters are stored in clear (and shown to administrators) to tell keys apart. */
export const API_KEY_DISPLAY_PREFIX_LENGTH = 12;

/** Any key we ever issued matches this; anything else is refused before touching the database. */
const API_KEY_FORMAT = /^lk_[A-Za-z0-9_-]{20,100}$/;

export function looksLikeApiKey(value: string): boolean {
  return API_KEY_FORMAT.test(value);
}

/** Lowercase hex sha256 of the whole key, as stored in ApiKey.keyHash. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The part of a key stored in clear and shown to administrators, e.g. "lk_Xb3k9QzT4". */
export function displayPrefixOf(key: string): string {
  return key.slice(0, API_KEY_DISPLAY_PREFIX_LENGTH);
}

/** A new random key. It is shown once to whoever created it and never stored. */
export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/**
 * The credential of an `Authorization: Bearer <key>` header (RFC 6750 §2.1; the scheme name is
 * case-insensitive). null when the header is absent or not a bearer credential.
 */
export function bearerToken(authorization: string | null): string | null {
  if (!authorization) return null;
  const match = /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(authorization);
  return match?.[1] ?? null;
}

/** Payment channel keys (docs/decisions/0016 §2): `lkc_` + 43 base64url characters; hashed like API keys. */
export const CHANNEL_KEY_PREFIX = "lkc_";
const CHANNEL_KEY_FORMAT = /^lkc_[A-Za-z0-9_-]{20,100}$/;

export function looksLikeChannelKey(value: string): boolean {
  return CHANNEL_KEY_FORMAT.test(value);
}

export function generateChannelKey(): string {
  return `${CHANNEL_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** The per-channel HMAC secret (256 random bits), given to the channel once with its key. */
export function generateSigningSecret(): string {
  return randomBytes(32).toString("base64url");
}
