import { getRequestConfig } from "next-intl/server";
import { currentActor } from "@/lib/auth/session";
import { DEFAULT_TIME_ZONE, MESSAGES } from "@/lib/i18n/config";
import { FORMATS } from "@/lib/i18n/formats";
import { getLocale } from "@/lib/i18n/server";

/**
 * next-intl's per-request configuration. No locale in the URL: the language is the visitor's cookie
 * (Indonesian by default) and dates are shown in the signed-in user's office zone.
 */
export default getRequestConfig(async () => {
  const locale = await getLocale();
  const actor = await currentActor();
  return { locale, messages: MESSAGES[locale], formats: FORMATS, timeZone: actor?.timeZone ?? DEFAULT_TIME_ZONE };
});
