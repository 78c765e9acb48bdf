import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/action/faults";
import { MIN_AUTH_SECRET_LENGTH, unsafeProductionSettings, type ServerEnv } from "@/lib/env";

const SAFE: ServerEnv = {
  DATABASE_URL: "postgresql://app@db/lindungikur",
  NODE_ENV: "production",
  DATABASE_POOL_MAX: 10,
  DATABASE_REPLICA_URLS: [],
  DATABASE_REPLICA_MAX_LAG_MS: 5000,
  PUBLIC_BASE_URL: "https://lindungikur.example.go.id",
  AUTH_SECRET: "x".repeat(MIN_AUTH_SECRET_LENGTH),
  LINDUNGIKUR_DEMO: "0",
  TRUSTED_PROXIES: [],
  MAIL_FROM: "LindungiKUR <no-reply@lindungikur.id>",
  PHONE_CHANNEL: "SMS",
};

describe("production refuses to start on an unsafe configuration (lib/env.ts)", () => {
  it("a complete production configuration has no problem", () => {
    expect(unsafeProductionSettings(SAFE)).toEqual([]);
  });

  it("no PUBLIC_BASE_URL: the certificates' QR codes would point at whatever address the request came to", () => {
    const [problem, ...rest] = unsafeProductionSettings({ ...SAFE, PUBLIC_BASE_URL: undefined });
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^PUBLIC_BASE_URL belum diset/);
  });

  it(`a missing or short AUTH_SECRET (under ${MIN_AUTH_SECRET_LENGTH} characters), demo included`, () => {
    expect(unsafeProductionSettings({ ...SAFE, AUTH_SECRET: undefined })[0]).toMatch(/^AUTH_SECRET kosong atau kurang dari 32 karakter/);
    expect(unsafeProductionSettings({ ...SAFE, AUTH_SECRET: "pendek", LINDUNGIKUR_DEMO: "1" })).toHaveLength(1);
  });

  it("each problem is one line; the demo server needs no public address; development is not checked", () => {
    const problems = unsafeProductionSettings({ ...SAFE, PUBLIC_BASE_URL: undefined, AUTH_SECRET: "" });
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => !p.includes("\n"))).toBe(true);
    expect(unsafeProductionSettings({ ...SAFE, PUBLIC_BASE_URL: undefined, LINDUNGIKUR_DEMO: "1" })).toEqual([]);
    expect(unsafeProductionSettings({ ...SAFE, NODE_ENV: "development", AUTH_SECRET: undefined })).toEqual([]);
  });
});

describe("an unreachable database is recognised as such (lib/action/faults.ts)", () => {
  it("refused, reset, terminated connections and PostgreSQL's shutdown codes, also deep in the cause chain", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: Object.assign(new Error("x"), { code: "57P01" }) }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" })]))).toBe(true);
    // A $queryRaw whose pooled connection died, as Prisma 7 with adapter-pg reports it (seen in tests/integration/database-outage.test.ts).
    const raw = Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation:\n\nRaw query failed. Code: `N/A`. Message: `Server has closed the connection.`"), { code: "P2010", meta: { code: "N/A", message: "Server has closed the connection." } });
    expect(isDatabaseUnavailable(raw)).toBe(true);
  });

  it("but not a constraint violation, a validation error or a plain bug", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
  });
});
