"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { clientFor, formAction, formInput } from "@/lib/action/client";
import { issueKeyInput, revokeKeyInput, rotateKeyInput } from "@/lib/admin/keys/schema";
import { issueApiKey, revokeKey, rotateKey } from "@/lib/admin/keys/mutations";

/** What the page shows once after issuing or rotating: the key itself, never stored. */
export interface ShownKey {
  key: string;
  prefix: string;
  penyalurName: string;
  name: string;
  /** After a rotation: until when the old key still works. */
  oldExpiresAt?: string;
}

const messages = async () => {
  const t = await getTranslations("adminData.keys.errors");
  return (key: Parameters<typeof t>[0]) => t(key);
};

/** Issues a key; the answer carries it once (no redirect, so it is not in any URL or history). */
const issueSafe = clientFor("apiKey:manage")
  .metadata({ actionName: "apikeys.issue" })
  .inputSchema(async () => formInput(issueKeyInput(await messages())))
  .action(async ({ parsedInput, ctx }): Promise<ShownKey> => {
    const created = await issueApiKey(ctx.actor, parsedInput, ctx.locale);
    revalidatePath("/admin/kunci-api");
    return { key: created.key, prefix: created.prefix, penyalurName: created.penyalurName, name: created.name };
  });
export const issueApiKeyAction = formAction(issueSafe);

const rotateSafe = clientFor("apiKey:manage")
  .metadata({ actionName: "apikeys.rotate" })
  .inputSchema(async () => formInput(rotateKeyInput(await messages())))
  .action(async ({ parsedInput, ctx }): Promise<ShownKey> => {
    const created = await rotateKey(ctx.actor, parsedInput);
    revalidatePath("/admin/kunci-api");
    return { key: created.key, prefix: created.prefix, penyalurName: created.penyalurName, name: created.name, oldExpiresAt: created.expiresAt };
  });
export const rotateApiKeyAction = formAction(rotateSafe);

const revokeSafe = clientFor("apiKey:manage")
  .metadata({ actionName: "apikeys.revoke" })
  .inputSchema(formInput(revokeKeyInput))
  .action(async ({ parsedInput, ctx }) => {
    await revokeKey(ctx.actor, parsedInput.id);
    revalidatePath("/admin/kunci-api");
    redirect("/admin/kunci-api?dicabut=1");
  });
export const revokeApiKeyAction = formAction(revokeSafe);
