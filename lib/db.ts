/**
 * The one Prisma client. Only lib/<feature>/data.ts and mutations.ts (and scripts) may import it
 * (enforced by eslint.config.mjs).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";
import { logUnexpected } from "@/lib/log";
import { ServiceUnavailableError, isDatabaseUnavailable } from "@/lib/action/faults";
import { markDatabaseDown } from "@/lib/ops/database-state";

function createClient(): PrismaClient {
  const env = serverEnv();
  // A short connect timeout: with the database gone, a request answers "unavailable" in seconds
  // instead of hanging; the pool reconnects by itself when the database is back.
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_MAX, connectionTimeoutMillis: 5000 });
  const client = new PrismaClient({ adapter });
  // Every query (transactions' included): an unreachable database becomes one ServiceUnavailableError,
  // logged once with its id, which pages (app/error.tsx) and actions (lib/action/client.ts) show as
  // "temporarily unavailable, nothing was saved".
  const extended = client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          if (error instanceof ServiceUnavailableError || !isDatabaseUnavailable(error)) throw error;
          markDatabaseDown();
          throw new ServiceUnavailableError(logUnexpected(error, { fault: "database-unavailable" }), { cause: error });
        }
      },
    },
  });
  // The extension adds no methods and changes no result type; callers keep the plain client's type.
  return extended as unknown as PrismaClient;
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** Created on first use, so importing this module never needs a database. */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

export type { PrismaClient };
export { Prisma } from "@/lib/generated/prisma/client";
