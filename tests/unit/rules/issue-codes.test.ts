import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import id from "@/messages/id.json";
import en from "@/messages/en.json";
import { RULE_ISSUE_CODES } from "@/lib/rules";
import { ruleMessage, rulesTranslator } from "@/lib/i18n/rules";

type Tree = { [key: string]: string | Tree };

/** The message at a dotted path, or undefined when it is missing or not a single message. */
function at(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

function leaves(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
}

const CATALOGUES = { id: id as unknown as Tree, en: en as unknown as Tree };

describe("every rule issue code has its words (lib/rules/issues.ts ↔ messages/*.json rules.*)", () => {
  it.each(Object.entries(CATALOGUES))("every RuleIssueCode has a valid ICU message under rules.<code> in %s", (locale, catalogue) => {
    const missing = RULE_ISSUE_CODES.filter((code) => at(catalogue, `rules.${code}`) === undefined);
    expect(missing).toEqual([]);
    for (const code of RULE_ISSUE_CODES) {
      expect(() => new IntlMessageFormat(at(catalogue, `rules.${code}`)!, locale), code).not.toThrow();
    }
  });

  it.each(Object.entries(CATALOGUES))("the %s rules namespace holds no message without a code (nothing stale)", (_locale, catalogue) => {
    const codes = new Set<string>(RULE_ISSUE_CODES);
    expect(leaves(catalogue.rules as Tree).filter((key) => !codes.has(key))).toEqual([]);
  });

  it.each(["id", "en"] as const)("every code renders to text in %s (never its key), whatever plain parameters it gets", (locale) => {
    const t = rulesTranslator(locale);
    const params = { province: "99", min: 17, max: 100, expected: "17/08/1985", sex: "L", threshold: "Rp50.000.000", code: "04111", division: "04" };
    const more = { scheme: "MIKRO", above: "Rp1", purpose: "INVESTMENT", cap: 2, years: 0, months: 6, startedOn: "01/01/2026", sector: "TRADE" };
    const rest = { prior: 2, plafon: "Rp1", thresholdMillions: 100, phase: "P", startDate: "01/07/2026", ruleId: "MANDATE_KECIL", approval: "PENDING", firstMonth: "UNPAID" };
    const added = { date: "31/01/2023", inForceFrom: "01/02/2023", regency: "99", district: "99", outstanding: "Rp1", room: "Rp1", workers: 2, ayat: "4a" };
    for (const code of RULE_ISSUE_CODES) {
      const text = ruleMessage(t, { code, params: { ...params, ...more, ...rest, ...added } });
      expect(text, code).not.toContain(code);
      expect(text, code).not.toMatch(/[{}<>]/);
    }
  });

  it("codes are unique", () => {
    expect(new Set(RULE_ISSUE_CODES).size).toBe(RULE_ISSUE_CODES.length);
  });
});
