import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  KUR_SCHEMES,
  MANDATE_LABELS,
  MANDATE_RULE_VERSION,
  addDays,
  evaluateMandate,
  type KurScheme,
  type MandateStatus,
  type PhaseRule,
} from "@/lib/rules";

const DATE = "2026-11-21";

describe("mandatory BPJS Ketenagakerjaan enrolment (RULES.md §2, cover letter of Permenko 1/2023 point 5)", () => {
  it.each([100_000_001, 250_000_000, 500_000_000])(
    "KUR kecil above Rp100 juta is mandatory — Permenko 1/2023 Pasal 26 ayat (8) (plafon %d)",
    (plafon) => {
      const d = evaluateMandate({ scheme: "KECIL", plafon, date: DATE });
      expect(d).toMatchObject({
        status: "MANDATORY",
        ruleId: "MANDATE_KECIL",
        ruleVersion: MANDATE_RULE_VERSION,
        legalBasis: "Permenko 1/2023 Pasal 26 ayat (8)",
        requiredFrom: null,
        blocksDisbursement: true,
      });
      expect(d.explanation).toMatch(/^Wajib: .*KUR Kecil.* — Permenko 1\/2023 Pasal 26 ayat \(8\)\.$/);
      expect(d.explanationEn).toMatch(/^Mandatory: .* — Permenko 1\/2023 Article 26\(8\)\.$/);
      expect(d.inputs).toEqual({ scheme: "KECIL", plafon, date: DATE });
    },
  );

  it.each([100_000_001, 500_000_000])("KUR khusus above Rp100 juta is mandatory — Permenko 1/2023 Pasal 35 ayat (11) (plafon %d)", (plafon) => {
    const d = evaluateMandate({ scheme: "KHUSUS", plafon, date: DATE });
    expect(d).toMatchObject({
      status: "MANDATORY",
      ruleId: "MANDATE_KHUSUS_ABOVE_100JT",
      legalBasis: "Permenko 1/2023 Pasal 35 ayat (11)",
      blocksDisbursement: true,
    });
    expect(d.explanation).toContain("di atas Rp100 juta");
    expect(d.inputs).toMatchObject({ scheme: "KHUSUS", plafon, date: DATE });
  });

  it.each([1, 10_000_000, 100_000_000])("KUR khusus of Rp100 juta or less is voluntary — Permenko 1/2023 Pasal 35 ayat (11) (plafon %d)", (plafon) => {
    const d = evaluateMandate({ scheme: "KHUSUS", plafon, date: DATE });
    expect(d).toMatchObject({
      status: "VOLUNTARY",
      ruleId: "KHUSUS_VOLUNTARY",
      legalBasis: "Permenko 1/2023 Pasal 35 ayat (11)",
      blocksDisbursement: false,
      requiredFrom: null,
    });
    expect(d.explanation).toContain("dianjurkan");
  });

  it("KUR PMI is out of scope for the BPU channel (migrant-worker segment, RULES.md §2)", () => {
    const d = evaluateMandate({ scheme: "PMI", plafon: 50_000_000, date: DATE });
    expect(d).toMatchObject({ status: "OUT_OF_SCOPE", ruleId: "PMI_OUT_OF_SCOPE", blocksDisbursement: false, requiredFrom: null });
    expect(d.explanation).toMatch(/^Di luar cakupan: .*Pekerja Migran Indonesia/);
  });

  it.each(["SUPER_MIKRO", "MIKRO"] as const)(
    "%s without a matching phase rule is voluntary but encouraged — Permenko 1/2023 Pasal 22 ayat (8)",
    (scheme) => {
      const d = evaluateMandate({ scheme, plafon: 10_000_000, date: DATE });
      expect(d).toMatchObject({
        status: "VOLUNTARY",
        ruleId: "PHASED_VOLUNTARY",
        legalBasis: "Permenko 1/2023 Pasal 22 ayat (8)",
        blocksDisbursement: false,
        requiredFrom: null,
      });
      expect(d.explanation).toMatch(/^Sukarela \(dianjurkan\): /);
      expect(d.inputs).toMatchObject({ scheme, phaseRuleId: null, phaseRulesConsidered: 0 });
    },
  );

  const EDGES = [10_000_000, 10_000_001, 100_000_000, 100_000_001, 500_000_000, 500_000_001] as const;
  const EXPECTED: Record<KurScheme, readonly MandateStatus[]> = {
    SUPER_MIKRO: ["VOLUNTARY", "VOLUNTARY", "VOLUNTARY", "VOLUNTARY", "VOLUNTARY", "VOLUNTARY"],
    MIKRO: ["VOLUNTARY", "VOLUNTARY", "VOLUNTARY", "VOLUNTARY", "VOLUNTARY", "VOLUNTARY"],
    KECIL: ["MANDATORY", "MANDATORY", "MANDATORY", "MANDATORY", "MANDATORY", "MANDATORY"],
    KHUSUS: ["VOLUNTARY", "VOLUNTARY", "VOLUNTARY", "MANDATORY", "MANDATORY", "MANDATORY"],
    PMI: ["OUT_OF_SCOPE", "OUT_OF_SCOPE", "OUT_OF_SCOPE", "OUT_OF_SCOPE", "OUT_OF_SCOPE", "OUT_OF_SCOPE"],
  };
  it.each(KUR_SCHEMES.flatMap((s) => EDGES.map((p, i) => [s, p, EXPECTED[s][i]] as const)))(
    "%s at plafon %d is %s without phase rules (the band is checkPlafon's job, never a throw here)",
    (scheme, plafon, status) => {
      expect(evaluateMandate({ scheme, plafon, date: DATE }).status).toBe(status);
    },
  );

  it("labels the statuses in Indonesian", () => {
    expect(MANDATE_LABELS).toEqual({
      MANDATORY: "Wajib",
      PHASED_REQUIRED: "Wajib bertahap",
      VOLUNTARY: "Sukarela",
      OUT_OF_SCOPE: "Di luar cakupan",
    });
  });
});

describe("phased enrolment of super mikro and mikro as data — Permenko 1/2023 Pasal 22 ayat (8)", () => {
  const RULES: readonly PhaseRule[] = [
    { id: "P-BRI-2026", penyalurId: "bri", kanwilCode: null, startDate: "2026-07-01" },
    { id: "P-JABAR", penyalurId: null, kanwilCode: "JAWA_BARAT", startDate: "2026-01-01" },
    { id: "P-BJB-JABAR", penyalurId: "bjb", kanwilCode: "JAWA_BARAT", startDate: "2025-06-01" },
    { id: "P-ALL-2027", penyalurId: null, kanwilCode: null, startDate: "2027-01-01" },
  ];

  it.each([
    // scheme, penyalur, kanwil, date, expected rule id (null = voluntary)
    ["MIKRO", "bri", "DKI_JAKARTA", DATE, "P-BRI-2026"],
    ["MIKRO", "bri", "DKI_JAKARTA", "2026-07-01", "P-BRI-2026"], // start date is inclusive
    ["MIKRO", "bri", "DKI_JAKARTA", "2026-06-30", null], // the day before
    ["SUPER_MIKRO", "bjb", "JAWA_BARAT", DATE, "P-BJB-JABAR"], // earliest of P-JABAR and P-BJB-JABAR
    ["MIKRO", "bri", "JAWA_BARAT", DATE, "P-JABAR"], // earliest of P-BRI-2026 and P-JABAR
    ["MIKRO", "bjb", "DKI_JAKARTA", DATE, null], // P-BJB-JABAR needs both penyalur and Kanwil
    ["MIKRO", "mandiri", "DKI_JAKARTA", DATE, null],
    ["MIKRO", null, null, DATE, null], // a scoped rule never matches an unknown scope
    ["MIKRO", null, null, "2027-01-01", "P-ALL-2027"], // an unscoped rule matches everyone
    ["MIKRO", "mandiri", "BANTEN", "2027-02-01", "P-ALL-2027"],
  ] as const)("%s at %s/%s on %s → phase rule %s", (scheme, penyalurId, kanwilCode, date, ruleId) => {
    const d = evaluateMandate({ scheme, plafon: 50_000_000, date, penyalurId, kanwilCode, phaseRules: RULES });
    if (ruleId === null) {
      expect(d).toMatchObject({ status: "VOLUNTARY", ruleId: "PHASED_VOLUNTARY", requiredFrom: null, blocksDisbursement: false });
      expect(d.inputs.phaseRuleId).toBeNull();
    } else {
      const rule = RULES.find((r) => r.id === ruleId);
      expect(d).toMatchObject({
        status: "PHASED_REQUIRED",
        ruleId: "PHASED_MATCHED",
        legalBasis: "Permenko 1/2023 Pasal 22 ayat (8)",
        requiredFrom: rule?.startDate,
        blocksDisbursement: true,
      });
      expect(d.inputs).toMatchObject({ phaseRuleId: ruleId, penyalurId, kanwilCode, date, phaseRulesConsidered: RULES.length });
      expect(d.explanation).toMatch(/^Wajib bertahap: /);
    }
  });

  it("phase rules never change a kecil, khusus or PMI decision", () => {
    const everywhere: PhaseRule[] = [{ id: "ALL", penyalurId: null, kanwilCode: null, startDate: "2024-01-01" }];
    expect(evaluateMandate({ scheme: "KECIL", plafon: 200_000_000, date: DATE, phaseRules: everywhere }).ruleId).toBe("MANDATE_KECIL");
    expect(evaluateMandate({ scheme: "KHUSUS", plafon: 50_000_000, date: DATE, phaseRules: everywhere }).ruleId).toBe("KHUSUS_VOLUNTARY");
    expect(evaluateMandate({ scheme: "PMI", plafon: 50_000_000, date: DATE, phaseRules: everywhere }).ruleId).toBe("PMI_OUT_OF_SCOPE");
  });

  it("breaks a tie between rules with the same start date on the rule id", () => {
    const tie: PhaseRule[] = [
      { id: "B", penyalurId: null, kanwilCode: null, startDate: "2026-01-01" },
      { id: "A", penyalurId: null, kanwilCode: null, startDate: "2026-01-01" },
    ];
    expect(evaluateMandate({ scheme: "MIKRO", plafon: 20_000_000, date: DATE, phaseRules: tie }).inputs.phaseRuleId).toBe("A");
  });

  it("refuses a malformed phase rule date or decision date rather than guessing", () => {
    const bad: PhaseRule[] = [{ id: "BAD", penyalurId: null, kanwilCode: null, startDate: "01/01/2026" }];
    expect(() => evaluateMandate({ scheme: "MIKRO", plafon: 20_000_000, date: DATE, phaseRules: bad })).toThrow(RangeError);
    expect(() => evaluateMandate({ scheme: "KECIL", plafon: 200_000_000, date: "2026-13-01" })).toThrow(RangeError);
  });
});

describe("every mandate decision is explainable and replayable (RULES.md §2)", () => {
  const dateArb = fc.integer({ min: 0, max: 6000 }).map((n) => addDays("2023-02-01", n));
  const phaseRuleArb = fc.record({
    id: fc.string({ minLength: 1, maxLength: 8 }),
    penyalurId: fc.option(fc.constantFrom("bri", "bni", "bjb"), { nil: null }),
    kanwilCode: fc.option(fc.constantFrom("JAWA_BARAT", "BANUSPA"), { nil: null }),
    startDate: dateArb,
  });

  it("carries a rule id, version, legal basis and explanation for any scheme, plafon and scope, and never throws", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...KUR_SCHEMES),
        fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000_000 }), fc.double()),
        dateArb,
        fc.option(fc.constantFrom("bri", "bni", "bjb"), { nil: undefined }),
        fc.option(fc.constantFrom("JAWA_BARAT", "BANUSPA"), { nil: undefined }),
        fc.array(phaseRuleArb, { maxLength: 5 }),
        (scheme, plafon, date, penyalurId, kanwilCode, phaseRules) => {
          const d = evaluateMandate({ scheme, plafon, date, penyalurId, kanwilCode, phaseRules });
          expect(d.ruleId).not.toBe("");
          expect(d.ruleVersion).toBe(MANDATE_RULE_VERSION);
          expect(d.legalBasis.trim()).not.toBe("");
          expect(d.explanation.trim()).not.toBe("");
          expect(d.explanationEn.trim()).not.toBe("");
          expect(d.explanation).toContain(d.legalBasis);
          expect(d.inputs.scheme).toBe(scheme);
          expect(d.inputs.date).toBe(date);
          expect(d.blocksDisbursement).toBe(d.status === "MANDATORY" || d.status === "PHASED_REQUIRED");
          if (d.status === "PHASED_REQUIRED") {
            expect(d.requiredFrom).not.toBeNull();
            expect(d.requiredFrom! <= date).toBe(true);
            expect(phaseRules.some((r) => r.id === d.inputs.phaseRuleId && r.startDate === d.requiredFrom)).toBe(true);
          } else {
            expect(d.requiredFrom).toBeNull();
          }
        },
      ),
    );
  });
});
