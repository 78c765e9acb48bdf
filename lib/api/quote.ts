/**
 * The quote itself: a valid request → the mandate decision and one month's contribution, using only
 * lib/rules. Pure: "today", the penyalur and its phase rules are parameters, so the same request and
 * context always give the same answer (and tests need no database or clock). The decision's words
 * come from the message catalogue in the language asked for (lib/i18n/rules.ts); its code and
 * parameters are returned with them, so a client may render its own text.
 */
import { contributionForMonth, evaluateMandate, type PhaseRule } from "@/lib/rules";
import type { Locale } from "@/lib/i18n/config";
import { ruleMessage, rulesTranslator } from "@/lib/i18n/rules";
import type { QuoteInput, QuoteResponse } from "@/lib/api/quote-schema";

export interface QuoteContext {
  /** The penyalur the API key belongs to: the only scope a quote is decided for. */
  penyalurId: string;
  /** Phase rules that can apply to that penyalur (lib/enrolment/data.ts phaseRulesFor). */
  phaseRules: readonly PhaseRule[];
}

export function quoteFor(input: QuoteInput, context: QuoteContext, locale: Locale = "id"): QuoteResponse {
  const decision = evaluateMandate({
    scheme: input.scheme,
    plafon: input.plafon,
    // The request's date, else the office's today (lib/api/quote-endpoint.ts).
    date: input.date,
    penyalurId: context.penyalurId,
    kanwilCode: input.kanwilCode,
    phaseRules: context.phaseRules,
  });
  const t = rulesTranslator(locale);
  const mandate = {
    status: decision.status,
    ruleId: decision.ruleId,
    ruleVersion: decision.ruleVersion,
    legalBasis: ruleMessage(t, decision.legalBasis),
    explanation: ruleMessage(t, decision.explanation),
    explanationCode: decision.explanation.code as QuoteResponse["mandate"]["explanationCode"],
    explanationParams: decision.explanation.params ?? {},
  };
  // KUR PMI belongs to the migrant-worker segment: nothing is owed through this BPU channel.
  if (decision.status === "OUT_OF_SCOPE") return { mandate, contribution: null };

  const c = contributionForMonth({
    declaredIncome: input.declaredIncome,
    jht: input.jht,
    sector: input.sector,
    month: input.month,
    fundedByBudget: input.fundedByBudget,
  });
  return {
    mandate,
    contribution: {
      month: c.month,
      tierBasis: c.tierBasis,
      jkk: c.jkk,
      jkm: c.jkm,
      jht: c.jht,
      discount: c.discount,
      reliefRuleId: c.reliefRuleId,
      total: c.total,
    },
  };
}
