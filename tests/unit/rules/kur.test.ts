import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/config";
import fc from "fast-check";
import {
  KUR_SCHEMES,
  additionalCollateralAllowed,
  checkBusinessAge,
  accessesCounted,
  checkMikroOutstanding,
  checkMikroRepeatAccess,
  checkNpwpRequired,
  checkPlafon,
  checkTenor,
  generalSchemeForPlafon,
  interestRate,
  interestRateFor,
  isFourAccessProductionKbli,
  isKurScheme,
  kurSchemeRulesFor,
  mikroAccessCap,
  sectorGroupForKbli,
  npwpRequired,
  plafonBand,
  requiresAdditionalCollateralAllowed,
  tenorCapMonths,
  type KurPurpose,
  type KurScheme,
} from "@/lib/rules";
import { enText, expectIssue, idText } from "./rule-text";

const ON = "2026-11-21";

describe("KUR schemes (Permenko 1/2022 jo. Permenko 1/2023)", () => {
  it("has the five schemes with their Indonesian labels", () => {
    expect(KUR_SCHEMES).toEqual(["SUPER_MIKRO", "MIKRO", "KECIL", "KHUSUS", "PMI"]);
    expect(MESSAGES.id.enums.scheme).toEqual({
      SUPER_MIKRO: "KUR Super Mikro",
      MIKRO: "KUR Mikro",
      KECIL: "KUR Kecil",
      KHUSUS: "KUR Khusus",
      PMI: "KUR PMI",
    });
    expect(isKurScheme("KECIL")).toBe(true);
    expect(isKurScheme("kecil")).toBe(false);
  });

  it.each([
    ["SUPER_MIKRO", 1, 10_000_000],
    ["MIKRO", 10_000_001, 100_000_000],
    ["KECIL", 100_000_001, 500_000_000],
    ["KHUSUS", 1, 500_000_000],
    ["PMI", 1, 100_000_000],
  ] as const)("plafon band of %s is %d..%d inclusive", (scheme, min, max) => {
    expect(plafonBand(scheme)).toEqual({ min, max });
  });
});

describe("plafon outside its scheme's band is an input error (docs/regulation.md §1)", () => {
  const EDGES = [0, 1, 10_000_000, 10_000_001, 100_000_000, 100_000_001, 500_000_000, 500_000_001] as const;
  const OK: Record<KurScheme, readonly boolean[]> = {
    //           0      1      10jt   10jt+1 100jt  100jt+1 500jt 500jt+1
    SUPER_MIKRO: [false, true, true, false, false, false, false, false],
    MIKRO: [false, false, false, true, true, false, false, false],
    KECIL: [false, false, false, false, false, true, true, false],
    KHUSUS: [false, true, true, true, true, true, true, false],
    PMI: [false, true, true, true, true, false, false, false],
  };
  const cases = KUR_SCHEMES.flatMap((scheme) => EDGES.map((plafon, i) => [scheme, plafon, OK[scheme][i]] as const));

  it.each(cases)("%s with plafon %d is accepted: %s", (scheme, plafon, accepted) => {
    const issue = checkPlafon(scheme, plafon);
    if (accepted) expect(issue).toBeNull();
    else {
      expect(issue?.code).toBe("plafon.outOfBand");
      expect(idText(issue!)).toMatch(new RegExp(`^Plafon ${MESSAGES.id.enums.scheme[scheme]} harus di atas Rp[\\d.]+ sampai Rp[\\d.]+\\.$`));
    }
  });

  it.each([
    ["SUPER_MIKRO", "Plafon KUR Super Mikro harus di atas Rp0 sampai Rp10.000.000."],
    ["MIKRO", "Plafon KUR Mikro harus di atas Rp10.000.000 sampai Rp100.000.000."],
    ["KECIL", "Plafon KUR Kecil harus di atas Rp100.000.000 sampai Rp500.000.000."],
    ["KHUSUS", "Plafon KUR Khusus harus di atas Rp0 sampai Rp500.000.000."],
    ["PMI", "Plafon KUR PMI harus di atas Rp0 sampai Rp100.000.000."],
  ] as const)("the %s message names the band", (scheme, expected) => {
    expectIssue(checkPlafon(scheme, 900_000_000), "plafon.outOfBand", expected);
  });

  it("carries the scheme and the band as parameters, and reads in English", () => {
    const issue = checkPlafon("MIKRO", 5_000_000);
    expect(issue).toEqual({ code: "plafon.outOfBand", params: { scheme: "MIKRO", above: "Rp10.000.000", max: "Rp100.000.000" } });
    expect(enText(issue!)).toBe("The KUR Mikro plafon must be above Rp10.000.000 and at most Rp100.000.000.");
  });

  it.each([50_000_000.5, Number.NaN, -1.5])("rejects a plafon that is not whole rupiah (%d)", (plafon) => {
    expectIssue(checkPlafon("MIKRO", plafon), "plafon.notWhole", "Plafon harus berupa bilangan bulat rupiah.");
  });

  it("accepts exactly the plafons inside the band, for every scheme", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KUR_SCHEMES), fc.integer({ min: -1, max: 600_000_000 }), (scheme, plafon) => {
        const { min, max } = plafonBand(scheme);
        expect(checkPlafon(scheme, plafon) === null).toBe(plafon >= min && plafon <= max);
      }),
    );
  });

  it.each([
    [10_000_000, "SUPER_MIKRO"],
    [10_000_001, "MIKRO"],
    [100_000_000, "MIKRO"],
    [100_000_001, "KECIL"],
    [500_000_000, "KECIL"],
    [500_000_001, null],
    [0, null],
  ] as const)("a plafon of %d alone points to the general scheme %s", (plafon, scheme) => {
    expect(generalSchemeForPlafon(plafon)).toBe(scheme);
  });
});

describe("KUR interest by scheme and earlier accesses of that scheme — Permenko 1/2023 Pasal 22 ayat (2) (mikro), Pasal 26 ayat (2) (kecil)", () => {
  it.each([
    ["SUPER_MIKRO", 0, 3],
    ["SUPER_MIKRO", 5, 3],
    ["MIKRO", 0, 6],
    ["MIKRO", 1, 7],
    ["MIKRO", 2, 8],
    ["MIKRO", 3, 9],
    ["MIKRO", 10, 9],
    ["KECIL", 0, 6],
    ["KECIL", 1, 7],
    ["KECIL", 2, 8],
    ["KECIL", 3, 9],
    ["KECIL", 7, 9],
    ["KHUSUS", 0, 6],
    ["KHUSUS", 3, 6],
    ["PMI", 0, 6],
    ["PMI", 2, 6],
  ] as const)("%s with %d earlier accesses of the same scheme is %d%% p.a.", (scheme, prior, rate) => {
    expect(interestRate(scheme, prior, ON)).toEqual({ ratePercent: rate, tableVersion: "permenko-1-2023-bunga@2023-02-01" });
  });

  it("applies from 2023-02-01, the day Permenko 1/2023 came into force, and not before", () => {
    expect(interestRate("MIKRO", 0, "2023-02-01").ratePercent).toBe(6);
    expect(() => interestRate("MIKRO", 0, "2023-01-31")).toThrow(RangeError);
  });

  it.each([-1, 1.5, Number.NaN])("rejects a prior KUR count of %d", (prior) => {
    expect(() => interestRate("MIKRO", prior, ON)).toThrow(RangeError);
  });

  it.each([
    // scheme, earlier mikro, earlier kecil, rate
    ["KECIL", 2, 0, 6], // a first KUR kecil after two KUR mikro: Pasal 26 ayat (2) counts KUR kecil
    ["KECIL", 0, 1, 7],
    ["KECIL", 3, 3, 9],
    ["MIKRO", 0, 3, 6], // earlier KUR kecil do not raise a KUR mikro's tier: Pasal 22 ayat (2)
    ["MIKRO", 1, 0, 7],
    ["MIKRO", 3, 0, 9],
    ["SUPER_MIKRO", 2, 2, 3],
    ["KHUSUS", 2, 2, 6],
    ["PMI", 1, 1, 6],
  ] as const)("%s after %d KUR mikro and %d KUR kecil is %d%% p.a. (each tier counts its own scheme)", (scheme, mikro, kecil, rate) => {
    expect(interestRateFor(scheme, { mikro, kecil }, ON).ratePercent).toBe(rate);
  });

  it("accessesCounted picks the scheme's own count and refuses a bad one", () => {
    expect(accessesCounted("MIKRO", { mikro: 2, kecil: 5 })).toBe(2);
    expect(accessesCounted("KECIL", { mikro: 2, kecil: 5 })).toBe(5);
    expect(accessesCounted("SUPER_MIKRO", { mikro: 2, kecil: 5 })).toBe(0);
    expect(() => accessesCounted("MIKRO", { mikro: -1, kecil: 0 })).toThrow(RangeError);
  });

  it("never falls as the KUR count rises", () => {
    fc.assert(
      fc.property(fc.constantFrom(...KUR_SCHEMES), fc.nat(50), fc.nat(50), (scheme, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(interestRate(scheme, lo, ON).ratePercent).toBeLessThanOrEqual(interestRate(scheme, hi, ON).ratePercent);
      }),
    );
  });
});

describe("tenor caps by scheme and purpose (docs/regulation.md §1)", () => {
  it.each([
    ["SUPER_MIKRO", "WORKING_CAPITAL", 36],
    ["SUPER_MIKRO", "INVESTMENT", 60],
    ["MIKRO", "WORKING_CAPITAL", 36],
    ["MIKRO", "INVESTMENT", 60],
    ["KECIL", "WORKING_CAPITAL", 48],
    ["KECIL", "INVESTMENT", 60],
    ["KHUSUS", "WORKING_CAPITAL", 48],
    ["KHUSUS", "INVESTMENT", 60],
    ["PMI", "WORKING_CAPITAL", 36],
    ["PMI", "INVESTMENT", 36],
  ] as const)("%s for %s: at most %d months, one more is refused", (scheme: KurScheme, purpose: KurPurpose, cap: number) => {
    expect(tenorCapMonths(scheme, purpose)).toBe(cap);
    expect(checkTenor(scheme, purpose, cap)).toBeNull();
    expect(checkTenor(scheme, purpose, 1)).toBeNull();
    expect(checkTenor(scheme, purpose, cap + 1)).not.toBeNull();
  });

  it("names the cap in the message", () => {
    const mikro = checkTenor("MIKRO", "WORKING_CAPITAL", 37);
    expect(mikro).toEqual({ code: "tenor.tooLong", params: { scheme: "MIKRO", purpose: "WORKING_CAPITAL", cap: 36, years: 3 } });
    expectIssue(mikro, "tenor.tooLong", "Jangka waktu KUR Mikro untuk modal kerja paling lama 36 bulan (3 tahun).");
    expect(enText(checkTenor("KECIL", "INVESTMENT", 61)!)).toBe("The KUR Kecil tenor for investment is at most 60 months (5 years).");
  });

  it("leaves the years out of a cap that is not a whole number of years, and says 1 year in the singular", () => {
    const odd = { code: "tenor.tooLong" as const, params: { scheme: "PMI", purpose: "INVESTMENT", cap: 18, years: 0 } };
    expect(idText(odd)).toBe("Jangka waktu KUR PMI untuk investasi paling lama 18 bulan.");
    expect(enText(odd)).toBe("The KUR PMI tenor for investment is at most 18 months.");
    const oneYear = { code: "tenor.tooLong" as const, params: { scheme: "MIKRO", purpose: "WORKING_CAPITAL", cap: 12, years: 1 } };
    expect(idText(oneYear)).toBe("Jangka waktu KUR Mikro untuk modal kerja paling lama 12 bulan (1 tahun).");
    expect(enText(oneYear)).toBe("The KUR Mikro tenor for working capital is at most 12 months (1 year).");
  });

  it.each([0, -3, 12.5])("refuses a tenor of %d months", (months) => {
    expectIssue(checkTenor("MIKRO", "INVESTMENT", months), "tenor.notWhole", "Jangka waktu harus berupa jumlah bulan bulat, paling sedikit 1 bulan.");
  });
});

describe("collateral and NPWP thresholds (docs/regulation.md §1)", () => {
  it.each([
    [10_000_000, false],
    [100_000_000, false],
    [100_000_001, true],
    [500_000_000, true],
  ])("additional collateral may be asked for a plafon of %d: %s — none at or below Rp100 juta", (plafon, allowed) => {
    expect(additionalCollateralAllowed(plafon)).toBe(allowed);
    expect(requiresAdditionalCollateralAllowed(plafon)).toBe(allowed);
  });

  it.each([
    [50_000_000, false],
    [50_000_001, true],
  ])("NPWP required for a plafon of %d: %s — above Rp50 juta (bank practice)", (plafon, required) => {
    expect(npwpRequired(plafon)).toBe(required);
  });

  it("asks for the NPWP only when required and missing", () => {
    expect(checkNpwpRequired(50_000_001, "")).toEqual({ code: "npwp.required", params: { threshold: "Rp50.000.000" } });
    expectIssue(checkNpwpRequired(50_000_001, ""), "npwp.required", "NPWP wajib diisi untuk plafon di atas Rp50.000.000.");
    expect(checkNpwpRequired(50_000_001, "   ")).not.toBeNull();
    expect(checkNpwpRequired(50_000_001, null)).not.toBeNull();
    expect(checkNpwpRequired(50_000_001, "0012345678901000")).toBeNull();
    expect(checkNpwpRequired(50_000_000, undefined)).toBeNull();
  });
});

describe("business running at least 6 months, except super mikro (docs/regulation.md §1)", () => {
  it.each([
    ["MIKRO", "2026-05-21", ON, null],
    ["MIKRO", "2026-05-22", ON, "Usaha harus sudah berjalan paling sedikit 6 bulan (usaha dimulai 22/05/2026)."],
    ["KECIL", "2020-01-01", ON, null],
    ["KECIL", "2026-11-21", ON, "Usaha harus sudah berjalan paling sedikit 6 bulan (usaha dimulai 21/11/2026)."],
    ["KHUSUS", "2026-06-01", ON, "Usaha harus sudah berjalan paling sedikit 6 bulan (usaha dimulai 01/06/2026)."],
    ["SUPER_MIKRO", "2026-11-01", ON, null],
    ["SUPER_MIKRO", "2026-11-21", ON, null],
    // Six months from 31 August end on the last day of February.
    ["MIKRO", "2025-08-31", "2026-02-28", null],
    ["MIKRO", "2025-08-31", "2026-02-27", "Usaha harus sudah berjalan paling sedikit 6 bulan (usaha dimulai 31/08/2025)."],
  ] as const)("%s started %s, on %s → %s", (scheme, startedOn, today, expected) => {
    const issue = checkBusinessAge(scheme, startedOn, today);
    if (expected === null) expect(issue).toBeNull();
    else expectIssue(issue, "businessAge.tooYoung", expected);
  });

  it.each(KUR_SCHEMES)("refuses a start date after today for %s", (scheme) => {
    expectIssue(checkBusinessAge(scheme, "2026-11-22", ON), "businessAge.future", "Tanggal mulai usaha tidak boleh setelah hari ini.");
  });

  it("refuses an impossible start date and rejects a malformed today", () => {
    expectIssue(checkBusinessAge("MIKRO", "2026-02-30", ON), "businessAge.invalidDate", "Tanggal mulai usaha tidak valid.");
    expect(() => checkBusinessAge("MIKRO", "2026-01-01", "21/11/2026")).toThrow(RangeError);
  });
});

describe("KUR mikro repeat access — Permenko 1/2023 Pasal 24 ayat (4) and (4a)", () => {
  it.each([
    ["01111", "padi (pertanian)", 4],
    ["01262", "kelapa sawit (perkebunan)", 4],
    ["01411", "sapi potong (peternakan)", 4],
    ["01500", "pertanian campuran", 4],
    ["03111", "penangkapan ikan (perikanan)", 4],
    ["03221", "budidaya ikan air tawar (perikanan)", 4],
    ["02111", "pengusahaan hutan (kehutanan, not named in ayat (4))", 2],
    ["01610", "jasa penunjang pertanian (a service, not production)", 2],
    ["10792", "industri pengolahan", 2],
    ["47111", "perdagangan eceran", 2],
    ["56101", "restoran (jasa)", 2],
  ] as const)("KBLI %s, %s: at most %d KUR mikro — ayat (4) names pertanian, perkebunan, perikanan, peternakan", (kbli, _what, cap) => {
    expect(mikroAccessCap(kbli)).toBe(cap);
    expect(isFourAccessProductionKbli(kbli)).toBe(cap === 4);
    expect(checkMikroRepeatAccess(kbli, cap - 1)).toBeNull();
    expect(checkMikroRepeatAccess(kbli, cap)).not.toBeNull();
  });

  it("forestry keeps its KUR reporting group AGRICULTURE while the 4-access cap excludes it — Pasal 24 ayat (4)", () => {
    expect(sectorGroupForKbli("02111")).toBe("AGRICULTURE");
    expect(mikroAccessCap("02111")).toBe(2);
  });

  it("explains the refusal with the ayat, the cap and the count, in both languages — Pasal 24 ayat (4a)", () => {
    const issue = checkMikroRepeatAccess("47111", 2);
    expect(issue).toEqual({ code: "mikroRepeat.capReached", params: { ayat: "4a", cap: 2, prior: 2 } });
    expectIssue(
      issue,
      "mikroRepeat.capReached",
      "Debitur KUR Mikro di luar sektor produksi pertanian, perkebunan, perikanan dan peternakan paling banyak menerima KUR Mikro 2 kali; debitur ini sudah menerima 2 kali (Permenko 1/2023 Pasal 24 ayat (4a)).",
    );
    expect(enText(checkMikroRepeatAccess("01111", 4)!)).toBe(
      "A KUR Mikro debtor in crop farming, plantations, fisheries or livestock production may receive KUR Mikro at most 4 times; this debtor has already received it 4 times (Permenko 1/2023 Article 24(4)).",
    );
  });

  it("a first KUR mikro is always allowed", () => {
    expect(checkMikroRepeatAccess("56101", 0)).toBeNull();
  });

  it("rejects a negative count and a malformed KBLI", () => {
    expect(() => checkMikroRepeatAccess("47111", -1)).toThrow(RangeError);
    expect(() => mikroAccessCap("4711")).toThrow(RangeError);
  });
});

describe("KUR mikro outstanding total while holding KUR mikro — Permenko 1/2023 Pasal 24 ayat (1)", () => {
  it.each([
    [0, 100_000_000, 0, null],
    [40_000_000, 60_000_000, 1, null], // exactly Rp100.000.000 in all
    [40_000_001, 60_000_000, 1, "mikroOutstanding.capExceeded"],
    [100_000_000, 10_000_001, 2, "mikroOutstanding.capExceeded"],
    [10_000_000, 20_000_000, 0, "mikroOutstanding.withoutPriorMikro"],
  ] as const)("outstanding %d + plafon %d with %d earlier KUR mikro → %s", (outstanding, plafon, prior, code) => {
    expect(checkMikroOutstanding(plafon, outstanding, prior)?.code ?? null).toBe(code);
  });

  it("says how much room is left, never a negative amount", () => {
    expect(checkMikroOutstanding(20_000_000, 90_000_000, 1)?.params).toEqual({ cap: "Rp100.000.000", outstanding: "Rp90.000.000", room: "Rp10.000.000" });
    expect(checkMikroOutstanding(20_000_000, 120_000_000, 1)?.params?.room).toBe("Rp0");
    expect(idText(checkMikroOutstanding(20_000_000, 90_000_000, 1)!)).toMatch(/Pasal 24 ayat \(1\)/);
  });

  it("the cap is part of the dated scheme rules", () => {
    expect(kurSchemeRulesFor("2023-02-01").mikroOutstandingCap).toBe(100_000_000);
  });
});

describe("KUR kecil repeat access (docs/regulation.md §1.2)", () => {
  it("no numeric KUR kecil repeat limit is encoded: Permenko 12/2025 Pasal 38A points at Pasal 26 ayat (2), whose text was not read", () => {
    expect(kurSchemeRulesFor()).not.toHaveProperty("kecilAccessCap");
  });
});
