import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/config";
import fc from "fast-check";
import {
  KUR_SCHEMES,
  MANDATE_NOT_IN_FORCE_VERSION,
  MANDATE_RULE_VERSION,
  addDays,
  evaluateMandate,
  explainMandate,
  mandateRulesOn,
  replayMandate,
  type KurScheme,
  type MandateDecision,
  type MandateStatus,
  type PhaseRule,
} from "@/lib/rules";
import { enText, idText } from "./rule-text";

/** A decision with its legal basis and explanation in words, rendered from their codes by the catalogue. */
function inWords(d: MandateDecision) {
  return { ...d, legalBasis: idText(d.legalBasis), explanation: idText(d.explanation), explanationEn: enText(d.explanation) };
}

const DATE = "2026-11-21";

describe("mandatory BPJS Ketenagakerjaan enrolment (docs/regulation.md §2, cover letter of Permenko 1/2023 point 5)", () => {
  it.each([100_000_001, 250_000_000, 500_000_000])(
    "KUR kecil above Rp100 juta is mandatory — Permenko 1/2023 Pasal 26 ayat (8) (plafon %d)",
    (plafon) => {
      const d = inWords(evaluateMandate({ scheme: "KECIL", plafon, date: DATE }));
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
    const d = inWords(evaluateMandate({ scheme: "KHUSUS", plafon, date: DATE }));
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
    const d = inWords(evaluateMandate({ scheme: "KHUSUS", plafon, date: DATE }));
    expect(d).toMatchObject({
      status: "VOLUNTARY",
      ruleId: "KHUSUS_VOLUNTARY",
      legalBasis: "Permenko 1/2023 Pasal 35 ayat (11)",
      blocksDisbursement: false,
      requiredFrom: null,
    });
    expect(d.explanation).toContain("dianjurkan");
  });

  it("KUR PMI is out of scope for the BPU channel (migrant-worker segment, docs/regulation.md §2)", () => {
    const d = inWords(evaluateMandate({ scheme: "PMI", plafon: 50_000_000, date: DATE }));
    expect(d).toMatchObject({ status: "OUT_OF_SCOPE", ruleId: "PMI_OUT_OF_SCOPE", blocksDisbursement: false, requiredFrom: null });
    expect(d.explanation).toMatch(/^Di luar cakupan: .*Pekerja Migran Indonesia/);
    expect(d.legalBasis).toBe("Permenaker 4/2023 tentang Jaminan Sosial Pekerja Migran Indonesia");
  });

  it.each([
    ["MIKRO", "Permenko 1/2023 Pasal 22 ayat (8)"],
    ["SUPER_MIKRO", "Surat pengantar Permenko 1/2023 angka 5"],
  ] as const)(
    "%s without a matching phase rule is voluntary but encouraged — %s",
    (scheme, basis) => {
      const d = inWords(evaluateMandate({ scheme, plafon: 10_000_000, date: DATE }));
      expect(d).toMatchObject({
        status: "VOLUNTARY",
        ruleId: "PHASED_VOLUNTARY",
        legalBasis: basis,
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

  it.each([
    [
      "KECIL", 150_000_000, "MANDATE_KECIL", "mandate.kecil",
      "Wajib: KUR Kecil dengan plafon Rp150.000.000 (setiap KUR Kecil berplafon di atas Rp100 juta) — Permenko 1/2023 Pasal 26 ayat (8).",
      "Mandatory: KUR Kecil with a plafon of Rp150.000.000 (every KUR Kecil is above Rp100 million) — Permenko 1/2023 Article 26(8).",
    ],
    [
      "KHUSUS", 200_000_000, "MANDATE_KHUSUS_ABOVE_100JT", "mandate.khususAbove",
      "Wajib: KUR Khusus dengan plafon Rp200.000.000, di atas Rp100 juta — Permenko 1/2023 Pasal 35 ayat (11).",
      "Mandatory: KUR Khusus with a plafon of Rp200.000.000, above Rp100 million — Permenko 1/2023 Article 35(11).",
    ],
    [
      "KHUSUS", 100_000_000, "KHUSUS_VOLUNTARY", "mandate.khususVoluntary",
      "Sukarela (dianjurkan): KUR Khusus dengan plafon Rp100.000.000, tidak lebih dari Rp100 juta, tidak wajib — Permenko 1/2023 Pasal 35 ayat (11).",
      "Voluntary (encouraged): KUR Khusus with a plafon of Rp100.000.000, not above Rp100 million, is not mandatory — Permenko 1/2023 Article 35(11).",
    ],
    [
      "SUPER_MIKRO", 5_000_000, "PHASED_VOLUNTARY", "mandate.phasedVoluntary",
      "Sukarela (dianjurkan): debitur KUR Super Mikro belum termasuk tahap kepesertaan wajib mana pun — Surat pengantar Permenko 1/2023 angka 5.",
      "Voluntary (encouraged): KUR Super Mikro debtors here are not yet in any mandatory enrolment phase — Cover letter of Permenko 1/2023, point 5.",
    ],
    [
      "PMI", 50_000_000, "PMI_OUT_OF_SCOPE", "mandate.pmiOutOfScope",
      "Di luar cakupan: calon Pekerja Migran Indonesia didaftarkan dalam program Jaminan Sosial Pekerja Migran Indonesia (JKK dan JKM wajib, JHT pilihan) sebelum berangkat, bukan sebagai peserta BPU melalui kanal ini — Permenaker 4/2023 tentang Jaminan Sosial Pekerja Migran Indonesia.",
      "Out of scope: prospective Indonesian migrant workers are registered in the migrant worker social security programme (JKK and JKM mandatory, JHT optional) before departure, not as BPU participants through this channel — Permenaker 4/2023 on Social Security for Indonesian Migrant Workers.",
    ],
  ] as const)("%s at plafon %d: rule %s explains itself as %s, in both languages", (scheme, plafon, ruleId, code, indonesian, english) => {
    const d = evaluateMandate({ scheme, plafon, date: DATE });
    expect(d.ruleId).toBe(ruleId);
    expect(d.explanation.code).toBe(code);
    expect(d.legalBasis).toEqual({ code: "mandate.legalBasis", params: { ruleId, scheme } });
    expect(idText(d.explanation)).toBe(indonesian);
    expect(enText(d.explanation)).toBe(english);
  });

  it("labels the statuses in Indonesian", () => {
    expect(MESSAGES.id.enums.mandate).toEqual({
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
    const d = inWords(evaluateMandate({ scheme, plafon: 50_000_000, date, penyalurId, kanwilCode, phaseRules: RULES }));
    if (ruleId === null) {
      expect(d).toMatchObject({ status: "VOLUNTARY", ruleId: "PHASED_VOLUNTARY", requiredFrom: null, blocksDisbursement: false });
      expect(d.inputs.phaseRuleId).toBeNull();
    } else {
      const rule = RULES.find((r) => r.id === ruleId);
      expect(d).toMatchObject({
        status: "PHASED_REQUIRED",
        ruleId: "PHASED_MATCHED",
        legalBasis: scheme === "SUPER_MIKRO" ? "Surat pengantar Permenko 1/2023 angka 5" : "Permenko 1/2023 Pasal 22 ayat (8)",
        requiredFrom: rule?.startDate,
        blocksDisbursement: true,
      });
      expect(d.inputs).toMatchObject({ phaseRuleId: ruleId, penyalurId, kanwilCode, date, phaseRulesConsidered: RULES.length });
      expect(d.explanation).toMatch(/^Wajib bertahap: /);
    }
  });

  it("a matched phase rule is explained with its scope label (else its id) and start date — Pasal 22 ayat (8)", () => {
    const rule: PhaseRule = { id: "P-JABAR", penyalurId: null, kanwilCode: "JAWA_BARAT", startDate: "2026-07-01", scopeLabel: "Kanwil Jawa Barat" };
    const d = evaluateMandate({ scheme: "MIKRO", plafon: 50_000_000, date: DATE, kanwilCode: "JAWA_BARAT", phaseRules: [rule] });
    expect(d.explanation).toEqual({
      code: "mandate.phasedMatched",
      params: { scheme: "MIKRO", phase: "Kanwil Jawa Barat", startDate: "01/07/2026" },
    });
    expect(idText(d.explanation)).toBe(
      "Wajib bertahap: debitur KUR Mikro pada tahap Kanwil Jawa Barat wajib menjadi peserta sejak 01/07/2026 — Permenko 1/2023 Pasal 22 ayat (8).",
    );
    expect(enText(d.explanation)).toBe(
      "Mandatory (phased): KUR Mikro debtors in phase Kanwil Jawa Barat must be enrolled from 01/07/2026 — Permenko 1/2023 Article 22(8).",
    );
    const unlabelled = evaluateMandate({ scheme: "SUPER_MIKRO", plafon: 5_000_000, date: DATE, kanwilCode: "JAWA_BARAT", phaseRules: [{ ...rule, scopeLabel: undefined }] });
    expect(idText(unlabelled.explanation)).toBe(
      "Wajib bertahap: debitur KUR Super Mikro pada tahap P-JABAR wajib menjadi peserta sejak 01/07/2026 — Surat pengantar Permenko 1/2023 angka 5.",
    );
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

describe("every mandate decision is explainable and replayable (docs/regulation.md §2)", () => {
  it("a stored decision is explained again from its rule id and inputs alone; an unknown rule or incomplete inputs are not guessed", () => {
    const d = evaluateMandate({ scheme: "KECIL", plafon: 150_000_000, date: DATE });
    const stored = JSON.parse(JSON.stringify(d.inputs)) as Record<string, unknown>;
    expect(explainMandate({ ruleId: d.ruleId, inputs: stored })).toEqual({ explanation: d.explanation, legalBasis: d.legalBasis });
    expect(explainMandate({ ruleId: "MANDATE_SOMETHING_ELSE", inputs: stored })).toBeNull();
    expect(explainMandate({ ruleId: "MANDATE_KECIL", inputs: {} })).toBeNull();
    expect(explainMandate({ ruleId: "PHASED_MATCHED", inputs: { scheme: "MIKRO", plafon: 1 } })).toBeNull();
  });

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
          const d = inWords(evaluateMandate({ scheme, plafon, date, penyalurId, kanwilCode, phaseRules }));
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

describe("the legal basis each decision cites is the article that says it (docs/regulation.md §2.1)", () => {
  // Every (rule id, scheme) a decision can have, with its legal basis in both languages.
  it.each([
    ["KECIL", 150_000_000, DATE, "MANDATE_KECIL", "Permenko 1/2023 Pasal 26 ayat (8)", "Permenko 1/2023 Article 26(8)"],
    ["KHUSUS", 200_000_000, DATE, "MANDATE_KHUSUS_ABOVE_100JT", "Permenko 1/2023 Pasal 35 ayat (11)", "Permenko 1/2023 Article 35(11)"],
    ["KHUSUS", 50_000_000, DATE, "KHUSUS_VOLUNTARY", "Permenko 1/2023 Pasal 35 ayat (11)", "Permenko 1/2023 Article 35(11)"],
    ["MIKRO", 50_000_000, DATE, "PHASED_VOLUNTARY", "Permenko 1/2023 Pasal 22 ayat (8)", "Permenko 1/2023 Article 22(8)"],
    ["SUPER_MIKRO", 5_000_000, DATE, "PHASED_VOLUNTARY", "Surat pengantar Permenko 1/2023 angka 5", "Cover letter of Permenko 1/2023, point 5"],
    ["PMI", 50_000_000, DATE, "PMI_OUT_OF_SCOPE", "Permenaker 4/2023 tentang Jaminan Sosial Pekerja Migran Indonesia", "Permenaker 4/2023 on Social Security for Indonesian Migrant Workers"],
    ["KECIL", 150_000_000, "2023-01-31", "MANDATE_NOT_IN_FORCE", "Permenko 1/2023 (berlaku 01/02/2023)", "Permenko 1/2023 (in force from 01/02/2023)"],
  ] as const)("%s at %d on %s: %s cites %s", (scheme, plafon, date, ruleId, indonesian, english) => {
    const d = evaluateMandate({ scheme, plafon, date });
    expect(d.ruleId).toBe(ruleId);
    expect(idText(d.legalBasis)).toBe(indonesian);
    expect(enText(d.legalBasis)).toBe(english);
    // The explanation ends with the same basis, so the two can never disagree on screen.
    expect(idText(d.explanation).endsWith(`${indonesian}.`)).toBe(true);
    expect(enText(d.explanation).endsWith(`${english}.`)).toBe(true);
  });

  it.each(["MIKRO", "SUPER_MIKRO"] as const)("a matched phase rule for %s cites the same basis as the voluntary decision", (scheme) => {
    const rule: PhaseRule = { id: "P", penyalurId: null, kanwilCode: null, startDate: "2026-01-01" };
    const matched = evaluateMandate({ scheme, plafon: 5_000_000, date: DATE, phaseRules: [rule] });
    const voluntary = evaluateMandate({ scheme, plafon: 5_000_000, date: DATE });
    expect(matched.ruleId).toBe("PHASED_MATCHED");
    expect(idText(matched.legalBasis)).toBe(idText(voluntary.legalBasis));
  });

  it("super mikro never cites Pasal 22 ayat (8), the KUR mikro article — cover letter of Permenko 1/2023 point 5", () => {
    const rule: PhaseRule = { id: "P", penyalurId: null, kanwilCode: null, startDate: "2026-01-01" };
    for (const phaseRules of [[], [rule]]) {
      const d = evaluateMandate({ scheme: "SUPER_MIKRO", plafon: 5_000_000, date: DATE, phaseRules });
      expect(idText(d.legalBasis)).not.toContain("Pasal 22");
      expect(idText(d.explanation)).not.toContain("Pasal 22");
      expect(enText(d.explanation)).not.toContain("Article 22");
    }
  });
});

describe("mandate rules are dated: nothing is mandatory before Permenko 1/2023 was in force (2023-02-01)", () => {
  it.each(KUR_SCHEMES.filter((s) => s !== "PMI"))("%s decided on 31/01/2023 is voluntary under no rule version, and says why", (scheme) => {
    const rule: PhaseRule = { id: "EARLY", penyalurId: null, kanwilCode: null, startDate: "2020-01-01" };
    const d = evaluateMandate({ scheme, plafon: 200_000_000, date: "2023-01-31", phaseRules: [rule] });
    expect(d).toMatchObject({
      status: "VOLUNTARY",
      ruleId: "MANDATE_NOT_IN_FORCE",
      ruleVersion: MANDATE_NOT_IN_FORCE_VERSION,
      requiredFrom: null,
      blocksDisbursement: false,
    });
    expect(idText(d.explanation)).toBe(
      "Sukarela: keputusan bertanggal 31/01/2023, sebelum Permenko 1/2023 berlaku (01/02/2023); saat itu belum ada kewajiban kepesertaan bagi debitur KUR — Permenko 1/2023 (berlaku 01/02/2023).",
    );
  });

  it("on 01/02/2023, the first day in force, KUR kecil is mandatory under permenko-1-2023@2023-02-01", () => {
    const d = evaluateMandate({ scheme: "KECIL", plafon: 200_000_000, date: "2023-02-01" });
    expect(d).toMatchObject({ status: "MANDATORY", ruleVersion: "permenko-1-2023@2023-02-01" });
    expect(mandateRulesOn("2023-02-01")?.version).toBe("permenko-1-2023@2023-02-01");
    expect(mandateRulesOn("2023-01-31")).toBeNull();
  });

  it("PMI stays out of scope before 2023 too: the migrant-worker programme is not this channel's", () => {
    expect(evaluateMandate({ scheme: "PMI", plafon: 50_000_000, date: "2022-06-01" }).status).toBe("OUT_OF_SCOPE");
  });

  it("a decision taken before the rules were in force replays to the same decision", () => {
    const d = evaluateMandate({ scheme: "KECIL", plafon: 200_000_000, date: "2022-12-01" });
    expect(replayMandate(JSON.parse(JSON.stringify(d.inputs)))).toEqual(d);
    expect(explainMandate({ ruleId: d.ruleId, inputs: d.inputs })?.explanation).toEqual(d.explanation);
  });
});
