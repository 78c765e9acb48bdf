import { setLocaleAction } from "@/lib/i18n/actions";
import { LOCALES, type Locale } from "@/lib/i18n/config";

/** One button that switches to the other language; `label` names that language in itself. */
export function LanguageSwitch({ locale, label }: { locale: Locale; label: string }) {
  const other = LOCALES.find((l) => l !== locale) ?? locale;
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" lang={other} className="rounded px-2 py-1 text-sm underline underline-offset-2 hover:bg-white/10">
        {label}
      </button>
    </form>
  );
}
