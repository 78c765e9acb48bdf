import type { Locale, Messages } from "@/lib/i18n/config";
import type { FORMATS } from "@/lib/i18n/formats";

// Typed message keys and formats: a key missing from messages/id.json fails the type check.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
    Formats: typeof FORMATS;
  }
}
