import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KUR_SCHEMES, evaluateMandate, explainMandate, replayMandate, type MandateDecision, type PhaseRule } from "@/lib/rules";
import { idText } from "./rule-text";

const outcome = (d: MandateDecision) => ({
  status: d.status,
  ruleId: d.ruleId,
  ruleVersion: d.ruleVersion,
  legalBasis: d.legalBasis,
  explanation: d.explanation,
  requiredFrom: d.requiredFrom,
});

describe("a stored mandate decision can be replayed from its inputs — docs/regulation.md §2 (every decision stores why, to be replayed)", () => {
  it("replaying the inputs of any decision gives the same decision, even when the phase-rule table has changed since", () => {
    const phaseRule = fc.record({
      id: fc.uuid(),
      penyalurId: fc.option(fc.constantFrom("bri", "bni"), { nil: null }),
      kanwilCode: fc.option(fc.constantFrom("JAWA_BARAT", "SUMBAGUT"), { nil: null }),
      startDate: fc.constantFrom("2024-01-01", "2026-07-01", "2027-01-01"),
      scopeLabel: fc.option(fc.constantFrom("BRI di Kanwil Jawa Barat"), { nil: undefined }),
    }) as fc.Arbitrary<PhaseRule>;
    fc.assert(
      fc.property(
        fc.constantFrom(...KUR_SCHEMES),
        fc.integer({ min: 1, max: 500_000_000 }),
        fc.constantFrom("2025-05-05", "2026-11-21"),
        fc.constantFrom("bri", "bni"),
        fc.constantFrom("JAWA_BARAT", "SUMBAGUT", null),
        fc.array(phaseRule, { maxLength: 4 }),
        (scheme, plafon, date, penyalurId, kanwilCode, phaseRules) => {
          const original = evaluateMandate({ scheme, plafon, date, penyalurId, kanwilCode, phaseRules });
          // The stored inputs go through JSON (a jsonb column) and the phase rules are gone.
          const replayed = replayMandate(JSON.parse(JSON.stringify(original.inputs)));
          expect(replayed && outcome(replayed)).toEqual(outcome(original));
          // Shown later, the stored decision reads exactly as it did when it was taken.
          const explained = explainMandate({ ruleId: original.ruleId, inputs: JSON.parse(JSON.stringify(original.inputs)) });
          expect(explained && idText(explained.explanation)).toBe(idText(original.explanation));
        },
      ),
    );
  });

  it("inputs that are not a mandate decision's are refused rather than guessed", () => {
    expect(replayMandate({})).toBeNull();
    expect(replayMandate({ scheme: "KECIL", plafon: "150000000", date: "2026-11-21" })).toBeNull();
    expect(replayMandate({ scheme: "KREDIT", plafon: 1, date: "2026-11-21" })).toBeNull();
  });
});
