"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { clientFor, formAction } from "@/lib/action/client";
import { fieldError } from "@/lib/action/errors";
import { getTranslations } from "next-intl/server";
import { startTrackedJob } from "@/lib/jobs";
import { settlementImportJob } from "@/lib/payments/jobs";
import { storeSettlementFile } from "@/lib/payments/mutations/settlement";
import { SETTLEMENT_MAX_BYTES } from "@/lib/payments/settlement";

/** The upload form: the channel and the file (formInput drops files, so the two are read here). */
const UploadInput = z.preprocess(
  (input) => (input instanceof FormData ? { channelKeyId: input.get("channelKeyId"), file: input.get("file") } : input),
  z.object({ channelKeyId: z.string(), file: z.unknown() }),
);

/**
 * Uploads a channel's settlement file (head office) and starts its import as a tracked job; the page
 * of the import then shows the progress and, once done, the reconciliation (docs/decisions/0021 §1).
 * The same file again opens the first import.
 */
const uploadSettlementSafe = clientFor("settlement:import")
  .metadata({ actionName: "settlement.upload" })
  .inputSchema(UploadInput)
  .action(async ({ parsedInput, ctx }) => {
    const t = await getTranslations("settlement.errors");
    const file = parsedInput.file;
    if (!z.uuid().safeParse(parsedInput.channelKeyId).success) throw fieldError({ channelKeyId: [t("channel")] });
    if (!(file instanceof File) || file.size === 0) throw fieldError({ file: [t("file")] });
    if (file.size > SETTLEMENT_MAX_BYTES) throw fieldError({ file: [t("tooLarge")] });
    const stored = await storeSettlementFile(ctx.actor, { channelKeyId: parsedInput.channelKeyId, fileName: file.name, content: await file.text() });
    if (stored.existing) redirect(`/settlement/${stored.importId}`);
    const runId = await startTrackedJob(settlementImportJob, { importId: stored.importId }, { ownerUserId: ctx.actor.id, label: file.name });
    redirect(`/settlement/${stored.importId}?run=${runId}`);
  });

export const uploadSettlementAction = formAction(uploadSettlementSafe);
