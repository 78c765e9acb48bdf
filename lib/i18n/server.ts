import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from "@/lib/i18n/config";

export { LOCALE_COOKIE };

/** The visitor's language, from their cookie; Indonesian when unset or unknown. */
export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/**
 * @deprecated The old dictionary, kept only while pages move to next-intl (`getTranslations`).
 * Remove with lib/i18n/dictionaries.ts once nothing imports it.
 */
export async function getDictionary() {
  const { dictionaries } = await import("@/lib/i18n/dictionaries");
  const locale = await getLocale();
  return { locale, t: dictionaries[locale] };
}
