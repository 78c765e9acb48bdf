/**
 * Rule results in words. lib/rules returns codes and parameters (`RuleIssue`, lib/rules/issues.ts);
 * the sentences are in the catalogue under `rules.<code>`. This is the one place that turns an
 * issue into text, on the server and in the browser alike (pure: no server-only imports):
 *
 *   const t = await getTranslations("rules");   // server component or action
 *   const t = useTranslations("rules");         // client component
 *   const t = rulesTranslator(locale);          // route handler, file builder, mutation, test
 *   ruleMessage(t, issue)
 *
 * Enum parameters (scheme, purpose, sector, sex, rule id, …) are codes; the messages choose the
 * words with ICU `select`, so a caller never translates a parameter first.
 */
import { DEFAULT_TIME_ZONE, type Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { explainMandate, type RuleIssue, type RuleIssueCode } from "@/lib/rules";

/**
 * A translator for the `rules` namespace (getTranslations("rules"), useTranslations("rules") or
 * rulesTranslator(locale)). Written structurally so that every RuleIssueCode must be a key of the
 * namespace: a code without a message fails the type check where a translator is passed in.
 */
export type RulesTranslator = (key: RuleIssueCode, values?: Record<string, string | number>) => string;

export function ruleMessage(t: RulesTranslator, issue: RuleIssue): string {
  return t(issue.code, issue.params);
}

/**
 * The `rules` translator for code outside a React request (same catalogue and formats as pages):
 * the shared one of lib/i18n/translator.ts, read under `rules.`.
 */
export function rulesTranslator(locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): RulesTranslator {
  const t = translator(locale, timeZone);
  return (key, values) => t(`rules.${key}` as never, values as never);
}

/**
 * The audit record of a rule's words: Indonesian, the portal's language of record. Stored decisions
 * keep this sentence (Enrolment.mandateExplanation, mandateLegalBasis) next to the rule id, version
 * and inputs; screens render from the code in the reader's language (`storedMandateText`).
 */
export function auditText(issue: RuleIssue): string {
  return ruleMessage(AUDIT, issue);
}
const AUDIT = rulesTranslator("id");

/**
 * A stored mandate decision in the reader's language: rendered again from its rule id and recorded
 * inputs (lib/rules explainMandate). A decision this rule version cannot explain (an unknown rule id
 * or incomplete inputs) is shown with its stored audit text rather than guessed.
 */
export function storedMandateText(
  t: RulesTranslator,
  stored: { ruleId: string; inputs: Record<string, unknown>; explanation: string; legalBasis: string },
): { explanation: string; legalBasis: string } {
  const explained = explainMandate(stored);
  if (!explained) return { explanation: stored.explanation, legalBasis: stored.legalBasis };
  return { explanation: ruleMessage(t, explained.explanation), legalBasis: ruleMessage(t, explained.legalBasis) };
}
