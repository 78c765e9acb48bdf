/**
 * Whether a KUR debtor must be enrolled in BPJS Ketenagakerjaan (docs/regulation.md §2; cover letter of
 * Permenko 1/2023, point 5):
 *
 * - KECIL: always mandatory (every KUR kecil is above Rp100 juta) — Pasal 26 ayat (8).
 * - KHUSUS: mandatory above Rp100 juta — Pasal 35 ayat (11); at or below, voluntary.
 * - SUPER_MIKRO, MIKRO: phased — Pasal 22 ayat (8). Mandatory ("required from DATE") where an
 *   administrator's phase rule covers the penyalur and/or Kanwil from a date; otherwise voluntary but
 *   encouraged.
 * - SUPER_MIKRO cites point 5 of the cover letter (Pasal 22 is the KUR mikro article).
 * - PMI: out of scope for this BPU channel: migrant workers are covered under Permenaker 4/2023.
 * - Before the first rule version is in force (2023-02-01), nothing is mandatory (MANDATE_NOT_IN_FORCE).
 *
 * The decision carries its rule id, rule version, legal basis and the inputs that mattered so that it
 * can be shown to the officer, the reviewer and an auditor, and replayed later. The explanation and
 * the legal basis are RuleIssues (./issues.ts): a code and parameters, rendered in the reader's
 * language by lib/i18n/rules.ts. Both are derived from the rule id and the recorded inputs alone
 * (`explainMandate`), so a stored decision is explained again at display time from what was stored.
 *
 * It never throws on a scheme/plafon combination: whether the plafon fits the scheme is checkPlafon's
 * job, reported on the form field; the mandate is decided on what was entered.
 */
import { formatDateId, isIsoDate } from "./dates";
import { issue, type RuleIssue } from "./issues";
import { formatRupiah } from "./money";
import type { KurScheme } from "./kur";
import {
  KHUSUS_MANDATORY_ABOVE,
  MANDATE_NOT_IN_FORCE_VERSION,
  MANDATE_RULE_IDS,
  MANDATE_RULE_VERSIONS,
  type MandateRuleId,
  type MandateRuleVersion,
} from "./data/mandate-rules";

export { MANDATE_RULE_VERSION, MANDATE_RULE_IDS, MANDATE_RULE_VERSIONS, MANDATE_NOT_IN_FORCE_VERSION } from "./data/mandate-rules";
export type { MandateRuleId, MandateRuleVersion } from "./data/mandate-rules";

/**
 * The mandate rule version in force on `date`, or null before the first one (Permenko 1/2023 in force
 * 2023-02-01: nothing was mandatory before). Versions need not be sorted.
 */
export function mandateRulesOn(date: string): MandateRuleVersion | null {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  let best: MandateRuleVersion | null = null;
  for (const v of MANDATE_RULE_VERSIONS) {
    if (v.validFrom <= date && (!best || v.validFrom > best.validFrom)) best = v;
  }
  return best;
}

export type MandateStatus = "MANDATORY" | "PHASED_REQUIRED" | "VOLUNTARY" | "OUT_OF_SCOPE";

export const MANDATE_STATUSES: readonly MandateStatus[] = ["MANDATORY", "PHASED_REQUIRED", "VOLUNTARY", "OUT_OF_SCOPE"];

/**
 * An administrator's phasing rule (prisma PhaseRule): from `startDate` to `endDate` (both included;
 * open-ended when absent), debtors of these phased schemes of this penyalur and Kanwil or province
 * must enrol. A null penyalurId, kanwilCode or provinceCode means "any"; absent `schemes` means both
 * phased schemes. A rule that decided an enrolment is never rewritten, only ended and replaced
 * (docs/decisions/0014-admin-data-and-audit.md), so `matchPhaseRule` on the table at a decision's
 * date still finds the rule that decided it.
 */
export interface PhaseRule {
  id: string;
  penyalurId: string | null;
  kanwilCode: string | null;
  startDate: string /*YYYY-MM-DD*/;
  /** The last day it applies (YYYY-MM-DD), or absent/null while it is in force. */
  endDate?: string | null;
  /** The phased schemes it covers; absent = SUPER_MIKRO and MIKRO. */
  schemes?: readonly KurScheme[] | null;
  /** The NIK province code of the Kantor Cabang serving the debtor; null = any. */
  provinceCode?: string | null;
  /** How the scope reads to a person, e.g. "BRI di Kanwil Jawa Barat"; the id is shown when absent. */
  scopeLabel?: string;
}

/** What a phase rule is matched on: the debtor's penyalur, scheme and serving Kantor Cabang's region. */
export interface PhaseRuleScope {
  penyalurId?: string | null;
  kanwilCode?: string | null;
  provinceCode?: string | null;
  /** Absent: any scheme (the rule's scheme list is not consulted). */
  scheme?: KurScheme | null;
}

export interface MandateInput {
  scheme: KurScheme;
  plafon: number;
  date: string /*decision date YYYY-MM-DD*/;
  penyalurId?: string | null;
  kanwilCode?: string | null;
  /** The serving Kantor Cabang's province (phase rules scoped to a province). */
  provinceCode?: string | null;
  phaseRules?: readonly PhaseRule[];
}

export interface MandateDecision {
  status: MandateStatus;
  ruleId: MandateRuleId;
  ruleVersion: string;
  /** `mandate.legalBasis` { ruleId }, e.g. "Permenko 1/2023 Pasal 26 ayat (8)". */
  legalBasis: RuleIssue;
  /** `mandate.<rule>` with the figures that mattered; the sentence ends with the legal basis. */
  explanation: RuleIssue;
  inputs: Record<string, string | number | boolean | null>;
  requiredFrom: string | null;
  blocksDisbursement: boolean;
}

/** Never throws: a plafon that is not a whole rupiah amount is quoted as typed. */
function rupiahText(plafon: number): string {
  return Number.isSafeInteger(plafon) ? formatRupiah(plafon) : `Rp${String(plafon)}`;
}

/**
 * The phase rule that applies on `date` to this penyalur/scheme/region, or null. Among several
 * matches the earliest start wins (the debtor has been required to enrol since then); ties break on
 * id so the choice is deterministic. The admin preview of a new rule (lib/admin/phase) counts
 * pending debtors with this same function.
 */
export function matchPhaseRule(rules: readonly PhaseRule[], scope: PhaseRuleScope, date: string): PhaseRule | null {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const penyalurId = scope.penyalurId ?? null;
  const kanwilCode = scope.kanwilCode ?? null;
  const provinceCode = scope.provinceCode ?? null;
  let best: PhaseRule | null = null;
  for (const rule of rules) {
    if (!isIsoDate(rule.startDate) || (rule.endDate != null && !isIsoDate(rule.endDate))) {
      // Phase rules are master data; a malformed one must be fixed, not silently skipped (that would
      // quietly downgrade a required enrolment to voluntary).
      throw new RangeError(`Phase rule ${rule.id} has a malformed period: ${JSON.stringify([rule.startDate, rule.endDate])}`);
    }
    if (rule.penyalurId !== null && rule.penyalurId !== penyalurId) continue;
    if (rule.kanwilCode !== null && rule.kanwilCode !== kanwilCode) continue;
    if (rule.provinceCode != null && rule.provinceCode !== provinceCode) continue;
    if (scope.scheme != null && rule.schemes != null && !rule.schemes.includes(scope.scheme)) continue;
    if (rule.startDate > date) continue;
    if (rule.endDate != null && rule.endDate < date) continue;
    if (
      best === null ||
      rule.startDate < best.startDate ||
      (rule.startDate === best.startDate && rule.id < best.id)
    ) {
      best = rule;
    }
  }
  return best;
}

export interface MandateExplanation {
  explanation: RuleIssue;
  legalBasis: RuleIssue;
}

function isMandateRuleId(value: unknown): value is MandateRuleId {
  return typeof value === "string" && (MANDATE_RULE_IDS as readonly string[]).includes(value);
}

/**
 * The explanation and legal basis of a decision, from its rule id and recorded inputs only (no
 * phase-rule table, no clock): what `evaluateMandate` returns, and what a stored decision is shown
 * with in the reader's language. null when the rule id is not one of this rule version's ids or
 * the inputs lack what the explanation quotes.
 *
 * Parameters: plafon (formatted rupiah), thresholdMillions (the Rp100 juta line, in millions),
 * scheme (code, for the phased rules), phase (the phase rule's scope label, else its id) and
 * startDate (DD/MM/YYYY).
 */
export function explainMandate(stored: { ruleId: string; inputs: Record<string, unknown> }): MandateExplanation | null {
  const { ruleId, inputs } = stored;
  if (!isMandateRuleId(ruleId)) return null;
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  // The scheme picks the article for the phased rules (super mikro is not Pasal 22, the mikro article).
  const legalBasis = issue("mandate.legalBasis", { ruleId, scheme: text(inputs.scheme) ?? "" });
  const plafon = typeof inputs.plafon === "number" ? rupiahText(inputs.plafon) : null;
  const threshold = typeof inputs.mandatoryAbove === "number" ? inputs.mandatoryAbove : KHUSUS_MANDATORY_ABOVE;
  const thresholdMillions = threshold / 1_000_000;
  switch (ruleId) {
    case "MANDATE_KECIL":
      return plafon === null ? null : { legalBasis, explanation: issue("mandate.kecil", { plafon, thresholdMillions }) };
    case "MANDATE_KHUSUS_ABOVE_100JT":
      return plafon === null ? null : { legalBasis, explanation: issue("mandate.khususAbove", { plafon, thresholdMillions }) };
    case "KHUSUS_VOLUNTARY":
      return plafon === null ? null : { legalBasis, explanation: issue("mandate.khususVoluntary", { plafon, thresholdMillions }) };
    case "PHASED_MATCHED": {
      const scheme = text(inputs.scheme);
      const phase = text(inputs.phaseRuleScopeLabel) ?? text(inputs.phaseRuleId);
      const start = text(inputs.phaseRuleStartDate);
      if (scheme === null || phase === null || start === null || !isIsoDate(start)) return null;
      return { legalBasis, explanation: issue("mandate.phasedMatched", { scheme, phase, startDate: formatDateId(start) }) };
    }
    case "PHASED_VOLUNTARY": {
      const scheme = text(inputs.scheme);
      return scheme === null ? null : { legalBasis, explanation: issue("mandate.phasedVoluntary", { scheme }) };
    }
    case "PMI_OUT_OF_SCOPE":
      return { legalBasis, explanation: issue("mandate.pmiOutOfScope") };
    case "MANDATE_NOT_IN_FORCE": {
      const date = text(inputs.date);
      const inForceFrom = text(inputs.inForceFrom);
      if (date === null || inForceFrom === null || !isIsoDate(date) || !isIsoDate(inForceFrom)) return null;
      return { legalBasis, explanation: issue("mandate.notInForce", { date: formatDateId(date), inForceFrom: formatDateId(inForceFrom) }) };
    }
  }
}

function decision(
  ruleVersion: string,
  ruleId: MandateRuleId,
  status: MandateStatus,
  inputs: MandateDecision["inputs"],
  requiredFrom: string | null = null,
): MandateDecision {
  const explained = explainMandate({ ruleId, inputs });
  // Unreachable: evaluateMandate records every input its rule's explanation quotes.
  if (!explained) throw new Error(`Mandate rule ${ruleId} cannot explain its own inputs`);
  return {
    status,
    ruleId,
    ruleVersion,
    legalBasis: explained.legalBasis,
    explanation: explained.explanation,
    inputs,
    requiredFrom,
    // docs/regulation.md §2: a mandatory debtor's loan may not be marked ready for disbursement until enrolled.
    blocksDisbursement: status === "MANDATORY" || status === "PHASED_REQUIRED",
  };
}

export function evaluateMandate(input: MandateInput): MandateDecision {
  const { scheme, plafon, date } = input;
  const rules = mandateRulesOn(date);
  if (!rules) {
    // PMI is outside this channel whatever the date; for the others no obligation existed yet.
    if (scheme === "PMI") return decision(MANDATE_NOT_IN_FORCE_VERSION, "PMI_OUT_OF_SCOPE", "OUT_OF_SCOPE", { scheme, plafon, date });
    const inForceFrom = MANDATE_RULE_VERSIONS.reduce((a, v) => (v.validFrom < a ? v.validFrom : a), MANDATE_RULE_VERSIONS[0]!.validFrom);
    return decision(MANDATE_NOT_IN_FORCE_VERSION, "MANDATE_NOT_IN_FORCE", "VOLUNTARY", { scheme, plafon, date, inForceFrom });
  }
  const decide = (ruleId: MandateRuleId, status: MandateStatus, inputs: MandateDecision["inputs"], requiredFrom: string | null = null) =>
    decision(rules.version, ruleId, status, inputs, requiredFrom);
  const mandatoryAbove = rules.khususMandatoryAbove;

  switch (scheme) {
    case "KECIL":
      return decide("MANDATE_KECIL", "MANDATORY", { scheme, plafon, date });

    case "KHUSUS":
      // `>` on a NaN plafon is false: an unusable amount is never made mandatory here; checkPlafon
      // already rejects it on the form.
      if (plafon > mandatoryAbove) {
        return decide("MANDATE_KHUSUS_ABOVE_100JT", "MANDATORY", { scheme, plafon, date, mandatoryAbove });
      }
      return decide("KHUSUS_VOLUNTARY", "VOLUNTARY", { scheme, plafon, date, mandatoryAbove });

    case "SUPER_MIKRO":
    case "MIKRO": {
      const rules = input.phaseRules ?? [];
      const scope = { penyalurId: input.penyalurId ?? null, kanwilCode: input.kanwilCode ?? null, provinceCode: input.provinceCode ?? null };
      const match = matchPhaseRule(rules, { ...scope, scheme }, date);
      const inputs = {
        scheme,
        plafon,
        date,
        penyalurId: scope.penyalurId,
        kanwilCode: scope.kanwilCode,
        ...(scope.provinceCode !== null ? { provinceCode: scope.provinceCode } : {}),
        phaseRulesConsidered: rules.length,
        phaseRuleId: match?.id ?? null,
      };
      if (match) {
        return decide(
          "PHASED_MATCHED",
          "PHASED_REQUIRED",
          { ...inputs, phaseRuleStartDate: match.startDate, phaseRuleScopeLabel: match.scopeLabel ?? null },
          match.startDate,
        );
      }
      return decide("PHASED_VOLUNTARY", "VOLUNTARY", inputs);
    }

    case "PMI":
      return decide("PMI_OUT_OF_SCOPE", "OUT_OF_SCOPE", { scheme, plafon, date });

    default: {
      // Unreachable for a KurScheme; guards callers that bypass the type (e.g. an unparsed form value).
      const unknown: never = scheme;
      throw new RangeError(`Unknown KUR scheme: ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Decides again from a stored decision's inputs (docs/regulation.md §2: "stored … so that it can be … replayed
 * later"). A matched phase rule is rebuilt from what the decision recorded about it, so the replay
 * does not depend on the PhaseRule table as it is today. Returns null when the inputs are not a
 * mandate decision's.
 */
export function replayMandate(inputs: Record<string, unknown>): MandateDecision | null {
  const { scheme, plafon, date } = inputs;
  if (typeof scheme !== "string" || typeof plafon !== "number" || typeof date !== "string") return null;
  if (!(["SUPER_MIKRO", "MIKRO", "KECIL", "KHUSUS", "PMI"] as const).includes(scheme as KurScheme)) return null;
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  const phaseRules: PhaseRule[] =
    text(inputs.phaseRuleId) && text(inputs.phaseRuleStartDate)
      ? [
          {
            id: text(inputs.phaseRuleId)!,
            penyalurId: text(inputs.penyalurId),
            kanwilCode: text(inputs.kanwilCode),
            startDate: text(inputs.phaseRuleStartDate)!,
            scopeLabel: text(inputs.phaseRuleScopeLabel) ?? undefined,
          },
        ]
      : [];
  return evaluateMandate({
    scheme: scheme as KurScheme,
    plafon,
    date,
    penyalurId: text(inputs.penyalurId),
    kanwilCode: text(inputs.kanwilCode),
    provinceCode: text(inputs.provinceCode),
    phaseRules,
  });
}
