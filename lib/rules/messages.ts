/**
 * The portal's two locales: Indonesian is the UI language, English the second (CONVENTIONS.md
 * "Habits"). Check functions return Indonesian by default and take a locale where a caller needs
 * English; parse results (`Check<T>`) carry both.
 */
export type Locale = "id" | "en";
