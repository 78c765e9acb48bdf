"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { clientFor, formAction, formInput } from "@/lib/action/client";
import { deliveryRef, endpointRef, saveWebhookInput } from "@/lib/webhooks/schema";
import { disableWebhook, resendDelivery, saveWebhook } from "@/lib/webhooks/mutations";

/** What the page shows once after saving: the new secret, never stored in a URL. */
export interface ShownSecret {
  penyalurName: string;
  secret: string | null;
}

const PAGE = "/admin/webhook";

const saveSafe = clientFor("webhook:manage")
  .metadata({ actionName: "webhook.save" })
  .inputSchema(async () => {
    const t = await getTranslations("h2h.webhook.errors");
    return formInput(saveWebhookInput((key) => t(key)));
  })
  .action(async ({ parsedInput, ctx }): Promise<ShownSecret> => {
    const saved = await saveWebhook(ctx.actor, parsedInput);
    revalidatePath(PAGE);
    return saved;
  });
export const saveWebhookAction = formAction(saveSafe);

const disableSafe = clientFor("webhook:manage")
  .metadata({ actionName: "webhook.disable" })
  .inputSchema(formInput(endpointRef))
  .action(async ({ parsedInput, ctx }) => {
    await disableWebhook(ctx.actor, parsedInput.id);
    revalidatePath(PAGE);
  });
export const disableWebhookAction = formAction(disableSafe);

const resendSafe = clientFor("webhook:manage")
  .metadata({ actionName: "webhook.resend" })
  .inputSchema(formInput(deliveryRef))
  .action(async ({ parsedInput, ctx }) => {
    await resendDelivery(ctx.actor, parsedInput.id);
    revalidatePath(PAGE);
  });
export const resendDeliveryAction = formAction(resendSafe);
