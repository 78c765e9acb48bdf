/**
 * The words of debtor messages (issue #15; docs/decisions/0021 §3): Indonesian by default, English
 * complete, each kind saying what the debtor needs, and the NIK guard refusing any message that would
 * carry the participant's NIK, however it is grouped.
 */
import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translator";
import { composeDebtorMessage, withoutNik, type DebtorMessageKind, type MessageFacts } from "@/lib/notify/compose";

const facts: MessageFacts = {
  name: "Siti Aminah",
  penyalurName: "BRI",
  kpj: "10000000009",
  billingCode: "8877100000000092",
  programmes: ["JKK", "JKM"],
  verificationUrl: "https://lindungikur.example.go.id/verifikasi/abc",
  next: { month: "2026-12", amount: 16_800, dueDate: "2026-12-15" },
  protectedUntil: "2026-11-30",
  owedMonths: ["2026-10", "2026-11"],
  owed: 33_600,
};
const NIK = "3273014508850001";
const KINDS: DebtorMessageKind[] = ["APPROVAL", "DUE_SOON", "LAPSED", "ARREARS_REMINDER", "BILLING"];

describe("composeDebtorMessage", () => {
  it("every kind names the KPJ and the billing code, in Indonesian and in English, with no placeholder left", () => {
    for (const locale of ["id", "en"] as const) {
      for (const kind of KINDS) {
        const m = composeDebtorMessage(translator(locale), kind, facts);
        for (const part of [m.subject + m.text, m.short]) {
          expect(part).toContain("10000000009");
          expect(part).not.toMatch(/[{}]/);
        }
        expect(m.short).toContain("8877 1000 0000 0092");
      }
    }
  });

  it("the approval says KPJ, programmes, what and how to pay and the verification link; arrears the months and amount owed", () => {
    const t = translator("id");
    const approval = composeDebtorMessage(t, "APPROVAL", facts);
    expect(approval.text).toContain("Program: JKK, JKM");
    expect(approval.text).toContain("Jumlah: Rp16.800 untuk bulan 12/2026, jatuh tempo 15/12/2026.");
    expect(approval.text).toContain("https://lindungikur.example.go.id/verifikasi/abc");
    expect(composeDebtorMessage(t, "ARREARS_REMINDER", facts).text).toContain("2 bulan (10/2026, 11/2026) belum dibayar, sebesar Rp33.600");
    expect(composeDebtorMessage(t, "APPROVAL", { ...facts, next: null }).text).toContain("tidak ada iuran yang perlu dibayar");
  });
});

describe("withoutNik", () => {
  const clean = composeDebtorMessage(translator("id"), "APPROVAL", facts);

  it("passes a message without the NIK (a 16-digit billing code is not a NIK)", () => {
    expect(withoutNik(clean, NIK)).toBe(clean);
  });

  it("refuses the NIK anywhere, as written, grouped in fours or with dots", () => {
    for (const nik of [NIK, "3273 0145 0885 0001", "3273.0145.0885.0001"]) {
      expect(() => withoutNik({ ...clean, short: `${clean.short} ${nik}` }, NIK)).toThrow("NIK");
      expect(() => withoutNik({ ...clean, subject: nik }, NIK)).toThrow("NIK");
    }
  });
});
