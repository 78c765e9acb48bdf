/**
 * A client generated from the published OpenAPI document (openapi-typescript types in
 * tests/support/api-client/schema.d.ts + openapi-fetch) drives the host-to-host API: what a bank's
 * developer would build from /api/v1/openapi.json. Its fetch hands each request to the route handlers
 * themselves (no server in between, the database real).
 */
import { randomUUID } from "node:crypto";
import createClient from "openapi-fetch";
import { afterAll, describe, expect, it } from "vitest";
import * as enrolments from "@/app/api/v1/enrolments/route";
import * as enrolment from "@/app/api/v1/enrolments/[id]/route";
import { db } from "@/lib/db";
import { DEMO_API_KEY } from "../../prisma/seed/api-keys";
import type { paths } from "../support/api-client/schema";
import { apiBody } from "../support/h2h";

/** Routes the client's requests to the App Router handlers, as Next would. */
async function routeFetch(input: Request): Promise<Response> {
  const { pathname } = new URL(input.url);
  if (pathname === "/api/v1/enrolments" && input.method === "POST") return enrolments.POST(input);
  const one = /^\/api\/v1\/enrolments\/([^/]+)$/.exec(pathname);
  if (one && input.method === "GET") return enrolment.GET(input, { params: Promise.resolve({ id: one[1]! }) });
  return new Response("not routed", { status: 599 });
}

const client = createClient<paths>({ baseUrl: "http://127.0.0.1", fetch: routeFetch, headers: { Authorization: `Bearer ${DEMO_API_KEY}` } });

afterAll(async () => {
  await db().$disconnect();
});

describe("the generated client (openapi-typescript + openapi-fetch)", () => {
  it("creates an enrolment, replays it under the same key, and reads it back", async () => {
    const body = apiBody() as paths["/api/v1/enrolments"]["post"]["requestBody"]["content"]["application/json"];
    const key = randomUUID();
    const created = await client.POST("/api/v1/enrolments", { body, params: { header: { "Idempotency-Key": key } } });
    expect(created.response.status).toBe(201);
    expect(created.data?.status).toBe("SUBMITTED");
    expect(created.data?.decision.status).toBe("MANDATORY");

    const replay = await client.POST("/api/v1/enrolments", { body, params: { header: { "Idempotency-Key": key } } });
    expect(replay.data?.id).toBe(created.data?.id);
    expect(replay.data?.duplicate).toBe("idempotencyKey");

    const read = await client.GET("/api/v1/enrolments/{id}", { params: { path: { id: created.data!.id } } });
    expect(read.response.status).toBe(200);
    expect(read.data?.loanNumber).toBe(body.loanNumber);
    expect(read.data?.clearance.state).toBe("BLOCKED");
  });

  it("gets the 422 field errors as the document describes them", async () => {
    const body = { ...apiBody(), plafon: 5 } as paths["/api/v1/enrolments"]["post"]["requestBody"]["content"]["application/json"];
    const refused = await client.POST("/api/v1/enrolments", { body, params: { header: { "Idempotency-Key": randomUUID() } } });
    expect(refused.response.status).toBe(422);
    expect(Object.keys((refused.error as { errors: Record<string, string[]> }).errors)).toEqual(["plafon"]);
  });
});
