/**
 * The catalogue (messages/*.json) for the dashboard's pure code: tables, durations and export
 * headings are built the same way for the page, the export route and the bench, none of which
 * runs them inside a React tree. One translator per language, built once.
 */
import { translator, type Translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/config";

const built = new Map<Locale, Translator>();

export function textFor(locale: Locale): Translator {
  let t = built.get(locale);
  if (!t) built.set(locale, (t = translator(locale)));
  return t;
}
