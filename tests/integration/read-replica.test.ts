import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { createReplicaRouter, type PrismaClient, type ReplicaRouter } from "@/lib/db";
import { PrismaClient as Client } from "@/lib/generated/prisma/client";
import { startPrimaryAndReplica, type ReplicaPair } from "../../scripts/lib/replica";

/**
 * Read-replica routing (lib/db.ts, docs/scaling.md) against a real primary and a real streaming
 * replica started from the embedded PostgreSQL binaries: bounded-staleness reads go to the replica
 * while it is provably within the bound, and to the primary as soon as it is not.
 */
const PRIMARY_PORT = Number(process.env.PG_REPLICA_PORT ?? 54359) + 1;
const REPLICA_PORT = Number(process.env.PG_REPLICA_PORT ?? 54359);
const MAX_LAG_MS = 1000;

let pair: ReplicaPair;
let primary: PrismaClient;
let replicaDirect: PrismaClient;
let router: ReplicaRouter;

const inRecovery = async (c: PrismaClient) => (await c.$queryRaw<[{ r: boolean }]>`select pg_is_in_recovery() as r`)[0].r;
const hasRow = async (c: PrismaClient, id: number) => (await c.$queryRaw<{ id: number }[]>`select id from marker where id = ${id}`).length === 1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  pair = await startPrimaryAndReplica(PRIMARY_PORT, REPLICA_PORT);
  primary = new Client({ adapter: new PrismaPg({ connectionString: pair.primaryUrl }) });
  replicaDirect = new Client({ adapter: new PrismaPg({ connectionString: pair.replicaUrl }) });
  await primary.$executeRaw`create table marker (id int primary key)`;
  router = createReplicaRouter(primary, [pair.replicaUrl], MAX_LAG_MS);
}, 120_000);

afterAll(async () => {
  await primary?.$disconnect();
  await replicaDirect?.$disconnect();
  await pair?.stop();
});

describe("bounded-staleness reads and a streaming replica", () => {
  it("go to the primary until the replica has been seen caught up, then to the replica, which has the primary's committed rows", async () => {
    expect(await inRecovery(router.staleRead())).toBe(false);
    await primary.$executeRaw`insert into marker values (1)`;
    await router.checkNow();
    const chosen = router.staleRead();
    expect(await inRecovery(chosen)).toBe(true);
    // Caught up as of the check: a row committed before it is there.
    expect(await hasRow(chosen, 1)).toBe(true);
  });

  it("go back to the primary once the replica may be more than the bound behind, and return when it catches up", async () => {
    await replicaDirect.$executeRaw`select pg_wal_replay_pause()`;
    try {
      await primary.$executeRaw`insert into marker values (2)`;
      await router.checkNow();
      expect(router.staleness()[0]).toBeGreaterThanOrEqual(0);
      // While within the bound the replica may still be chosen, and may miss row 2: that is the bound.
      const early = router.staleRead();
      if (await inRecovery(early)) expect(router.staleness()[0]).toBeLessThanOrEqual(MAX_LAG_MS);
      expect(await hasRow(replicaDirect, 2)).toBe(false);

      await sleep(MAX_LAG_MS + 200);
      await router.checkNow();
      expect(router.staleness()[0]).toBeGreaterThan(MAX_LAG_MS);
      const late = router.staleRead();
      expect(await inRecovery(late)).toBe(false);
      expect(await hasRow(late, 2)).toBe(true);
    } finally {
      await replicaDirect.$executeRaw`select pg_wal_replay_resume()`;
    }
    for (let i = 0; i < 50 && !(await hasRow(replicaDirect, 2)); i++) await sleep(100);
    await router.checkNow();
    const back = router.staleRead();
    expect(await inRecovery(back)).toBe(true);
    expect(await hasRow(back, 2)).toBe(true);
  });

  it("never chooses a replica that cannot be reached", async () => {
    const unreachable = createReplicaRouter(primary, ["postgresql://postgres:x@127.0.0.1:1/none"], MAX_LAG_MS);
    await unreachable.checkNow();
    expect(unreachable.staleness()).toEqual([Infinity]);
    expect(await inRecovery(unreachable.staleRead())).toBe(false);
  });
});
