/**
 * The language of a quote's words, from the request's Accept-Language (RFC 9110 §12.5.4): the
 * preferred of the portal's two languages, Indonesian when neither is asked for (or the header is
 * absent or unreadable). "in" is the legacy code for Indonesian. Pure.
 */
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";

export function quoteLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  let best: { locale: Locale; q: number } | null = null;
  for (const part of acceptLanguage.split(",")) {
    const [tag = "", ...parameters] = part.trim().split(";");
    const primary = tag.trim().toLowerCase().split("-")[0];
    const locale: Locale | null = primary === "en" ? "en" : primary === "id" || primary === "in" ? "id" : null;
    if (!locale) continue;
    let q = 1;
    for (const p of parameters) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p);
      if (m) q = Number(m[1]);
    }
    // The first of equally preferred languages wins; q=0 means "not this one".
    if (q > 0 && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}
