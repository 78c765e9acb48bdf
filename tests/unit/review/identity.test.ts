import { describe, expect, it } from "vitest";
import { ruleMessage, rulesTranslator } from "@/lib/i18n/rules";
import { maskName, nikChecks } from "@/lib/review/identity";
import { parseArrearsPage, parseQueueQuery, queueHref, reviewSchemas } from "@/lib/review/schema";
import { translator } from "@/lib/i18n/translator";

const say = (locale: "id" | "en") => {
  const t = translator(locale);
  return reviewSchemas((key, values) => t(`review.validation.${key}`, values as never));
};
const { PaymentInput, BulkApproveInput, ReturnInput } = say("id");

describe("what a reviewer checks about a NIK (docs/regulation.md §6)", () => {
  const base = { nik: "3273011203800001", birthDate: "1980-03-12", sex: "L" as const, addressProvinceCode: "32" };

  it("birth date, sex and province agree with the NIK", () => {
    expect(nikChecks(base, "2026-11-21").every((c) => c.ok)).toBe(true);
  });

  it("a birth date, sex or address province that disagrees with the NIK is flagged", () => {
    const checks = nikChecks({ ...base, birthDate: "1980-03-13", sex: "P", addressProvinceCode: "33" }, "2026-11-21");
    expect(checks.filter((c) => !c.ok).map((c) => c.check)).toEqual(["birthDate", "sex", "province"]);
    expect(checks.find((c) => c.check === "sex")).toMatchObject({ fromNik: "L", stored: "P" });
    expect(checks.find((c) => c.check === "province")).toMatchObject({ fromNik: { code: "32" }, stored: { code: "33" } });
  });

  it("an unparseable NIK is one failed check", () => {
    const checks = nikChecks({ ...base, nik: "1234" }, "2026-11-21");
    expect(checks).toEqual([{ check: "nik", ok: false, issue: expect.objectContaining({ code: expect.any(String) }) }]);
    const [nik] = checks;
    expect(nik?.check === "nik" && ruleMessage(rulesTranslator("id"), nik.issue)).toBe("NIK harus 16 digit angka.");
  });

  it("a stored NIK whose regency/city segment Kemendagri never issued is one failed check naming digits 3–4 (docs/regulation.md §6.1)", () => {
    const [nik, ...rest] = nikChecks({ ...base, nik: "3280011203800001" }, "2026-11-21");
    expect(rest).toEqual([]);
    expect(nik?.check === "nik" && ruleMessage(rulesTranslator("id"), nik.issue)).toBe(
      "Kode kabupaten/kota NIK (digit 3–4: 80) tidak ada di provinsi 32 menurut data wilayah Kemendagri.",
    );
  });

  it("an enrolment without an address has its province check passed, with nothing to compare", () => {
    expect(nikChecks({ ...base, addressProvinceCode: null }, "2026-11-21").at(-1)).toMatchObject({ check: "province", ok: true, stored: null });
  });

  it("each check has a label in both languages", () => {
    for (const locale of ["id", "en"] as const) {
      const t = translator(locale);
      for (const check of ["nik", "birthDate", "sex", "province"] as const) expect(t(`review.nikCheck.${check}`)).not.toBe(`review.nikCheck.${check}`);
    }
    expect(translator("id")("review.nikCheck.birthDate")).toBe("Tanggal lahir");
    expect(translator("en")("review.nikCheck.birthDate")).toBe("Date of birth");
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
      view: undefined,
      penyalur: undefined,
      scheme: "KECIL",
      mandate: undefined,
      status: "SUBMITTED",
      page: 1,
    });
    expect(queueHref(parseQueueQuery({ status: "ALL", page: "3" }))).toBe("/tinjauan?status=ALL&page=3");
  });

  it("the reviewer home's views (overdue, resubmitted) are waiting work: they hold the status at SUBMITTED; an unknown view is none", () => {
    expect(parseQueueQuery({ view: "overdue", status: "APPROVED" })).toMatchObject({ view: "overdue", status: "SUBMITTED" });
    expect(queueHref(parseQueueQuery({ view: "resubmitted", page: "2" }))).toBe("/tinjauan?view=resubmitted&page=2");
    expect(parseQueueQuery({ view: "everything", status: "ALL" })).toMatchObject({ view: undefined, status: "ALL" });
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
    expect(r.error?.issues[0]?.message).toBe("Tulis alasan pengembalian yang jelas bagi petugas (paling sedikit 10 karakter).");
    const en = say("en").ReturnInput.safeParse({ enrolmentId: "00000000-0000-4000-8000-000000000001", version: "1", reason: "salah" });
    expect(en.error?.issues[0]?.message).toBe("Write a reason the officer can act on (at least 10 characters).");
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
    // One ticked row posts a single value; the rows' names come along for the outcomes.
    expect(BulkApproveInput.parse({ items: "00000000-0000-4000-8000-000000000001:3", "label:00000000-0000-4000-8000-000000000001": "Ujang" })).toEqual({
      items: [{ enrolmentId: "00000000-0000-4000-8000-000000000001", version: 3 }],
      labels: { "00000000-0000-4000-8000-000000000001": "Ujang" },
    });
    expect(BulkApproveInput.safeParse({}).error?.issues[0]?.message).toBe("Pilih paling sedikit satu pendaftaran.");
    expect(BulkApproveInput.safeParse({ items: [`${"-".repeat(36)}:1`] }).success).toBe(false);
  });
});

describe("the review's refusals read in the user's language", () => {
  it("a conflict names the status now stored, translated; with no status it says nothing of it", () => {
    expect(translator("id")("actionErrors.reviewConflict", { status: "REJECTED" })).toContain("(sekarang: Ditolak)");
    expect(translator("en")("actionErrors.reviewConflict", { status: "APPROVED" })).toContain("(now: Approved)");
    expect(translator("en")("actionErrors.reviewConflict", { status: "none" })).toBe(
      "Someone else changed this enrolment. Nothing was saved; reload the page to see its current state.",
    );
  });

  it("plural months: 1 month, 2 months — never '1 months'", () => {
    const en = translator("en");
    expect(en("review.months", { count: 1 })).toBe("1 month");
    expect(en("review.months", { count: 2 })).toBe("2 months");
    expect(en("review.paymentRecorded", { count: 1, months: "11/2026" })).toBe("Payment recorded for 1 month (11/2026).");
    expect(translator("id")("review.paymentRecorded", { count: 1, months: "11/2026" })).toBe("Pembayaran tercatat untuk 1 bulan (11/2026).");
    expect(en("review.ageDays", { days: 1 })).toBe("1 working day");
    expect(en("review.validation.acceptedAmount", { amount: "Rp8.400", months: 1, through: "11/2026" })).toBe("Rp8.400 (1 month, through 11/2026)");
  });
});
