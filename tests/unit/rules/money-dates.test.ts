import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays,
  addMonths,
  addMonthsToDate,
  ageOn,
  dayOfWeek,
  formatDateId,
  formatMonthId,
  formatRupiah,
  formatRupiahShort,
  isIsoDate,
  isIsoMonth,
  lastDayOfMonth,
  monthOf,
  monthRange,
  monthsBetween,
  todayInZone,
} from "@/lib/rules";

describe("formatRupiah — whole rupiah in id-ID format (docs/regulation.md §3: display as Rp16.800)", () => {
  it.each([
    [16_800, "Rp16.800"],
    [0, "Rp0"],
    [-5_000, "-Rp5.000"],
    [999, "Rp999"],
    [1_000, "Rp1.000"],
    [1_234_567, "Rp1.234.567"],
    [100_000_000, "Rp100.000.000"],
    [500_000_001, "Rp500.000.001"],
  ])("formats %d as %s", (amount, expected) => {
    expect(formatRupiah(amount)).toBe(expected);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])("rejects %d: money is a safe integer", (amount) => {
    expect(() => formatRupiah(amount)).toThrow(RangeError);
  });

  it.each([
    [100_000_000, "id", "Rp100 juta"],
    [100_000_000, "en", "Rp100 million"],
    [2_000_000_000, "id", "Rp2 miliar"],
    [1_500_000, "id", "Rp1.500.000"],
    [16_800, "id", "Rp16.800"],
  ] as const)("formatRupiahShort(%d, %s) is %s", (amount, locale, expected) => {
    expect(formatRupiahShort(amount, locale)).toBe(expected);
  });

  it("groups every safe integer so that removing the dots gives the number back", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        const text = formatRupiah(n);
        expect(text).toMatch(/^-?Rp\d{1,3}(\.\d{3})*$/);
        expect(Number(text.replace("Rp", "").replaceAll(".", ""))).toBe(n);
      }),
    );
  });
});

describe("calendar dates as ISO strings (docs/decisions/0004-layout.md: dates cross boundaries as ISO strings)", () => {
  it.each([
    ["2026-11-21", "21/11/2026"],
    ["1985-08-17", "17/08/1985"],
    ["2000-02-29", "29/02/2000"],
  ])("formatDateId(%s) is %s", (iso, expected) => {
    expect(formatDateId(iso)).toBe(expected);
  });

  it("formatMonthId shows a contribution month as MM/YYYY", () => {
    expect(formatMonthId("2026-04")).toBe("04/2026");
  });

  it.each(["2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29", "21/11/2026", "2026-1-5", ""])(
    "rejects %j as a calendar date",
    (bad) => {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => formatDateId(bad)).toThrow(RangeError);
      expect(() => monthOf(bad)).toThrow(RangeError);
    },
  );

  it.each(["2026-13", "2026-00", "2026-1", "202611", "2026-11-01"])("rejects %j as a contribution month", (bad) => {
    expect(isIsoMonth(bad)).toBe(false);
    expect(() => addMonths(bad, 1)).toThrow(RangeError);
  });

  it("monthOf gives the contribution month of a date", () => {
    expect(monthOf("2026-11-21")).toBe("2026-11");
  });

  it.each([
    ["2026-12", 1, "2027-01"],
    ["2026-01", -1, "2025-12"],
    ["2026-05", 0, "2026-05"],
    ["2026-05", 24, "2028-05"],
    ["2026-03", -15, "2024-12"],
  ])("addMonths(%s, %d) is %s", (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });

  it("addMonths rejects a fractional offset", () => {
    expect(() => addMonths("2026-01", 1.5)).toThrow(RangeError);
  });

  it("addMonths and monthsBetween are inverse", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 * 200 }), fc.integer({ min: -600, max: 600 }), (offset, n) => {
        const m = addMonths("1900-01", offset);
        expect(monthsBetween(m, addMonths(m, n))).toBe(n);
        expect(addMonths(addMonths(m, n), -n)).toBe(m);
      }),
    );
  });

  it("monthRange lists both ends and is empty when reversed", () => {
    expect(monthRange("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(monthRange("2026-11", "2026-10")).toEqual([]);
  });

  it.each([
    ["2024-02", "2024-02-29"],
    ["2026-02", "2026-02-28"],
    ["2000-02", "2000-02-29"],
    ["2100-02", "2100-02-28"],
    ["2026-04", "2026-04-30"],
    ["2026-12", "2026-12-31"],
  ])("lastDayOfMonth(%s) is %s", (month, expected) => {
    expect(lastDayOfMonth(month)).toBe(expected);
  });

  it.each([
    ["2026-02-28", 1, "2026-03-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-01-01", -1, "2025-12-31"],
    ["0050-03-01", -1, "0050-02-28"],
  ])("addDays(%s, %d) is %s", (iso, n, expected) => {
    expect(addDays(iso, n)).toBe(expected);
  });

  it.each([
    ["2025-08-31", 6, "2026-02-28"],
    ["2023-08-31", 6, "2024-02-29"],
    ["2026-05-21", 6, "2026-11-21"],
  ])("addMonthsToDate(%s, %d) clamps to the month end: %s", (iso, n, expected) => {
    expect(addMonthsToDate(iso, n)).toBe(expected);
  });

  it.each([
    ["2026-11-21", 6],
    ["2026-11-15", 0],
    ["2026-06-15", 1],
    ["1900-01-01", 1],
  ])("dayOfWeek(%s) is %d (0 = Sunday)", (iso, expected) => {
    expect(dayOfWeek(iso)).toBe(expected);
  });

  it.each([
    ["1985-08-17", "2026-11-21", 41],
    ["1985-11-21", "2026-11-21", 41],
    ["1985-11-22", "2026-11-21", 40],
    ["2000-02-29", "2025-02-28", 24],
    ["2000-02-29", "2025-03-01", 25],
  ])("ageOn(%s, %s) is %d completed years", (birth, on, expected) => {
    expect(ageOn(birth, on)).toBe(expected);
  });
});

describe("todayInZone — the office's local date (docs/regulation.md §7: WIB, WITA, WIT)", () => {
  it.each([
    ["2026-11-20T16:30:00Z", "Asia/Jakarta", "2026-11-20"],
    ["2026-11-20T16:30:00Z", "Asia/Makassar", "2026-11-21"],
    ["2026-11-20T16:30:00Z", "Asia/Jayapura", "2026-11-21"],
    ["2026-11-20T17:30:00Z", "Asia/Jakarta", "2026-11-21"],
    ["2026-11-20T17:30:00Z", "UTC", "2026-11-20"],
    ["2026-12-31T17:00:00Z", "Asia/Jakarta", "2027-01-01"],
  ])("%s in %s is %s", (instant, zone, expected) => {
    expect(todayInZone(new Date(instant), zone)).toBe(expected);
  });

  it("rejects an unknown time zone and an invalid Date", () => {
    expect(() => todayInZone(new Date("2026-11-21T00:00:00Z"), "Asia/Nowhere")).toThrow(RangeError);
    expect(() => todayInZone(new Date("not a date"), "Asia/Jakarta")).toThrow(RangeError);
  });
});
