import { describe, expect, it } from "vitest";
import { formatInstant } from "@/lib/format";
import { wallClockInZone } from "@/lib/rules";

describe("instants are shown in the office's own zone (docs/regulation.md §7: store UTC, show WIB/WITA/WIT)", () => {
  it.each([
    ["2026-11-21T14:12:00Z", "Asia/Jakarta", "21/11/2026 21.12 WIB"],
    ["2026-11-21T14:12:00Z", "Asia/Pontianak", "21/11/2026 21.12 WIB"],
    ["2026-11-21T14:12:00Z", "Asia/Makassar", "21/11/2026 22.12 WITA"],
    ["2026-11-21T14:12:00Z", "Asia/Jayapura", "21/11/2026 23.12 WIT"],
    ["2026-11-21T17:30:00Z", "Asia/Jakarta", "22/11/2026 00.30 WIB"],
  ])("%s in %s reads %s", (iso, zone, expected) => {
    expect(formatInstant(iso, zone)).toBe(expected);
  });

  it("the wall clock at midnight uses hour 0, not 24", () => {
    expect(wallClockInZone(new Date("2026-11-21T17:00:05Z"), "Asia/Jakarta")).toEqual({
      year: 2026, month: 11, day: 22, hour: 0, minute: 0, second: 5,
    });
  });

  it("an unknown zone or an invalid instant is refused", () => {
    expect(() => wallClockInZone(new Date("2026-11-21T00:00:00Z"), "Asia/Nowhere")).toThrow(RangeError);
    expect(() => wallClockInZone(new Date("nonsense"), "Asia/Jakarta")).toThrow(RangeError);
  });
});
