"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { clientFor, formAction, formInput } from "@/lib/action/client";
import { ENTITY_SEGMENTS, masterDataInput, retireInput } from "@/lib/admin/masterdata/schema";
import { retireMasterData, saveMasterData } from "@/lib/admin/masterdata/mutations";

/** Creates or edits a Kanwil, Kantor Cabang, penyalur, office or province (/admin/data/...). */
const saveMasterDataSafe = clientFor("masterData:manage")
  .metadata({ actionName: "masterdata.save" })
  .inputSchema(async () => {
    const t = await getTranslations("adminData.master.errors");
    return formInput(masterDataInput((key) => t(key)));
  })
  .action(async ({ parsedInput, ctx }) => {
    await saveMasterData(ctx.actor, parsedInput, ctx.locale);
    const path = `/admin/data/${ENTITY_SEGMENTS[parsedInput.entity]}`;
    revalidatePath(path);
    revalidatePath("/dasbor");
    redirect(`${path}?tersimpan=1`);
  });
export const saveMasterDataAction = formAction(saveMasterDataSafe);

/** Retires a record (or brings it back); never deletes one. */
const retireMasterDataSafe = clientFor("masterData:manage")
  .metadata({ actionName: "masterdata.retire" })
  .inputSchema(formInput(retireInput))
  .action(async ({ parsedInput, ctx }) => {
    await retireMasterData(ctx.actor, parsedInput);
    const path = `/admin/data/${ENTITY_SEGMENTS[parsedInput.entity]}`;
    revalidatePath(path);
    redirect(`${path}?tersimpan=1`);
  });
export const retireMasterDataAction = formAction(retireMasterDataSafe);
