"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { clientFor, formAction, formInput } from "@/lib/action/client";
import { logUnexpected } from "@/lib/log";
import { configuredChannels } from "@/lib/notify/channels";
import { deliverDebtorMessage, requestDebtorMessage } from "@/lib/notify/mutations";
import { DebtorMessageRequest } from "@/lib/notify/schema";

/**
 * Sends a debtor an arrears reminder (/tunggakan) or the billing instruction (the enrolment record),
 * on the one action pipeline; once a day per kind. The answer says by which channels it went.
 */
const sendDebtorMessageSafe = clientFor("debtor:notify")
  .metadata({ actionName: "notify.sendToDebtor" })
  .inputSchema(formInput(DebtorMessageRequest))
  .action(async ({ parsedInput, ctx }): Promise<{ message: string }> => {
    const now = new Date();
    const { messageIds, alreadySent } = await requestDebtorMessage(ctx.actor, parsedInput, now);
    const t = await getTranslations("notify.ui");
    if (alreadySent) return { message: t("alreadySent") };
    const channels = configuredChannels();
    let sent = 0;
    for (const id of messageIds) {
      // A failure stays in the outbox with its error; the person is told how many went.
      await deliverDebtorMessage(id, channels, now).then(
        (outcome) => void (outcome === "SENT" && sent++),
        (error) => void logUnexpected(error, { action: "notify.sendToDebtor", messageId: id }),
      );
    }
    revalidatePath("/tunggakan");
    revalidatePath(`/pendaftaran/${parsedInput.enrolmentId}`);
    return { message: sent ? t("sent", { count: sent }) : t("notSent") };
  });

export const sendDebtorMessageAction = formAction(sendDebtorMessageSafe);
