import { describe, expect, it } from "vitest";
import { quoteFor, type QuoteContext } from "@/lib/api/quote";
import { QuoteResponseSchema, type QuoteInput } from "@/lib/api/quote-schema";
import { MANDATE_RULE_VERSION, type PhaseRule } from "@/lib/rules";

const TODAY = "2026-11-21";
const BRI = "00000000-0000-4000-8000-0000000000b1";
const BNI = "00000000-0000-4000-8000-0000000000b2";

const PHASE_BRI_JABAR: PhaseRule = {
  id: "phase-bri-jabar",
  penyalurId: BRI,
  kanwilCode: "JAWA_BARAT",
  startDate: "2026-07-01",
  scopeLabel: "BRI di Kanwil Jawa Barat",
};

const CONTEXT: QuoteContext = { penyalurId: BRI, phaseRules: [PHASE_BRI_JABAR] };

function input(overrides: Partial<QuoteInput> = {}): QuoteInput {
  return {
    scheme: "KECIL",
    plafon: 150_000_000,
    declaredIncome: 3_000_000,
    jht: true,
    sector: "OTHER",
    month: "2026-11",
    fundedByBudget: false,
    kanwilCode: null,
    employsWorkers: false,
    date: TODAY,
    ...overrides,
  };
}

function quote(overrides: Partial<QuoteInput> = {}, context: QuoteContext = CONTEXT) {
  const response = quoteFor(input(overrides), context);
  // Whatever the endpoint returns is what the OpenAPI document promises.
  expect(QuoteResponseSchema.safeParse(response).success).toBe(true);
  return response;
}

describe("the mandate in a quote (cover letter of Permenko 1/2023, point 5)", () => {
  it.each([
    ["KECIL", 100_000_001, "MANDATORY", "MANDATE_KECIL", "mandate.kecil", "Permenko 1/2023 Pasal 26 ayat (8)"],
    ["KECIL", 500_000_000, "MANDATORY", "MANDATE_KECIL", "mandate.kecil", "Permenko 1/2023 Pasal 26 ayat (8)"],
    ["KHUSUS", 100_000_000, "VOLUNTARY", "KHUSUS_VOLUNTARY", "mandate.khususVoluntary", "Permenko 1/2023 Pasal 35 ayat (11)"],
    ["KHUSUS", 100_000_001, "MANDATORY", "MANDATE_KHUSUS_ABOVE_100JT", "mandate.khususAbove", "Permenko 1/2023 Pasal 35 ayat (11)"],
    ["KHUSUS", 500_000_000, "MANDATORY", "MANDATE_KHUSUS_ABOVE_100JT", "mandate.khususAbove", "Permenko 1/2023 Pasal 35 ayat (11)"],
    ["SUPER_MIKRO", 10_000_000, "VOLUNTARY", "PHASED_VOLUNTARY", "mandate.phasedVoluntary", "Surat pengantar Permenko 1/2023 angka 5"],
    ["MIKRO", 10_000_001, "VOLUNTARY", "PHASED_VOLUNTARY", "mandate.phasedVoluntary", "Permenko 1/2023 Pasal 22 ayat (8)"],
    ["MIKRO", 100_000_000, "VOLUNTARY", "PHASED_VOLUNTARY", "mandate.phasedVoluntary", "Permenko 1/2023 Pasal 22 ayat (8)"],
  ] as const)("%s with plafon %d outside any phase is %s (%s, %s, %s)", (scheme, plafon, status, ruleId, code, legalBasis) => {
    const { mandate } = quote({ scheme, plafon });
    expect(mandate).toEqual({
      status,
      ruleId,
      ruleVersion: MANDATE_RULE_VERSION,
      legalBasis,
      explanation: expect.stringMatching(new RegExp(`— ${legalBasis.replace(/[()/]/g, "\\$&")}\\.$`)),
      explanationCode: code,
      explanationParams: expect.any(Object),
    });
  });

  it("the mandate carries exactly the documented fields (no inputs, ids or penyalur data)", () => {
    expect(Object.keys(quote().mandate).sort()).toEqual([
      "explanation",
      "explanationCode",
      "explanationParams",
      "legalBasis",
      "ruleId",
      "ruleVersion",
      "status",
    ]);
  });

  it("gives the explanation as a code with plain parameters, and its words in Indonesian by default or in English", () => {
    const kecil = input({ plafon: 150_000_000 });
    const id = quoteFor(kecil, CONTEXT);
    expect(id.mandate).toMatchObject({
      legalBasis: "Permenko 1/2023 Pasal 26 ayat (8)",
      explanation:
        "Wajib: KUR Kecil dengan plafon Rp150.000.000 (setiap KUR Kecil berplafon di atas Rp100 juta) — Permenko 1/2023 Pasal 26 ayat (8).",
      explanationCode: "mandate.kecil",
      explanationParams: { plafon: "Rp150.000.000", thresholdMillions: 100 },
    });
    const en = quoteFor(kecil, CONTEXT, "en");
    expect(QuoteResponseSchema.safeParse(en).success).toBe(true);
    expect(en.mandate).toEqual({
      ...id.mandate,
      legalBasis: "Permenko 1/2023 Article 26(8)",
      explanation: "Mandatory: KUR Kecil with a plafon of Rp150.000.000 (every KUR Kecil is above Rp100 million) — Permenko 1/2023 Article 26(8).",
    });
    expect(en.contribution).toEqual(id.contribution);
    const phased = quoteFor(input({ scheme: "MIKRO", plafon: 50_000_000, kanwilCode: "JAWA_BARAT" }), CONTEXT, "en");
    expect(phased.mandate).toMatchObject({
      explanation:
        "Mandatory (phased): KUR Mikro debtors in phase BRI di Kanwil Jawa Barat must be enrolled from 01/07/2026 — Permenko 1/2023 Article 22(8).",
      explanationCode: "mandate.phasedMatched",
      explanationParams: { scheme: "MIKRO", phase: "BRI di Kanwil Jawa Barat", startDate: "01/07/2026" },
    });
  });

  it.each(["SUPER_MIKRO", "MIKRO"] as const)(
    "%s in the key's penyalur's phase (Kanwil Jawa Barat, from 01/07/2026) is PHASED_REQUIRED — Pasal 22 ayat (8)",
    (scheme) => {
      const { mandate } = quote({ scheme, plafon: scheme === "MIKRO" ? 50_000_000 : 5_000_000, kanwilCode: "JAWA_BARAT" });
      expect(mandate.status).toBe("PHASED_REQUIRED");
      expect(mandate.ruleId).toBe("PHASED_MATCHED");
      expect(mandate.explanation).toContain("BRI di Kanwil Jawa Barat");
      expect(mandate.explanation).toContain("01/07/2026");
    },
  );

  it("a phase rule of another Kanwil, of another penyalur, or not yet started leaves a mikro debtor VOLUNTARY", () => {
    const mikro = { scheme: "MIKRO" as const, plafon: 50_000_000 };
    expect(quote({ ...mikro, kanwilCode: "SUMBAGUT" }).mandate.status).toBe("VOLUNTARY");
    expect(quote({ ...mikro, kanwilCode: null }).mandate.status).toBe("VOLUNTARY");
    expect(quote({ ...mikro, kanwilCode: "JAWA_BARAT" }, { ...CONTEXT, penyalurId: BNI }).mandate.status).toBe("VOLUNTARY");
    expect(quote({ ...mikro, kanwilCode: "JAWA_BARAT", date: "2026-06-30" }).mandate.status).toBe("VOLUNTARY");
    expect(quote({ ...mikro, kanwilCode: "JAWA_BARAT", date: "2026-07-01" }).mandate.status).toBe("PHASED_REQUIRED");
  });

  it("a phase rule never makes KUR Kecil or Khusus anything but their own rule", () => {
    expect(quote({ kanwilCode: "JAWA_BARAT" }).mandate.ruleId).toBe("MANDATE_KECIL");
    expect(quote({ scheme: "KHUSUS", plafon: 50_000_000, kanwilCode: "JAWA_BARAT" }).mandate.ruleId).toBe("KHUSUS_VOLUNTARY");
  });

  it("KUR PMI is OUT_OF_SCOPE for the BPU channel and has no contribution (docs/regulation.md §2)", () => {
    const response = quote({ scheme: "PMI", plafon: 100_000_000 });
    expect(response.mandate).toMatchObject({ status: "OUT_OF_SCOPE", ruleId: "PMI_OUT_OF_SCOPE" });
    expect(response.contribution).toBeNull();
  });
});

describe("the contribution in a quote (PP 44/2015 jo. PP 82/2019; relief PP 50/2025)", () => {
  it("JKK 1% and JHT 2% of the tier basis, JKM Rp6.800, JKK and JKM halved in a relief month", () => {
    // Income 3.000.000 → tier basis 2.950.000 (PP 44/2015 Lampiran II).
    expect(quote().contribution).toEqual({
      month: "2026-11",
      tierBasis: 2_950_000,
      jkk: 14_750,
      jkm: 3_400,
      jht: 59_000,
      discount: 18_150,
      reliefRuleId: "PP50-2025-NONTRANSPORT",
      total: 77_150,
    });
  });

  it("the minimum tier in 2026-11, non-transport, is Rp8.400 (docs/regulation.md §3 example)", () => {
    expect(quote({ declaredIncome: 1_000_000, jht: false }).contribution).toMatchObject({
      tierBasis: 1_000_000,
      jkk: 5_000,
      jkm: 3_400,
      jht: 0,
      discount: 8_400,
      total: 8_400,
    });
  });

  // PP 50/2025: non-transport 2026-04 … 2026-12; transport 2026-01 … 2027-03.
  it.each([
    ["OTHER", "2026-03", null],
    ["OTHER", "2026-04", "PP50-2025-NONTRANSPORT"],
    ["OTHER", "2026-12", "PP50-2025-NONTRANSPORT"],
    ["OTHER", "2027-01", null],
    ["TRANSPORT", "2025-12", null],
    ["TRANSPORT", "2026-01", "PP50-2025-TRANSPORT"],
    ["TRANSPORT", "2027-03", "PP50-2025-TRANSPORT"],
    ["TRANSPORT", "2027-04", null],
  ] as const)("relief PP 50/2025 for sector %s in %s: %s", (sector, month, reliefRuleId) => {
    const c = quote({ sector, month, declaredIncome: 1_000_000, jht: true }).contribution!;
    expect(c.reliefRuleId).toBe(reliefRuleId);
    // JHT (2% of 1.000.000) is never relieved.
    expect(c.jht).toBe(20_000);
    if (reliefRuleId) {
      expect(c).toMatchObject({ jkk: 5_000, jkm: 3_400, discount: 8_400, total: 28_400 });
    } else {
      expect(c).toMatchObject({ jkk: 10_000, jkm: 6_800, discount: 0, total: 36_800 });
    }
  });

  it("no relief when the contribution is paid from a state or regional budget (PP 50/2025)", () => {
    expect(quote({ fundedByBudget: true }).contribution).toMatchObject({ reliefRuleId: null, discount: 0, total: 29_500 + 6_800 + 59_000 });
  });

  it("total is always jkk + jkm + jht, and discount is what relief removed", () => {
    for (const month of ["2026-03", "2026-11", "2027-02"]) {
      for (const sector of ["OTHER", "TRANSPORT"] as const) {
        for (const declaredIncome of [1, 1_099_999, 2_700_000, 8_200_000, 20_200_000, 99_000_000]) {
          const c = quote({ month, sector, declaredIncome }).contribution!;
          expect(c.total).toBe(c.jkk + c.jkm + c.jht);
          const relieved = quote({ month, sector, declaredIncome, fundedByBudget: true }).contribution!;
          expect(c.discount).toBe(relieved.total - c.total);
        }
      }
    }
  });
});
