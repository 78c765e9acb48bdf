/**
 * Whether a KUR debtor must be enrolled in BPJS Ketenagakerjaan (RULES.md §2; cover letter of
 * Permenko 1/2023, point 5):
 *
 * - KECIL: always mandatory (every KUR kecil is above Rp100 juta) — Pasal 26 ayat (8).
 * - KHUSUS: mandatory above Rp100 juta — Pasal 35 ayat (11); at or below, voluntary.
 * - SUPER_MIKRO, MIKRO: phased — Pasal 22 ayat (8). Mandatory ("required from DATE") where an
 *   administrator's phase rule covers the penyalur and/or Kanwil from a date; otherwise voluntary but
 *   encouraged.
 * - PMI: out of scope for this BPU channel (migrant-worker segment).
 *
 * The decision carries its rule id, rule version, legal basis and the inputs that mattered so that it
 * can be shown to the officer, the reviewer and an auditor, and replayed later.
 *
 * It never throws on a scheme/plafon combination: whether the plafon fits the scheme is checkPlafon's
 * job, reported on the form field; the mandate is decided on what was entered.
 */
import { formatDateId, isIsoDate } from "./dates";
import { formatRupiah, formatRupiahShort } from "./money";
import type { KurScheme } from "./kur";
import { SCHEME_LABELS } from "./kur";
import {
  KHUSUS_MANDATORY_ABOVE,
  MANDATE_LEGAL_BASIS,
  MANDATE_LEGAL_BASIS_EN,
  MANDATE_RULE_VERSION,
  type MandateRuleId,
} from "./data/mandate-rules";

export { MANDATE_RULE_VERSION, MANDATE_RULE_IDS, MANDATE_LEGAL_BASIS, MANDATE_LEGAL_BASIS_EN } from "./data/mandate-rules";
export type { MandateRuleId } from "./data/mandate-rules";

export type MandateStatus = "MANDATORY" | "PHASED_REQUIRED" | "VOLUNTARY" | "OUT_OF_SCOPE";

export const MANDATE_STATUSES: readonly MandateStatus[] = ["MANDATORY", "PHASED_REQUIRED", "VOLUNTARY", "OUT_OF_SCOPE"];

export const MANDATE_LABELS: Record<MandateStatus, string> = {
  MANDATORY: "Wajib",
  PHASED_REQUIRED: "Wajib bertahap",
  VOLUNTARY: "Sukarela",
  OUT_OF_SCOPE: "Di luar cakupan",
};

export const MANDATE_LABELS_EN: Record<MandateStatus, string> = {
  MANDATORY: "Mandatory",
  PHASED_REQUIRED: "Mandatory (phased)",
  VOLUNTARY: "Voluntary",
  OUT_OF_SCOPE: "Out of scope",
};

/**
 * An administrator's phasing rule: from `startDate`, phased (super mikro / mikro) debtors of this
 * penyalur and/or Kanwil must enrol. A null penyalurId or kanwilCode means "any".
 */
export interface PhaseRule {
  id: string;
  penyalurId: string | null;
  kanwilCode: string | null;
  startDate: string /*YYYY-MM-DD*/;
  /** How the scope reads to a person, e.g. "BRI di Kanwil Jawa Barat"; the id is shown when absent. */
  scopeLabel?: string;
}

export interface MandateInput {
  scheme: KurScheme;
  plafon: number;
  date: string /*decision date YYYY-MM-DD*/;
  penyalurId?: string | null;
  kanwilCode?: string | null;
  phaseRules?: readonly PhaseRule[];
}

export interface MandateDecision {
  status: MandateStatus;
  ruleId: string;
  ruleVersion: string;
  legalBasis: string;
  explanation: string;
  explanationEn: string;
  inputs: Record<string, string | number | boolean | null>;
  requiredFrom: string | null;
  blocksDisbursement: boolean;
}

/** Never throws: a plafon that is not a whole rupiah amount is quoted as typed. */
function rupiahText(plafon: number): string {
  return Number.isSafeInteger(plafon) ? formatRupiah(plafon) : `Rp${String(plafon)}`;
}

/**
 * The phase rule that applies on `date` to this penyalur/Kanwil, or null. Among several matches the
 * earliest start wins (the debtor has been required to enrol since then); ties break on id so the
 * choice is deterministic.
 */
export function matchPhaseRule(
  rules: readonly PhaseRule[],
  scope: { penyalurId?: string | null; kanwilCode?: string | null },
  date: string,
): PhaseRule | null {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const penyalurId = scope.penyalurId ?? null;
  const kanwilCode = scope.kanwilCode ?? null;
  let best: PhaseRule | null = null;
  for (const rule of rules) {
    if (!isIsoDate(rule.startDate)) {
      // Phase rules are master data; a malformed one must be fixed, not silently skipped (that would
      // quietly downgrade a required enrolment to voluntary).
      throw new RangeError(`Phase rule ${rule.id} has a malformed startDate: ${JSON.stringify(rule.startDate)}`);
    }
    if (rule.penyalurId !== null && rule.penyalurId !== penyalurId) continue;
    if (rule.kanwilCode !== null && rule.kanwilCode !== kanwilCode) continue;
    if (rule.startDate > date) continue;
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

function decision(
  ruleId: MandateRuleId,
  status: MandateStatus,
  explanation: string,
  explanationEn: string,
  inputs: MandateDecision["inputs"],
  requiredFrom: string | null = null,
): MandateDecision {
  return {
    status,
    ruleId,
    ruleVersion: MANDATE_RULE_VERSION,
    legalBasis: MANDATE_LEGAL_BASIS[ruleId],
    explanation: `${explanation} — ${MANDATE_LEGAL_BASIS[ruleId]}.`,
    explanationEn: `${explanationEn} — ${MANDATE_LEGAL_BASIS_EN[ruleId]}.`,
    inputs,
    requiredFrom,
    // RULES.md §2: a mandatory debtor's loan may not be marked ready for disbursement until enrolled.
    blocksDisbursement: status === "MANDATORY" || status === "PHASED_REQUIRED",
  };
}

export function evaluateMandate(input: MandateInput): MandateDecision {
  const { scheme, plafon, date } = input;
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const label = SCHEME_LABELS[scheme];
  const amount = rupiahText(plafon);
  const threshold = formatRupiahShort(KHUSUS_MANDATORY_ABOVE);
  const thresholdEn = formatRupiahShort(KHUSUS_MANDATORY_ABOVE, "en");

  switch (scheme) {
    case "KECIL":
      return decision(
        "MANDATE_KECIL",
        "MANDATORY",
        `Wajib: ${label} dengan plafon ${amount} (setiap ${label} berplafon di atas ${threshold})`,
        `Mandatory: ${label} with a plafon of ${amount} (every ${label} is above ${thresholdEn})`,
        { scheme, plafon, date },
      );

    case "KHUSUS":
      // `>` on a NaN plafon is false: an unusable amount is never made mandatory here; checkPlafon
      // already rejects it on the form.
      if (plafon > KHUSUS_MANDATORY_ABOVE) {
        return decision(
          "MANDATE_KHUSUS_ABOVE_100JT",
          "MANDATORY",
          `Wajib: ${label} dengan plafon ${amount}, di atas ${threshold}`,
          `Mandatory: ${label} with a plafon of ${amount}, above ${thresholdEn}`,
          { scheme, plafon, date, mandatoryAbove: KHUSUS_MANDATORY_ABOVE },
        );
      }
      return decision(
        "KHUSUS_VOLUNTARY",
        "VOLUNTARY",
        `Sukarela (dianjurkan): ${label} dengan plafon ${amount}, tidak lebih dari ${threshold}, tidak wajib`,
        `Voluntary (encouraged): ${label} with a plafon of ${amount}, not above ${thresholdEn}, is not mandatory`,
        { scheme, plafon, date, mandatoryAbove: KHUSUS_MANDATORY_ABOVE },
      );

    case "SUPER_MIKRO":
    case "MIKRO": {
      const rules = input.phaseRules ?? [];
      const scope = { penyalurId: input.penyalurId ?? null, kanwilCode: input.kanwilCode ?? null };
      const match = matchPhaseRule(rules, scope, date);
      const inputs = {
        scheme,
        plafon,
        date,
        penyalurId: scope.penyalurId,
        kanwilCode: scope.kanwilCode,
        phaseRulesConsidered: rules.length,
        phaseRuleId: match?.id ?? null,
      };
      if (match) {
        return decision(
          "PHASED_MATCHED",
          "PHASED_REQUIRED",
          `Wajib bertahap: debitur ${label} pada tahap ${match.scopeLabel ?? match.id} wajib menjadi peserta sejak ${formatDateId(match.startDate)}`,
          `Mandatory (phased): ${label} debtors in phase ${match.scopeLabel ?? match.id} must be enrolled from ${formatDateId(match.startDate)}`,
          { ...inputs, phaseRuleStartDate: match.startDate, phaseRuleScopeLabel: match.scopeLabel ?? null },
          match.startDate,
        );
      }
      return decision(
        "PHASED_VOLUNTARY",
        "VOLUNTARY",
        `Sukarela (dianjurkan): debitur ${label} belum termasuk tahap kepesertaan wajib mana pun`,
        `Voluntary (encouraged): ${label} debtors here are not yet in any mandatory enrolment phase`,
        inputs,
      );
    }

    case "PMI":
      return decision(
        "PMI_OUT_OF_SCOPE",
        "OUT_OF_SCOPE",
        `Di luar cakupan: debitur ${label} termasuk segmen Pekerja Migran Indonesia, bukan kepesertaan BPU melalui kanal ini`,
        `Out of scope: ${label} debtors belong to the Indonesian migrant worker segment, not BPU enrolment through this channel`,
        { scheme, plafon, date },
      );

    default: {
      // Unreachable for a KurScheme; guards callers that bypass the type (e.g. an unparsed form value).
      const unknown: never = scheme;
      throw new RangeError(`Unknown KUR scheme: ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Decides again from a stored decision's inputs (RULES.md §2: "stored … so that it can be … replayed
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
    phaseRules,
  });
}
