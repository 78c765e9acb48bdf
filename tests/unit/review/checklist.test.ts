import { describe, expect, it } from "vitest";
import { CHECKLIST_FIELDS, changedFields, type ChecklistValues } from "@/lib/review/checklist";

const base = Object.fromEntries(CHECKLIST_FIELDS.map((k) => [k, null])) as ChecklistValues;

describe("changedFields: what a resubmission changed since the return (issue #13)", () => {
  it("names the changed fields in checklist order (identity before loan before heir)", () => {
    const before = { ...base, heirName: "Sri", plafon: 150_000_000, fullName: "Budi" };
    const after = { ...base, heirName: "Dewi", plafon: 175_000_000, fullName: "Budi Santoso" };
    expect(changedFields(before, after)).toEqual(["fullName", "plafon", "heirName"]);
  });

  it("the fresh consent time of every resubmission is not a change; a field an older snapshot lacks counts as empty", () => {
    const { npwp: _dropped, ...older } = { ...base, consentAt: "2026-11-01T00:00:00.000Z" };
    void _dropped;
    expect(changedFields(older, { ...base, consentAt: "2026-12-02T00:00:00.000Z" })).toEqual([]);
    expect(changedFields(older, { ...base, npwp: "0123456789012345" })).toEqual(["npwp"]);
  });

  it("a snapshot written before the e-form asked for auto-debit consent stood at its default (not consented)", () => {
    const { autoDebitConsent: _dropped, ...older } = { ...base, autoDebitConsent: false };
    void _dropped;
    expect(changedFields(older, { ...base, autoDebitConsent: false })).toEqual([]);
    expect(changedFields(older, { ...base, autoDebitConsent: true })).toEqual(["autoDebitConsent"]);
  });

  it("a ticked attestation and a changed boolean count", () => {
    expect(changedFields({ ...base, attestNpwpPresent: false, jht: false }, { ...base, attestNpwpPresent: true, jht: false })).toEqual(["attestNpwpPresent"]);
  });
});
