"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { clientFor, formAction, formInput } from "@/lib/action/client";
import { getTranslations } from "next-intl/server";
import { targetInput } from "@/lib/dashboard/schema";
import { setTarget } from "@/lib/dashboard/mutations";

/** Sets a yearly target (/admin/target): administrators only, audited in the same transaction. */
const setTargetSafe = clientFor("target:manage")
  .metadata({ actionName: "target.set" })
  .inputSchema(async () => {
    const t = await getTranslations("targets.errors");
    return formInput(targetInput((key, params) => t(key, params)));
  })
  .action(async ({ parsedInput, ctx }) => {
    await setTarget(ctx.actor, parsedInput, ctx.locale);
    revalidatePath("/admin/target");
    revalidatePath("/dasbor");
    redirect(`/admin/target?tahun=${parsedInput.year}&tersimpan=1`);
  });

export const setTargetAction = formAction(setTargetSafe);
