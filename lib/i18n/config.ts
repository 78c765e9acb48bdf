/**
 * The portal's two languages (Indonesian first, English second) and where their text lives:
 * `messages/id.json` and `messages/en.json`, one catalogue for pages, components, actions, zod
 * messages, rule explanations, exports and the certificate. Client-safe: no server imports.
 */
import id from "@/messages/id.json";
import en from "@/messages/en.json";

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";
/** The cookie that keeps a visitor's language (set by lib/i18n/actions.ts). */
export const LOCALE_COOKIE = "lang";
/** Dates are shown in the office's zone; visitors without an office see WIB, the capital's zone. */
export const DEFAULT_TIME_ZONE = "Asia/Jakarta";

export type Messages = typeof id;
export const MESSAGES: Record<Locale, Messages> = { id, en: en as Messages };

export function isLocale(value: unknown): value is Locale {
  return value === "id" || value === "en";
}
