/**
 * The one Prisma client. Only lib/<feature>/data.ts and mutations.ts (and scripts) may import it
 * (enforced by eslint.config.mjs).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
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

// ── Read replicas (docs/scaling.md) ────────────────────────────────────────────────────────────

/** How often a replica's position is compared with the primary's (at most; only while reads come). */
const REPLICA_CHECK_INTERVAL_MS = 250;

interface ReplicaState {
  /** The replica's client, from @prisma/extension-read-replicas (`$replica()`). */
  client: PrismaClient;
  /**
   * Everything committed on the primary before this moment (ms since the epoch) is replayed on the
   * replica: set when a check finds the replica's replay position at or past the primary's WAL
   * position read after that moment. 0 until the first check succeeds.
   */
  caughtUpAt: number;
  checkedAt: number;
  checking: Promise<void> | null;
}

export interface ReplicaRouter {
  /** A replica within the staleness bound, or the primary when none is (or none is configured). */
  staleRead: () => PrismaClient;
  /** Compares every replica with the primary now (the router also does it by itself as reads come). */
  checkNow: () => Promise<void>;
  /** How stale each replica may be right now, in ms (Infinity until it has been seen caught up). */
  staleness: () => number[];
}

/**
 * Routes bounded-staleness reads to streaming replicas. Each replica is wrapped by
 * @prisma/extension-read-replicas around the primary client and read through its `$replica()`;
 * a replica is chosen only while its proven staleness is within `maxLagMs`: a check reads the
 * primary's `pg_current_wal_lsn()`, then asks the replica whether `pg_last_wal_replay_lsn()` has
 * reached it, so a "yes" proves that every transaction committed before the check started is
 * visible there. Checks run in the background, at most every 250 ms per replica while reads come;
 * a replica that cannot be reached or falls behind stops being chosen until it catches up.
 */
export function createReplicaRouter(primary: PrismaClient, replicaUrls: readonly string[], maxLagMs: number): ReplicaRouter {
  const replicas: ReplicaState[] = replicaUrls.map((url) => ({
    // A plain client: a replica's failure must not mark the primary unavailable (lib/ops/database-state.ts).
    client: primary
      .$extends(readReplicas({ replicas: [new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: serverEnv().DATABASE_POOL_MAX, connectionTimeoutMillis: 5000 }) })] }))
      .$replica() as unknown as PrismaClient,
    caughtUpAt: 0,
    checkedAt: 0,
    checking: null,
  }));
  async function check(r: ReplicaState): Promise<void> {
    const started = Date.now();
    try {
      const [{ lsn }] = await primary.$queryRaw<[{ lsn: string }]>`select pg_current_wal_lsn()::text as lsn`;
      const [{ replayed }] = await r.client.$queryRaw<[{ replayed: boolean }]>`
        select coalesce(pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn, false) as replayed`;
      if (replayed) r.caughtUpAt = Math.max(r.caughtUpAt, started);
    } catch {
      // Unreachable or not a standby: not chosen until a check succeeds (the bound runs out meanwhile).
    } finally {
      r.checkedAt = Date.now();
    }
  }
  const refresh = (r: ReplicaState) => {
    if (r.checking || Date.now() - r.checkedAt < REPLICA_CHECK_INTERVAL_MS) return;
    r.checking = check(r).finally(() => (r.checking = null));
  };
  return {
    staleRead() {
      const now = Date.now();
      replicas.forEach(refresh);
      const fresh = replicas.filter((r) => now - r.caughtUpAt <= maxLagMs);
      return fresh.length ? fresh[Math.floor(Math.random() * fresh.length)]!.client : primary;
    },
    async checkNow() {
      await Promise.all(replicas.map((r) => r.checking ?? check(r)));
    },
    staleness: () => replicas.map((r) => (r.caughtUpAt ? Date.now() - r.caughtUpAt : Infinity)),
  };
}

const globalForReplicas = globalThis as unknown as { replicaRouter?: ReplicaRouter };

/**
 * For reads that tolerate a bounded staleness — dashboards, exports, lists — and only those: a
 * streaming replica of DATABASE_REPLICA_URLS that is at most DATABASE_REPLICA_MAX_LAG_MS behind,
 * else the primary. Writes, transactions and read-your-writes paths (a record page after its own
 * submit, a decision's re-read) use `db()`.
 */
export function staleReadDb(): PrismaClient {
  const env = serverEnv();
  if (!env.DATABASE_REPLICA_URLS.length) return db();
  globalForReplicas.replicaRouter ??= createReplicaRouter(db(), env.DATABASE_REPLICA_URLS, env.DATABASE_REPLICA_MAX_LAG_MS);
  return globalForReplicas.replicaRouter.staleRead();
}

export type { PrismaClient };
export { Prisma } from "@/lib/generated/prisma/client";
