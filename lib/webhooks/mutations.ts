import "server-only";
import { AppError } from "@/lib/action/errors";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { generateSigningSecret, signNotification } from "@/lib/api";
import { enqueue } from "@/lib/jobs";
import { deliverWebhookJob } from "@/lib/webhooks/jobs";
import { DELIVERY_TIMEOUT_MS, MAX_ATTEMPTS, type SaveWebhookInput, type WebhookBody } from "@/lib/webhooks/schema";

function requireAdmin(actor: Actor) {
  if (!can(actor, "webhook:manage")) throw new AppError("FORBIDDEN");
}

/**
 * Sets a penyalur's webhook URL (creating the endpoint with a new secret, or rotating it when asked).
 * Returns the secret only when it is new: it is shown once, like an API key.
 */
export async function saveWebhook(actor: Actor, input: SaveWebhookInput): Promise<{ penyalurName: string; secret: string | null }> {
  requireAdmin(actor);
  const penyalur = await db().penyalur.findUnique({ where: { code: input.penyalur }, select: { id: true, name: true } });
  if (!penyalur) throw new AppError("VALIDATION", { fieldErrors: { penyalur: ["?"] } });
  return db().$transaction(async (tx) => {
    const existing = await tx.webhookEndpoint.findUnique({ where: { penyalurId: penyalur.id }, select: { id: true, url: true } });
    const secret = !existing || input.rotateSecret ? generateSigningSecret() : null;
    const row = existing
      ? await tx.webhookEndpoint.update({ where: { id: existing.id }, data: { url: input.url, active: true, ...(secret ? { secret } : {}) }, select: { id: true } })
      : await tx.webhookEndpoint.create({ data: { penyalurId: penyalur.id, url: input.url, secret: secret! }, select: { id: true } });
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: existing ? "webhook.update" : "webhook.create",
        entityType: "WebhookEndpoint",
        entityId: row.id,
        before: existing ? { url: existing.url } : undefined,
        after: { url: input.url, secretRotated: Boolean(secret && existing) },
      },
    });
    return { penyalurName: penyalur.name, secret };
  });
}

/** Stops deliveries to a penyalur's webhook (the log stays). */
export async function disableWebhook(actor: Actor, endpointId: string): Promise<void> {
  requireAdmin(actor);
  await db().$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.update({ where: { id: endpointId }, data: { active: false }, select: { id: true } });
    await tx.auditEvent.create({ data: { actorId: actor.id, action: "webhook.disable", entityType: "WebhookEndpoint", entityId: row.id } });
  });
}

/**
 * The delivery of one outbox event to its penyalur's webhook, if it has an active one: the row of the
 * delivery log (one per endpoint and event) and its delivery job, in one transaction, so a fan-out
 * retried after a crash either finds both or writes both. Returns the delivery's id, or null when
 * there is nothing (more) to send.
 */
export async function queueDelivery(event: WebhookBody & { penyalurId: string }): Promise<string | null> {
  const endpoint = await db().webhookEndpoint.findUnique({ where: { penyalurId: event.penyalurId }, select: { id: true, active: true } });
  if (!endpoint?.active) return null;
  const { penyalurId: _p, ...rest } = event;
  void _p;
  const body: WebhookBody = rest;
  return db().$transaction(async (tx) => {
    const rows = await tx.webhookDelivery.createManyAndReturn({
      data: [{ endpointId: endpoint.id, eventId: event.id, eventType: event.type, body: JSON.stringify(body) }],
      skipDuplicates: true,
      select: { id: true },
    });
    const id = rows[0]?.id ?? null;
    if (id) await enqueue(deliverWebhookJob, { deliveryId: id }, { tx });
    return id;
  });
}

export type AttemptOutcome = "delivered" | "retry" | "failed" | "skipped";

/**
 * One delivery attempt: POST the stored body, signed (`X-LindungiKUR-Signature: sha256=<hex
 * HMAC-SHA256(secret, "<timestamp>.<body>")>`, `X-LindungiKUR-Timestamp`), with a timeout. A 2xx is
 * delivered; anything else counts an attempt and is retried by the queue (the caller throws on
 * "retry") until MAX_ATTEMPTS, then marked FAILED. A delivery already delivered or failed is skipped.
 */
export async function attemptDelivery(deliveryId: string, now: Date, send: typeof fetch = fetch): Promise<AttemptOutcome> {
  const d = await db().webhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { id: true, body: true, status: true, attempts: true, eventId: true, eventType: true, endpoint: { select: { url: true, secret: true, active: true } } },
  });
  if (!d || d.status !== "PENDING" || !d.endpoint.active) return "skipped";
  const timestamp = String(Math.floor(now.getTime() / 1000));
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await send(d.endpoint.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "LindungiKUR-Webhook/1",
        "x-lindungikur-event": d.eventType,
        "x-lindungikur-delivery": d.id,
        "x-lindungikur-timestamp": timestamp,
        "x-lindungikur-signature": signNotification(d.endpoint.secret, timestamp, d.body),
      },
      body: d.body,
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    statusCode = response.status;
    await response.body?.cancel().catch(() => undefined);
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 500) : "error";
  }
  const attempts = d.attempts + 1;
  const outcome: AttemptOutcome = error === null ? "delivered" : attempts >= MAX_ATTEMPTS ? "failed" : "retry";
  await db().webhookDelivery.update({
    where: { id: d.id },
    data: {
      attempts,
      lastStatusCode: statusCode,
      lastError: error,
      lastAttemptAt: now,
      status: outcome === "delivered" ? "DELIVERED" : outcome === "failed" ? "FAILED" : "PENDING",
      deliveredAt: outcome === "delivered" ? now : null,
    },
  });
  return outcome;
}

/** An administrator sends a delivery again: back to PENDING with a fresh count of attempts and a new job (audited). */
export async function resendDelivery(actor: Actor, deliveryId: string): Promise<void> {
  requireAdmin(actor);
  await db().$transaction(async (tx) => {
    const d = await tx.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true, status: true, attempts: true } });
    if (!d) throw new AppError("NOT_FOUND");
    await tx.webhookDelivery.update({ where: { id: d.id }, data: { status: "PENDING", attempts: 0, deliveredAt: null } });
    await enqueue(deliverWebhookJob, { deliveryId: d.id }, { tx });
    await tx.auditEvent.create({
      data: { actorId: actor.id, action: "webhook.resend", entityType: "WebhookDelivery", entityId: d.id, before: { status: d.status, attempts: d.attempts } },
    });
  });
}
