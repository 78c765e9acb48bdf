import pg from "pg";
import { serverEnv } from "@/lib/env";

/**
 * A per-process hint, not state: "a query of this process found the database unreachable at t".
 * The proxy then probes the database before each page request until one probe succeeds, and answers
 * 503 itself meanwhile (proxy.ts). Losing the hint (another instance, a restart) costs nothing but
 * one request that reaches the page and gets app/error.tsx's same message.
 */
const state = globalThis as unknown as { lindungikurDatabaseDownAt?: number };

export function markDatabaseDown(now = Date.now()): void {
  state.lindungikurDatabaseDownAt = now;
}

export function databaseMaybeDown(): boolean {
  return state.lindungikurDatabaseDownAt !== undefined;
}

/** One connection attempt with a short timeout; clears the hint when the database answers. */
export async function probeDatabase(timeoutMs = 1500): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverEnv().DATABASE_URL, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
    state.lindungikurDatabaseDownAt = undefined;
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
