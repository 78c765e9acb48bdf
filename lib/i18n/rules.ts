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
// next-intl's own createTranslator (next-intl re-exports use-intl/core), imported from the core
// so that this also loads outside Next: a plain Node script under the react-server condition (the
// seed, scripts/lib/activity.ts) cannot import the next-intl entry, which pulls in React hooks.
import { createTranslator } from "use-intl/core";
import { DEFAULT_TIME_ZONE, MESSAGES, type Locale } from "@/lib/i18n/config";
import { FORMATS } from "@/lib/i18n/formats";
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

const cache = new Map<string, RulesTranslator>();

/**
 * The `rules` translator for code outside a React request (same catalogue and formats as pages).
 * Built once per locale and zone: validation renders many messages.
 */
export function rulesTranslator(locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): RulesTranslator {
  const key = `${locale} ${timeZone}`;
  let t = cache.get(key);
  if (!t) {
    t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "rules", formats: FORMATS, timeZone });
    cache.set(key, t);
  }
  return t;
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
