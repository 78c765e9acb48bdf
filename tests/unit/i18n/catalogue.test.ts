import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import id from "@/messages/id.json";
import en from "@/messages/en.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const catalogues = { id: leaves(id as Tree), en: leaves(en as Tree) };

describe("message catalogue: messages/id.json and messages/en.json", () => {
  it("every key in Indonesian exists in English", () => {
    const missing = [...catalogues.id.keys()].filter((k) => !catalogues.en.has(k));
    expect(missing).toEqual([]);
  });

  it("every key in English exists in Indonesian", () => {
    const missing = [...catalogues.en.keys()].filter((k) => !catalogues.id.has(k));
    expect(missing).toEqual([]);
  });

  it("no message is empty", () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      const empty = [...messages].filter(([, v]) => !v.trim()).map(([k]) => k);
      expect(empty, locale).toEqual([]);
    }
  });

  it("every message is valid ICU and both languages use the same placeholders", () => {
    const argsOf = (message: string, locale: string) => {
      const ast = new IntlMessageFormat(message, locale).getAst();
      const names = new Set<string>();
      const walk = (nodes: typeof ast) => {
        for (const node of nodes) {
          if ("value" in node && node.type !== 0 && typeof node.value === "string") names.add(node.value);
          if ("options" in node) for (const option of Object.values(node.options)) walk(option.value);
          if ("children" in node) walk(node.children);
        }
      };
      walk(ast);
      return [...names].sort();
    };
    const differing: string[] = [];
    for (const [key, idMessage] of catalogues.id) {
      const enMessage = catalogues.en.get(key);
      if (enMessage === undefined) continue;
      if (JSON.stringify(argsOf(idMessage, "id")) !== JSON.stringify(argsOf(enMessage, "en"))) differing.push(key);
    }
    expect(differing).toEqual([]);
  });
});
