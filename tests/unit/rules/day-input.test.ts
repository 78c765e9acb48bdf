import { describe, expect, it } from "vitest";
import { dayForInput, parseDayInput } from "@/lib/rules";

/**
 * The dd/mm/yyyy date field's reading (docs/decisions/0026 §4; dates shown as 21/11/2026, platform
 * rule of the house): day first whatever the browser's locale, a real Gregorian calendar day, the
 * year in full.
 */
describe("parseDayInput: day/month/four-digit year, Gregorian calendar", () => {
  it("reads 21/11/2026 as 2026-11-21, with one-digit day and month and dots or dashes too", () => {
    expect(parseDayInput("21/11/2026")).toBe("2026-11-21");
    expect(parseDayInput(" 1/7/2030 ")).toBe("2030-07-01");
    expect(parseDayInput("01.07.2030")).toBe("2030-07-01");
    expect(parseDayInput("01-07-2030")).toBe("2030-07-01");
  });

  it("29/02 only in a leap year: 2024 and 2000 yes, 2027 and 1900 no", () => {
    expect(parseDayInput("29/02/2024")).toBe("2024-02-29");
    expect(parseDayInput("29/02/2000")).toBe("2000-02-29");
    expect(parseDayInput("29/02/2027")).toBeNull();
    expect(parseDayInput("29/02/1900")).toBeNull();
  });

  it("refuses days that do not exist: 31/04, 31/06, 32/01, 00/01, 15/13", () => {
    for (const text of ["31/04/2026", "31/06/2026", "32/01/2026", "00/01/2026", "15/13/2026", "15/00/2026"]) expect(parseDayInput(text), text).toBeNull();
  });

  it("refuses a two-digit year (21/11/26) and other shapes rather than guess", () => {
    for (const text of ["21/11/26", "21/11/026", "2026/11/21", "11/21", "", "besok", "21/11/2026x"]) expect(parseDayInput(text), text).toBeNull();
  });

  it("keeps an ISO date as it is (a stored draft, a bulk file); month first is never read", () => {
    expect(parseDayInput("2026-11-21")).toBe("2026-11-21");
    // 07/01/2030 is 7 January, not July 1.
    expect(parseDayInput("07/01/2030")).toBe("2030-01-07");
  });
});

describe("dayForInput: what the field shows", () => {
  it("an ISO date as dd/mm/yyyy, a value typed by the person as typed", () => {
    expect(dayForInput("2030-07-01")).toBe("01/07/2030");
    expect(dayForInput("31/04/2026")).toBe("31/04/2026");
    expect(dayForInput("")).toBe("");
  });
});
