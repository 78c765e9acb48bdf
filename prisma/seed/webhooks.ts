/**
 * The demo's webhook (README, docs/api.md "Webhook"): BRI's status changes go to the local receiver
 * `npm run demo` starts (scripts/webhook-receiver.ts). DEMO DATA: this secret is published, so it must
 * never sign a real deployment's webhooks. Idempotent.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";

export const DEMO_WEBHOOK_SECRET = "demo_webhook_bri_Qw8Zt3Lp6Xv1Nc4Rk7Hs2Jd5";
export const DEMO_WEBHOOK_PENYALUR = "BRI";

export async function seedDemoWebhook(prisma: PrismaClient, url: string): Promise<void> {
  const penyalur = await prisma.penyalur.findUniqueOrThrow({ where: { code: DEMO_WEBHOOK_PENYALUR }, select: { id: true } });
  await prisma.webhookEndpoint.upsert({
    where: { penyalurId: penyalur.id },
    create: { penyalurId: penyalur.id, url, secret: DEMO_WEBHOOK_SECRET },
    // Only the demo's own endpoint follows the receiver's port; one an administrator changed is left alone.
    update: {},
  });
  await prisma.webhookEndpoint.updateMany({ where: { penyalurId: penyalur.id, secret: DEMO_WEBHOOK_SECRET }, data: { url } });
}
