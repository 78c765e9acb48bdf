import { describe, expect, it } from "vitest";
import { quoteLocale } from "@/lib/api/language";

describe("the quote API answers in the language the request prefers (Accept-Language, RFC 9110 §12.5.4)", () => {
  it.each([
    [null, "id"],
    ["", "id"],
    ["en", "en"],
    ["en-US", "en"],
    ["EN-gb,en;q=0.9", "en"],
    ["id", "id"],
    ["id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7", "id"],
    ["in", "id"], // the legacy code for Indonesian
    ["en;q=0.5, id;q=0.8", "id"],
    ["id;q=0.5, en;q=0.8", "en"],
    ["fr-FR, de;q=0.9", "id"], // neither language asked for: Indonesian, the portal's first language
    ["fr, en;q=0.3", "en"],
    ["en;q=0", "id"], // q=0: "not English"
    ["*", "id"],
    ["en, id", "en"], // equally preferred: the first one
    ["garbage;;;q=x", "id"],
  ] as const)("%j → %s", (header, locale) => {
    expect(quoteLocale(header)).toBe(locale);
  });
});
