/**
 * Webhook delivery against a real local HTTP receiver and the real database: the signature verifies
 * with the documented algorithm (docs/api.md "Webhook"), a failing receiver is retried and then marked
 * failed, an administrator's re-send delivers it.
 */
import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { logger } from "@/lib/log";
import { approveEnrolment } from "@/lib/review/mutations";
import { runQueuedJobs } from "../support/jobs";
import { submittedEnrolment } from "../support/review";
import { attemptDelivery, disableWebhook, queueDelivery, resendDelivery, saveWebhook } from "@/lib/webhooks/mutations";
import { MAX_ATTEMPTS } from "@/lib/webhooks/schema";
import { testPenyalur } from "../support/admin";
import { demoActors, type DemoActors } from "../support/db";

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let base: string;
let answer = 200;
const received: Received[] = [];
let actors: DemoActors;

beforeAll(async () => {
  actors = await demoActors();
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer;
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db().$disconnect();
});

function event(penyalurId: string) {
  return { id: randomUUID(), seq: "42", type: "enrolment.approved", occurredAt: new Date().toISOString(), enrolmentId: randomUUID(), payload: { kpj: "10000000009", status: "APPROVED" }, penyalurId };
}

describe("webhook delivery", () => {
  it("is signed: HMAC-SHA256(secret, timestamp + '.' + body) as documented, with the event in the body and no NIK", async () => {
    const p = await testPenyalur();
    const { secret } = await saveWebhook(actors.admin, { penyalur: p.code, url: `${base}/hook`, rotateSecret: false });
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const e = event(p.penyalurId);
    const id = (await queueDelivery(e))!;
    // Queued once per endpoint and event, however often the fan-out runs.
    expect(await queueDelivery(e)).toBeNull();
    answer = 200;
    received.length = 0;
    const now = new Date();
    expect(await attemptDelivery(id, now)).toBe("delivered");
    const got = received[0]!;
    const timestamp = got.headers["x-lindungikur-timestamp"] as string;
    expect(timestamp).toBe(String(Math.floor(now.getTime() / 1000)));
    // The receiver's check, written from docs/api.md alone.
    const expected = `sha256=${createHmac("sha256", secret!).update(`${timestamp}.${got.body}`).digest("hex")}`;
    expect(got.headers["x-lindungikur-signature"]).toBe(expected);
    expect(JSON.parse(got.body)).toEqual({ id: e.id, seq: "42", type: "enrolment.approved", occurredAt: e.occurredAt, enrolmentId: e.enrolmentId, payload: e.payload });
    expect(got.body).not.toMatch(/\d{16}/);
    const row = await db().webhookDelivery.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200 });
  });

  it(`a failing receiver is retried and, after ${MAX_ATTEMPTS} attempts, marked FAILED; a re-send by an administrator delivers it`, async () => {
    const p = await testPenyalur();
    await saveWebhook(actors.admin, { penyalur: p.code, url: `${base}/hook`, rotateSecret: false });
    const id = (await queueDelivery(event(p.penyalurId)))!;
    answer = 503;
    const outcomes = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) outcomes.push(await attemptDelivery(id, new Date()));
    expect(outcomes).toEqual([...Array(MAX_ATTEMPTS - 1).fill("retry"), "failed"]);
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, lastStatusCode: 503, lastError: "HTTP 503" });
    // Nothing more is sent for a failed delivery until someone re-sends it.
    expect(await attemptDelivery(id, new Date())).toBe("skipped");

    await resendDelivery(actors.admin, id);
    answer = 204;
    expect(await attemptDelivery(id, new Date())).toBe("delivered");
    expect(await db().auditEvent.count({ where: { entityId: id, action: "webhook.resend" } })).toBe(1);
  });

  it("an unreachable receiver is a failed attempt with its error, not a crash", async () => {
    const p = await testPenyalur();
    await saveWebhook(actors.admin, { penyalur: p.code, url: "http://127.0.0.1:9/closed", rotateSecret: false });
    const id = (await queueDelivery(event(p.penyalurId)))!;
    expect(await attemptDelivery(id, new Date())).toBe("retry");
    const row = await db().webhookDelivery.findUniqueOrThrow({ where: { id } });
    expect(row.lastStatusCode).toBeNull();
    expect(row.lastError).toMatch(/fetch failed|ECONNREFUSED|TypeError/);
    // Its queued retry must not disturb the tests below.
    await disableWebhook(actors.admin, (await db().webhookEndpoint.findUniqueOrThrow({ where: { penyalurId: p.penyalurId } })).id);
  });

  it("only an administrator manages webhooks", async () => {
    const p = await testPenyalur();
    await expect(saveWebhook(actors.headOffice, { penyalur: p.code, url: `${base}/hook`, rotateSecret: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("events out, through the outbox and the job queue (pg-boss)", () => {
  it("a submit and an approval reach the penyalur's webhook, signed, each once; the approval carries the KPJ", async () => {
    const p = await testPenyalur();
    const { secret } = await saveWebhook(actors.admin, { penyalur: p.code, url: `${base}/hook`, rotateSecret: false });
    answer = 200;
    received.length = 0;
    const e = await submittedEnrolment(p.officer);
    const approved = await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, new Date());
    // The fan-out job queues the delivery job; a second drain finds nothing more to send.
    await runQueuedJobs();
    await runQueuedJobs();
    // Deliveries carry no order of their own: a receiver orders by seq (docs/api.md).
    const mine = received.filter((r) => JSON.parse(r.body).enrolmentId === e.id).sort((a, b) => Number(JSON.parse(a.body).seq) - Number(JSON.parse(b.body).seq));
    expect(mine.map((r) => r.headers["x-lindungikur-event"])).toEqual(["enrolment.submitted", "enrolment.approved"]);
    for (const r of mine) {
      const ts = r.headers["x-lindungikur-timestamp"] as string;
      expect(r.headers["x-lindungikur-signature"]).toBe(`sha256=${createHmac("sha256", secret!).update(`${ts}.${r.body}`).digest("hex")}`);
    }
    expect(JSON.parse(mine[1]!.body).payload).toMatchObject({ kpj: approved.kpj });
    expect(await db().webhookDelivery.count({ where: { endpoint: { penyalurId: p.penyalurId }, status: "DELIVERED" } })).toBe(2);
  });

  it(`a failing receiver is retried by the queue with backoff and marked FAILED after ${MAX_ATTEMPTS} attempts`, async () => {
    const errors = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const p = await testPenyalur();
    await saveWebhook(actors.admin, { penyalur: p.code, url: `${base}/hook`, rotateSecret: false });
    answer = 500;
    const e = await submittedEnrolment(p.officer);
    await runQueuedJobs();
    // Each drain makes the pending retry due at once (its backoff skipped), as the worker would later.
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await runQueuedJobs({ names: ["webhooks.deliver"], retryNow: true });
    // A receiver that is down is expected, not a fault for support: no unexpected-error log line.
    expect(errors).not.toHaveBeenCalled();
    const d = await db().webhookDelivery.findFirstOrThrow({ where: { endpoint: { penyalurId: p.penyalurId }, eventType: "enrolment.submitted" } });
    expect(d).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, lastStatusCode: 500 });
    expect(received.filter((r) => JSON.parse(r.body).enrolmentId === e.id && r.headers["x-lindungikur-delivery"] === d.id)).toHaveLength(MAX_ATTEMPTS);
    errors.mockRestore();
  });
});
