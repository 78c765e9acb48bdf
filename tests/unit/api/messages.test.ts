import { describe, expect, it } from "vitest";
import id from "@/messages/id.json";
import { apiTranslator } from "@/lib/api/messages";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
}

const PARAMS = { label: "L", expected: "E", values: "A, B", month: "07/2015", codes: "C", fields: "F", max: "16384", errorId: "9F2C41AB", date: "01/07/2015", seconds: "42", reference: "TRX-1", amounts: "Rp16.800 (1, 12/2026)" };

describe("the API's own messages (catalogue namespace api)", () => {
  it.each(["id", "en"] as const)("every %s message renders as text, never falling back to its key", (locale) => {
    const t = apiTranslator(locale) as unknown as (key: string, values?: Record<string, string>) => string;
    for (const key of leaves((id as unknown as { api: Tree }).api)) {
      const text = t(key, PARAMS);
      expect(text, key).not.toContain("api.");
      expect(text, key).not.toBe(key);
      expect(text, key).not.toMatch(/[{}]\w/);
    }
  });

  it("quotes the literal characters ICU would read as syntax", () => {
    expect(apiTranslator("id")("error.keyRequired")).toBe("Kunci API diperlukan: kirim header Authorization: Bearer <kunci API>.");
    expect(apiTranslator("en")("error.keyRequired")).toBe("An API key is required: send the header Authorization: Bearer <API key>.");
    expect(apiTranslator("id")("error.bodyEmpty")).toBe('Badan permintaan kosong: kirim objek JSON, mis. {"scheme": "KECIL", …}.');
    expect(apiTranslator("id")("error.bodyNotObject")).toBe("Badan permintaan harus berupa objek JSON ({ … }), bukan larik, teks atau null.");
  });
});
