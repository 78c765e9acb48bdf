import { mkdtemp, mkdir, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { db } from "@/lib/db";
import { MIGRATIONS_DIR, readiness } from "@/lib/ops/data";

afterAll(async () => {
  await db().$disconnect();
});

describe("probes for a load balancer (issue #16)", () => {
  it("GET /api/health answers 200 without asking the database", async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("GET /api/ready answers 200 on a migrated database, counting every committed migration", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    const committed = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).length;
    expect(await response.json()).toEqual({ status: "ready", migrations: committed });
  });

  it("a migration on disk that the database has not applied makes the instance not ready, naming it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "lk-migrations-"));
    try {
      for (const e of await readdir(MIGRATIONS_DIR, { withFileTypes: true })) if (e.isDirectory()) await mkdir(path.join(dir, e.name));
      await mkdir(path.join(dir, "29991231235959_not_yet_applied"));
      expect(await readiness(dir)).toEqual({ ready: false, reason: "migrations-pending", pending: ["29991231235959_not_yet_applied"] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
