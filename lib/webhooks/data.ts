import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";

export interface WebhookEndpointRow {
  id: string;
  penyalurCode: string;
  penyalurName: string;
  url: string;
  active: boolean;
  updatedAt: string;
}

export interface DeliveryRow {
  id: string;
  penyalurName: string;
  eventType: string;
  eventId: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  createdAt: string;
}

/** The penyalur's webhooks and the latest deliveries, for administrators only (never the secret). */
export async function webhookAdminView(actor: Actor, options: { limit?: number } = {}): Promise<{ endpoints: WebhookEndpointRow[]; deliveries: DeliveryRow[]; penyalur: { code: string; name: string }[] } | null> {
  if (!can(actor, "webhook:manage")) return null;
  const [endpoints, deliveries, penyalur] = await Promise.all([
    db().webhookEndpoint.findMany({
      orderBy: { createdAt: "asc" },
      select: { id: true, url: true, active: true, updatedAt: true, penyalurId: true },
    }),
    db().webhookDelivery.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: options.limit ?? 50,
      select: {
        id: true,
        eventType: true,
        eventId: true,
        status: true,
        attempts: true,
        lastStatusCode: true,
        lastError: true,
        lastAttemptAt: true,
        createdAt: true,
        endpoint: { select: { penyalurId: true } },
      },
    }),
    db().penyalur.findMany({ where: { retiredAt: null }, orderBy: { code: "asc" }, select: { id: true, code: true, name: true } }),
  ]);
  const byId = new Map(penyalur.map((p) => [p.id, p]));
  return {
    endpoints: endpoints.map((e) => ({
      id: e.id,
      penyalurCode: byId.get(e.penyalurId)?.code ?? "?",
      penyalurName: byId.get(e.penyalurId)?.name ?? "?",
      url: e.url,
      active: e.active,
      updatedAt: e.updatedAt.toISOString(),
    })),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      penyalurName: byId.get(d.endpoint.penyalurId)?.name ?? "?",
      eventType: d.eventType,
      eventId: d.eventId,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    })),
    penyalur: penyalur.map((p) => ({ code: p.code, name: p.name })),
  };
}
