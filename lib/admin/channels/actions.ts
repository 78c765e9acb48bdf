"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { clientFor, formAction, formInput } from "@/lib/action/client";
import { channelIdInput, issueChannelInput } from "@/lib/admin/channels/schema";
import { issueChannelKey, revokeChannelKey, rotateChannelKey, type ShownChannelKey } from "@/lib/admin/channels/mutations";

const PAGE = "/admin/kanal-pembayaran";

const messages = async () => {
  const t = await getTranslations("adminData.channels.errors");
  return (key: Parameters<typeof t>[0]) => t(key);
};

/** Issues a channel's key; the answer carries the key and the signing secret once (no redirect: in no URL or history). */
const issueSafe = clientFor("paymentChannel:manage")
  .metadata({ actionName: "paymentchannels.issue" })
  .inputSchema(async () => formInput(issueChannelInput(await messages())))
  .action(async ({ parsedInput, ctx }): Promise<ShownChannelKey> => {
    const shown = await issueChannelKey(ctx.actor, parsedInput, ctx.locale);
    revalidatePath(PAGE);
    return shown;
  });
export const issueChannelKeyAction = formAction(issueSafe);

const rotateSafe = clientFor("paymentChannel:manage")
  .metadata({ actionName: "paymentchannels.rotate" })
  .inputSchema(formInput(channelIdInput))
  .action(async ({ parsedInput, ctx }): Promise<ShownChannelKey> => {
    const shown = await rotateChannelKey(ctx.actor, parsedInput.id);
    revalidatePath(PAGE);
    return shown;
  });
export const rotateChannelKeyAction = formAction(rotateSafe);

const revokeSafe = clientFor("paymentChannel:manage")
  .metadata({ actionName: "paymentchannels.revoke" })
  .inputSchema(formInput(channelIdInput))
  .action(async ({ parsedInput, ctx }) => {
    await revokeChannelKey(ctx.actor, parsedInput.id);
    revalidatePath(PAGE);
    redirect(`${PAGE}?dicabut=1`);
  });
export const revokeChannelKeyAction = formAction(revokeSafe);
