/**
 * Reading URL query parameters into zod schemas. The URL is the state of every list and dashboard
 * view (bookmarkable, shareable), so it is untrusted and often stale: a bad value falls back to
 * "absent" instead of failing the page.
 */
import { z } from "zod";

/**
 * A repeated parameter (?status=A&status=B) counts by its first value; blank means absent. NUL
 * characters are dropped: PostgreSQL cannot compare text holding one (`?q=%00` was a 500).
 */
export function single(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== "string") return undefined;
  const trimmed = v.replaceAll("\u0000", "").trim();
  return trimmed === "" ? undefined : trimmed;
}

/** One of `values`, or undefined for anything else (unknown, blank, repeated junk). */
export function optionalEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(single, z.enum(values).optional()).catch(undefined);
}

/**
 * Whether a route or query id has the shape PostgreSQL accepts for a uuid column. Anything else is
 * "not found" before it reaches the database, which would otherwise fail the request with a 500.
 */
export function isUuid(value: string): boolean {
  return z.guid().safeParse(value).success;
}
