import { describe, expect, it } from "vitest";
import {
  HOLIDAY_YEARS,
  REVIEW_SLA_WORKING_DAYS,
  dayOfWeek,
  holidayOn,
  holidayYearCoverage,
  isWorkingDay,
  latestOverdueDay,
  onOrNextWorkingDay,
  workingDaysBetween,
} from "@/lib/rules";

describe("working days: Monday–Friday without national holidays and cuti bersama (SKB 3 Menteri 2025 for 2026)", () => {
  it("the 2026 table has the SKB's 17 national holidays and 8 cuti bersama days", () => {
    const y2026 = HOLIDAY_YEARS.find((y) => y.year === 2026)!;
    expect(y2026.holidays.filter((h) => h.kind === "NATIONAL")).toHaveLength(17);
    expect(y2026.holidays.filter((h) => h.kind === "CUTI_BERSAMA")).toHaveLength(8);
    expect(holidayYearCoverage(2026)).toBe("complete");
    expect(holidayYearCoverage(2027)).toBe("partial");
    expect(holidayYearCoverage(2030)).toBe("none");
  });

  it("the 2025 table has SKB 1017/2024, 2/2024, 2/2024's 17 national holidays and 10 cuti bersama, plus 18/08/2025 of SKB 933/2025, 1/2025, 3/2025", () => {
    const y2025 = HOLIDAY_YEARS.find((y) => y.year === 2025)!;
    expect(y2025.holidays.filter((h) => h.kind === "NATIONAL")).toHaveLength(17);
    expect(y2025.holidays.filter((h) => h.kind === "CUTI_BERSAMA")).toHaveLength(11);
    expect(y2025.source).toMatch(/1017 Tahun 2024.*933 Tahun 2025/);
    expect(holidayYearCoverage(2025)).toBe("complete");
    expect(holidayOn("2025-08-18")).toMatch(/Cuti bersama/);
    // Idul Fitri 1446 H: Mon 31/03 and Tue 01/04 are holidays, 02–04/04 and Mon 07/04 cuti bersama.
    expect(onOrNextWorkingDay("2025-03-31")).toBe("2025-04-08");
    // 15/05/2025 is a Thursday and a working day: the due date stays.
    expect(onOrNextWorkingDay("2025-05-15")).toBe("2025-05-15");
  });

  it("2027 stays marked incomplete: its SKB is not entered, only the fixed-date holidays are listed", () => {
    const y2027 = HOLIDAY_YEARS.find((y) => y.year === 2027)!;
    expect(y2027.complete).toBe(false);
    expect(y2027.holidays.every((h) => h.kind === "NATIONAL")).toBe(true);
  });

  it("every holiday date in the table is a real date of its year, listed once", () => {
    for (const y of HOLIDAY_YEARS) {
      const dates = y.holidays.map((h) => h.date);
      expect(new Set(dates).size).toBe(dates.length);
      for (const d of dates) {
        expect(d.startsWith(`${y.year}-`)).toBe(true);
        expect(() => dayOfWeek(d)).not.toThrow();
      }
    }
  });

  it("weekends, holidays and cuti bersama are not working days", () => {
    expect(isWorkingDay("2026-11-21")).toBe(false); // Saturday
    expect(isWorkingDay("2026-11-22")).toBe(false); // Sunday
    expect(isWorkingDay("2026-08-17")).toBe(false); // Independence Day, a Monday
    expect(isWorkingDay("2026-12-24")).toBe(false); // cuti bersama Natal, a Thursday
    expect(holidayOn("2026-03-23")).toMatch(/Idul Fitri/);
    expect(isWorkingDay("2026-11-23")).toBe(true);
  });

  it.each([
    ["2026-11-20", "2026-11-20", 0], // same day
    ["2026-11-20", "2026-11-21", 0], // Friday → Saturday
    ["2026-11-20", "2026-11-23", 1], // Friday → Monday
    ["2026-11-20", "2026-11-25", 3], // Friday → Wednesday: past the 2-day service level
    ["2026-12-23", "2026-12-28", 1], // 24 cuti bersama, 25 Natal, weekend → only Monday counts
    ["2026-03-17", "2026-03-25", 1], // Nyepi and the Idul Fitri week: only 25 March counts
    ["2026-11-21", "2026-11-23", 1], // submitted on a Saturday, looked at on Monday
    ["2026-11-25", "2026-11-20", 0], // backwards
  ])("submitted %s, looked at %s: %i working days old", (from, to, days) => {
    expect(workingDaysBetween(from, to)).toBe(days);
  });

  it("the review's service level is 2 working days", () => {
    expect(REVIEW_SLA_WORKING_DAYS).toBe(2);
    expect(workingDaysBetween("2026-11-20", "2026-11-24") > REVIEW_SLA_WORKING_DAYS).toBe(false);
    expect(workingDaysBetween("2026-11-20", "2026-11-25") > REVIEW_SLA_WORKING_DAYS).toBe(true);
  });

  it("the next working day skips weekends and holiday runs", () => {
    expect(onOrNextWorkingDay("2026-11-23")).toBe("2026-11-23");
    expect(onOrNextWorkingDay("2026-08-15")).toBe("2026-08-18");
    expect(onOrNextWorkingDay("2026-03-20")).toBe("2026-03-25");
  });
});

describe("latestOverdueDay: the last submission day past the review service level of 2 working days (a portal service level, not a regulation; working days by the SKB of docs/regulation.md §3)", () => {
  it("on Wednesday 02/12/2026 a submission of Sunday 29/11 is overdue (3 working days), Monday 30/11 is not (2)", () => {
    expect(latestOverdueDay("2026-12-02")).toBe("2026-11-29");
    expect(workingDaysBetween("2026-11-29", "2026-12-02")).toBeGreaterThan(REVIEW_SLA_WORKING_DAYS);
    expect(workingDaysBetween("2026-11-30", "2026-12-02")).toBe(REVIEW_SLA_WORKING_DAYS);
  });

  it("skips the Nyepi and Idul Fitri 1447 H holidays and cuti bersama: on 25/03/2026 only Sunday 15/03 and before are overdue", () => {
    expect(latestOverdueDay("2026-03-25")).toBe("2026-03-15");
    expect(workingDaysBetween("2026-03-16", "2026-03-25")).toBe(2);
  });

  it("agrees with workingDaysBetween on every day of 2026: overdue exactly when the age passes the SLA", () => {
    for (let d = "2026-01-10"; d <= "2026-12-31"; d = addDaysLocal(d, 1)) {
      const last = latestOverdueDay(d);
      expect(workingDaysBetween(last, d)).toBeGreaterThan(REVIEW_SLA_WORKING_DAYS);
      expect(workingDaysBetween(addDaysLocal(last, 1), d)).toBeLessThanOrEqual(REVIEW_SLA_WORKING_DAYS);
    }
  });
});

function addDaysLocal(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
