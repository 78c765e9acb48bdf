import { describe, expect, it } from "vitest";
import { maskName, nikChecks } from "@/lib/review/identity";
import { parseArrearsPage, parseQueueQuery, queueHref, PaymentInput, BulkApproveInput, ReturnInput } from "@/lib/review/schema";

describe("what a reviewer checks about a NIK (RULES.md §6)", () => {
  const base = { nik: "3273011203800001", birthDate: "1980-03-12", sex: "L" as const, addressProvinceCode: "32" };

  it("birth date, sex and province agree with the NIK", () => {
    expect(nikChecks(base, "2026-11-21").every((c) => c.ok)).toBe(true);
  });

  it("a birth date, sex or address province that disagrees with the NIK is flagged", () => {
    const checks = nikChecks({ ...base, birthDate: "1980-03-13", sex: "P", addressProvinceCode: "33" }, "2026-11-21");
    expect(checks.filter((c) => !c.ok).map((c) => c.label)).toEqual(["Tanggal lahir", "Jenis kelamin", "Provinsi"]);
  });

  it("an unparseable NIK is one failed check", () => {
    expect(nikChecks({ ...base, nik: "1234" }, "2026-11-21")).toEqual([{ label: "NIK", ok: false, detail: "NIK harus 16 digit angka." }]);
  });
});

describe("masking for the public verification page (UU 27/2022 data minimisation)", () => {
  it("keeps only the first letter of each word", () => {
    expect(maskName("Ujang Suryana")).toBe("U**** S******");
    expect(maskName("  Siti  ")).toBe("S***");
    expect(maskName("A")).toBe("A*");
  });
});

describe("the review queue's URL and the reviewer's inputs", () => {
  it("malformed query parameters fall back to the defaults; the default status is SUBMITTED", () => {
    expect(parseQueueQuery({ status: "NOPE", page: "-1", penyalur: "x", scheme: "KECIL" })).toEqual({
      penyalur: undefined,
      scheme: "KECIL",
      mandate: undefined,
      status: "SUBMITTED",
      page: 1,
    });
    expect(queueHref(parseQueueQuery({ status: "ALL", page: "3" }))).toBe("/tinjauan?status=ALL&page=3");
  });

  it("the arrears list reads its page like the queue: malformed is page 1, a repeated one counts by its first", () => {
    expect(parseArrearsPage({ page: "4" })).toBe(4);
    expect(parseArrearsPage({ page: ["2", "9"] })).toBe(2);
    for (const page of ["0", "-3", "1e3", "abc", "1234567", undefined]) expect(parseArrearsPage({ page })).toBe(1);
    expect(parseArrearsPage(null)).toBe(1);
  });

  it("a return needs a reason the officer can act on", () => {
    const r = ReturnInput.safeParse({ enrolmentId: "00000000-0000-4000-8000-000000000001", version: "1", reason: "salah" });
    expect(r.success).toBe(false);
  });

  it("payment amounts are typed as rupiah and references are normalised to upper case", () => {
    const p = PaymentInput.parse({
      enrolmentId: "00000000-0000-4000-8000-000000000001",
      amount: "Rp 16.800",
      paidOn: "2026-11-20",
      channel: "BANK_TELLER",
      reference: " va-2026/0001 ",
    });
    expect(p).toMatchObject({ amount: 16_800, reference: "VA-2026/0001" });
    expect(PaymentInput.safeParse({ ...p, amount: "16,8" }).success).toBe(false);
  });

  it("bulk approval reads '<id>:<version>' per ticked row", () => {
    expect(BulkApproveInput.parse({ items: ["00000000-0000-4000-8000-000000000001:3"] }).items).toEqual([
      { enrolmentId: "00000000-0000-4000-8000-000000000001", version: 3 },
    ]);
    expect(BulkApproveInput.safeParse({ items: [] }).success).toBe(false);
    expect(BulkApproveInput.safeParse({ items: [`${"-".repeat(36)}:1`] }).success).toBe(false);
  });
});
