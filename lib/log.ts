import "server-only";
import { randomBytes } from "node:crypto";

/**
 * Logs an unexpected error as one JSON line and returns a short id that the user sees, so that
 * support can find the entry without the user ever seeing a stack trace.
 */
export function logUnexpected(error: unknown, context: Record<string, unknown> = {}): string {
  const id = randomBytes(4).toString("hex").toUpperCase();
  const err = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
  console.error(JSON.stringify({ level: "error", errorId: id, at: new Date().toISOString(), ...context, error: err }));
  return id;
}
