import { describe, expect, it } from "vitest";
import { invalidatedAttestations } from "@/components/enrolment/attestation-basis";

const stored = { fullName: "Asep", birthDate: "1980-01-02", plafon: "150.000.000", npwp: "01.234.567.8-901.000", scheme: "KECIL", heirName: "Euis" };

describe("a correction keeps the attestations whose data did not change (docs/regulation.md §1)", () => {
  it("changing only the heir keeps every attestation", () => {
    expect(invalidatedAttestations(stored, { ...stored, heirName: "Dadang" })).toEqual({});
  });

  it("a corrected NPWP asks for the NPWP attestation again, naming the field, and nothing else", () => {
    expect(invalidatedAttestations(stored, { ...stored, npwp: "01.234.567.8-901.001" })).toEqual({ attestNpwpPresent: ["npwp"] });
  });

  it("a changed plafon asks again for SLIK and the NPWP, a changed name for the NIK check", () => {
    const out = invalidatedAttestations(stored, { ...stored, plafon: "200.000.000", fullName: "Asep Sunandar" });
    expect(Object.keys(out).sort()).toEqual(["attestNikChecked", "attestNpwpPresent", "attestSlikChecked"]);
    expect(out.attestNikChecked).toEqual(["fullName"]);
  });

  it("spaces around a value are not a change", () => {
    expect(invalidatedAttestations(stored, { ...stored, fullName: " Asep " })).toEqual({});
  });
});
