/**
 * The database being unreachable is a fault of its own, not an "unexpected error": the user is told
 * plainly that the service is unavailable for now and that nothing was saved (503 for pages, a
 * FormState with the input kept for actions; docs/decisions/0015-abuse-limits.md §Faults).
 */

/** Prefix of the digest Next hands to app/error.tsx, so the page can say which fault it was. */
export const UNAVAILABLE_DIGEST_PREFIX = "UNAVAILABLE-";

export class ServiceUnavailableError extends Error {
  readonly digest: string;
  constructor(
    readonly errorId: string,
    options?: { cause?: unknown },
  ) {
    super(`database unavailable (${errorId})`, options);
    this.name = "ServiceUnavailableError";
    // Next keeps a thrown error's own digest (create-error-handler.js), so the id reaches the page.
    this.digest = `${UNAVAILABLE_DIGEST_PREFIX}${errorId}`;
  }
}

// libpq/PostgreSQL SQLSTATEs of a lost or refused connection (class 08), a server shutting down or
// starting (57P01–57P03), Prisma's "can't reach / closed / pool timeout" codes, Node's socket errors.
// A raw query ($queryRaw) that loses its connection comes back as P2010 "Raw query failed. Code: `N/A`.
// Message: `Server has closed the connection.`": matched by its message.
const CODES = new Set([
  "08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03",
  "P1001", "P1002", "P1008", "P1017", "P2024",
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH",
]);
const MESSAGES = /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|timeout exceeded when trying to connect|DatabaseNotReachable|Can't reach database|server closed the connection|the database system is (shutting down|starting up)|terminating connection due to administrator command|Server has closed the connection/i;

/** Whether `error` (or anything in its cause chain) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    if (current instanceof ServiceUnavailableError) return true;
    const e = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; errors?: unknown };
    if (typeof e.code === "string" && CODES.has(e.code)) return true;
    if (typeof e.originalCode === "string" && CODES.has(e.originalCode)) return true;
    if (e.kind === "DatabaseNotReachable" || e.kind === "ConnectionClosed" || e.kind === "SocketTimeout") return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
    // AggregateError (a connect to several addresses): any of them.
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = e.cause;
  }
  return false;
}
