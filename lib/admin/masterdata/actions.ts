"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { clientFor, formAction, formInput } from "@/lib/action/client";
import { ENTITY_SEGMENTS, masterDataInput, retireInput, type MasterEntity } from "@/lib/admin/masterdata/schema";
import { retireMasterData, saveMasterData } from "@/lib/admin/masterdata/mutations";

/** Back to the list, saved; regencies to their province's list (the code starts with it). */
function savedPath(entity: MasterEntity, key: string | undefined): string {
  const province = entity === "regency" && key ? `provinsi=${key.slice(0, 2)}&` : "";
  return `/admin/data/${ENTITY_SEGMENTS[entity]}?${province}tersimpan=1`;
}

/** Creates or edits a Kanwil, Kantor Cabang, penyalur, office, province or regency (/admin/data/...). */
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
    redirect(savedPath(parsedInput.entity, parsedInput.entity === "regency" ? (parsedInput.id ?? parsedInput.code) : undefined));
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
    redirect(savedPath(parsedInput.entity, parsedInput.id));
  });
export const retireMasterDataAction = formAction(retireMasterDataSafe);
