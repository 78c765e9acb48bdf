"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { clientFor, formAction, formInput } from "@/lib/action/client";
import { requestDebtorMessage, setDebtorOptOut } from "@/lib/notify/mutations";
import { DebtorMessageRequest, OptOutRequest } from "@/lib/notify/schema";

/**
 * Sends a debtor an arrears reminder (/tunggakan) or the billing instruction (the enrolment record),
 * on the one action pipeline; once a day per kind. The answer says by which channels it went.
 */
const sendDebtorMessageSafe = clientFor("debtor:notify")
  .metadata({ actionName: "notify.sendToDebtor" })
  .inputSchema(formInput(DebtorMessageRequest))
  .action(async ({ parsedInput, ctx }): Promise<{ message: string }> => {
    const { messageIds, alreadySent } = await requestDebtorMessage(ctx.actor, parsedInput, new Date());
    const t = await getTranslations("notify.ui");
    if (alreadySent) return { message: t("alreadySent") };
    revalidatePath("/tunggakan");
    revalidatePath(`/pendaftaran/${parsedInput.enrolmentId}`);
    // Delivered by the outbox's job (lib/notify/jobs.ts): the list shows it as waiting, then sent.
    return { message: messageIds.length ? t("queued", { count: messageIds.length }) : t("notQueued") };
  });

export const sendDebtorMessageAction = formAction(sendDebtorMessageSafe);

/** Stops or resumes the debtor's messages on one channel, from the record or the reviewer's page (docs/decisions/0025 §5). */
const setOptOutSafe = clientFor("debtor:optOut")
  .metadata({ actionName: "notify.setOptOut" })
  .inputSchema(formInput(OptOutRequest))
  .action(async ({ parsedInput, ctx }): Promise<{ message: string }> => {
    await setDebtorOptOut(ctx.actor, parsedInput, new Date());
    const t = await getTranslations("notify.optOut");
    revalidatePath(`/pendaftaran/${parsedInput.enrolmentId}`);
    revalidatePath(`/tinjauan/${parsedInput.enrolmentId}`);
    return { message: parsedInput.optOut ? t("stopped") : t("resumed") };
  });

export const setOptOutAction = formAction(setOptOutSafe);
