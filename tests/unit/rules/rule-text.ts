/**
 * Rule results are codes and parameters (lib/rules/issues.ts); the tests keep proving the words by
 * rendering them through the one catalogue, exactly as the portal does (lib/i18n/rules.ts).
 */
import { expect } from "vitest";
import { ruleMessage, rulesTranslator } from "@/lib/i18n/rules";
import type { RuleIssue, RuleIssueCode } from "@/lib/rules";

const ID = rulesTranslator("id");
const EN = rulesTranslator("en");

export function idText(issue: RuleIssue): string {
  return ruleMessage(ID, issue);
}

export function enText(issue: RuleIssue): string {
  return ruleMessage(EN, issue);
}

/**
 * The issue has this code and renders to exactly this Indonesian sentence; its English is a real,
 * different sentence with every parameter filled in.
 */
export function expectIssue(issue: RuleIssue | null | undefined, code: RuleIssueCode, indonesian: string): void {
  expect(issue, `expected ${code}`).toBeTruthy();
  expect(issue!.code).toBe(code);
  expect(idText(issue!)).toBe(indonesian);
  const english = enText(issue!);
  expect(english.trim()).not.toBe("");
  expect(english).not.toBe(indonesian);
  expect(english).not.toMatch(/[{}]/);
}
