/**
 * The demo API key (README, docs/api.md). DEMO DATA: this key is published, so it must never exist in
 * a real deployment's database — like the demo accounts' password. Real keys are issued with
 * `npm run api-key:create -- <PENYALUR_CODE> "<name>"`, which prints a random key once.
 * Idempotent: matched by the key's hash; a revoked demo key stays revoked.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { displayPrefixOf, hashApiKey } from "../../lib/api/keys";
import { DEMO_CHANNEL } from "./demo-channel";

export const DEMO_API_KEY = "lk_demo_bri_7Qm2VxR9pL4sT8nW3kZ6yH1c";
export const DEMO_API_KEY_PENYALUR = "BRI";
export const DEMO_API_KEY_NAME = "Kunci demo BRI (data demo, bukan rahasia)";

export async function seedDemoApiKey(prisma: PrismaClient): Promise<void> {
  const penyalur = await prisma.penyalur.findUniqueOrThrow({ where: { code: DEMO_API_KEY_PENYALUR }, select: { id: true } });
  const keyHash = hashApiKey(DEMO_API_KEY);
  await prisma.apiKey.upsert({
    where: { keyHash },
    create: { penyalurId: penyalur.id, name: DEMO_API_KEY_NAME, prefix: displayPrefixOf(DEMO_API_KEY), keyHash },
    update: {},
  });
}

/**
 * The demo payment channel (docs/api.md "Notifikasi pembayaran"): a virtual-account channel whose key and
 * signing secret are published here so a demo can post signed notifications with curl. DEMO DATA, like
 * the demo API key: never in a real deployment. Idempotent by its code.
 */
export { DEMO_CHANNEL };

export async function seedDemoChannel(prisma: PrismaClient): Promise<void> {
  await prisma.paymentChannelKey.upsert({
    where: { code: DEMO_CHANNEL.code },
    create: {
      code: DEMO_CHANNEL.code,
      name: DEMO_CHANNEL.name,
      kind: "VIRTUAL_ACCOUNT",
      prefix: displayPrefixOf(DEMO_CHANNEL.key),
      keyHash: hashApiKey(DEMO_CHANNEL.key),
      signingSecret: DEMO_CHANNEL.signingSecret,
    },
    update: {},
  });
}
