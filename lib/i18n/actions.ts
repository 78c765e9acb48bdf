"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionClient, formInput } from "@/lib/action/client";
import { LOCALES } from "@/lib/i18n/config";
import { LOCALE_COOKIE } from "@/lib/i18n/server";

/** Switches the UI language. Public, harmless: it only sets the visitor's own cookie. */
const setLocaleSafe = actionClient
  .metadata({ actionName: "locale.set" })
  .inputSchema(formInput(z.object({ locale: z.enum(LOCALES) })))
  .action(async ({ parsedInput }) => {
    (await cookies()).set(LOCALE_COOKIE, parsedInput.locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
    revalidatePath("/", "layout");
  });

export async function setLocaleAction(formData: FormData): Promise<void> {
  await setLocaleSafe(formData);
}
