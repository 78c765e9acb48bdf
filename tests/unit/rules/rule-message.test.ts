import { describe, expect, it } from "vitest";
import { auditText, ruleMessage, rulesTranslator, storedMandateText } from "@/lib/i18n/rules";
import { evaluateMandate } from "@/lib/rules";

const KECIL_ID =
  "Wajib: KUR Kecil dengan plafon Rp150.000.000 (setiap KUR Kecil berplafon di atas Rp100 juta) — Permenko 1/2023 Pasal 26 ayat (8).";

describe("rule issues in words (lib/i18n/rules.ts)", () => {
  const decision = evaluateMandate({ scheme: "KECIL", plafon: 150_000_000, date: "2026-11-21" });

  it("ruleMessage renders a code and its parameters with the reader's translator", () => {
    expect(ruleMessage(rulesTranslator("id"), decision.explanation)).toBe(KECIL_ID);
    expect(ruleMessage(rulesTranslator("en"), { code: "nik.sexMismatch", params: { sex: "P" } })).toBe(
      "The sex does not match the NIK (the NIK shows female).",
    );
  });

  it("the audit record is Indonesian: what an enrolment stores next to its rule id, version and inputs", () => {
    expect(auditText(decision.explanation)).toBe(KECIL_ID);
    expect(auditText(decision.legalBasis)).toBe("Permenko 1/2023 Pasal 26 ayat (8)");
  });

  it("a stored decision (docs/regulation.md §2) is shown in the reader's language, rendered again from its rule id and stored inputs", () => {
    const stored = {
      ruleId: decision.ruleId,
      inputs: JSON.parse(JSON.stringify(decision.inputs)) as Record<string, unknown>,
      explanation: auditText(decision.explanation),
      legalBasis: auditText(decision.legalBasis),
    };
    expect(storedMandateText(rulesTranslator("id"), stored)).toEqual({ explanation: KECIL_ID, legalBasis: "Permenko 1/2023 Pasal 26 ayat (8)" });
    expect(storedMandateText(rulesTranslator("en"), stored)).toEqual({
      explanation:
        "Mandatory: KUR Kecil with a plafon of Rp150.000.000 (every KUR Kecil is above Rp100 million) — Permenko 1/2023 Article 26(8).",
      legalBasis: "Permenko 1/2023 Article 26(8)",
    });
  });

  it("a stored decision this rule version cannot explain keeps its stored audit text rather than a guess", () => {
    const stored = { ruleId: "MANDATE_FROM_AN_OLDER_VERSION", inputs: {}, explanation: "Teks tersimpan.", legalBasis: "Dasar tersimpan" };
    expect(storedMandateText(rulesTranslator("en"), stored)).toEqual({ explanation: "Teks tersimpan.", legalBasis: "Dasar tersimpan" });
  });
});
