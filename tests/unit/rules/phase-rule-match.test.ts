import { describe, expect, it } from "vitest";
import { evaluateMandate, matchPhaseRule, replayMandate, type PhaseRule } from "@/lib/rules";

/**
 * Permenko 1/2023 Pasal 22 ayat (8) (docs/regulation.md §2): super mikro and mikro debtors become
 * mandatory by phase. matchPhaseRule decides which administrator's phase rule applies: its penyalur,
 * Kanwil or province (of the serving Kantor Cabang), schemes and period (start and end both included).
 */
const BRI = "bri";
const rule = (over: Partial<PhaseRule> = {}): PhaseRule => ({ id: "r1", penyalurId: BRI, kanwilCode: null, startDate: "2026-07-01", ...over });
const scope = { penyalurId: BRI, kanwilCode: "JAWA_BARAT", provinceCode: "32", scheme: "MIKRO" as const };

describe("matchPhaseRule: period, schemes, region (Pasal 22 ayat (8))", () => {
  it("applies from its start to its end date, both included, and not outside them", () => {
    const r = rule({ endDate: "2026-12-31" });
    expect(matchPhaseRule([r], scope, "2026-06-30")).toBeNull();
    expect(matchPhaseRule([r], scope, "2026-07-01")).toBe(r);
    expect(matchPhaseRule([r], scope, "2026-12-31")).toBe(r);
    expect(matchPhaseRule([r], scope, "2027-01-01")).toBeNull();
  });

  it("a rule for super mikro only does not make a mikro debtor mandatory", () => {
    expect(matchPhaseRule([rule({ schemes: ["SUPER_MIKRO"] })], scope, "2026-08-01")).toBeNull();
    expect(matchPhaseRule([rule({ schemes: ["SUPER_MIKRO", "MIKRO"] })], scope, "2026-08-01")).not.toBeNull();
  });

  it("a province rule applies to debtors served in that province only", () => {
    expect(matchPhaseRule([rule({ provinceCode: "32" })], scope, "2026-08-01")).not.toBeNull();
    expect(matchPhaseRule([rule({ provinceCode: "33" })], scope, "2026-08-01")).toBeNull();
    expect(matchPhaseRule([rule({ provinceCode: "32" })], { ...scope, provinceCode: null }, "2026-08-01")).toBeNull();
  });

  it("an ended rule and its successor: each date is decided by exactly the rule in force then", () => {
    const ended = rule({ id: "old", endDate: "2026-09-30" });
    const successor = rule({ id: "new", startDate: "2026-10-01" });
    expect(matchPhaseRule([ended, successor], scope, "2026-09-30")?.id).toBe("old");
    expect(matchPhaseRule([ended, successor], scope, "2026-10-01")?.id).toBe("new");
  });

  it("a malformed end date is refused, not skipped", () => {
    expect(() => matchPhaseRule([rule({ endDate: "31/12/2026" })], scope, "2026-08-01")).toThrow(RangeError);
  });

  it("a decision by a province rule records the province and replays to the same decision without the table", () => {
    const d = evaluateMandate({ scheme: "MIKRO", plafon: 50_000_000, date: "2026-08-01", penyalurId: BRI, kanwilCode: "JAWA_BARAT", provinceCode: "32", phaseRules: [rule({ provinceCode: "32", endDate: "2026-08-31" })] });
    expect(d).toMatchObject({ status: "PHASED_REQUIRED", requiredFrom: "2026-07-01" });
    expect(d.inputs.provinceCode).toBe("32");
    expect(replayMandate(d.inputs)).toEqual(d);
  });
});
