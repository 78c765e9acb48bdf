import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/config";
import {
  KUR_SECTOR_GROUPS,
  NIK_PROVINCE_CODES,
  PROVINCES,
  isKanwilCode,
  provinceByCode,
  sectorGroupForKbli,
  bpuSectorForKbli,
} from "@/lib/rules";

describe("KUR sector groups from KBLI 2020 divisions (docs/regulation.md §6)", () => {
  it("has the five reporting groups with Indonesian labels", () => {
    expect(KUR_SECTOR_GROUPS).toEqual(["AGRICULTURE", "FISHERIES", "PROCESSING_INDUSTRY", "TRADE", "SERVICES"]);
    expect(MESSAGES.id.enums.kurSector).toEqual({
      AGRICULTURE: "Pertanian",
      FISHERIES: "Perikanan",
      PROCESSING_INDUSTRY: "Industri Pengolahan",
      TRADE: "Perdagangan",
      SERVICES: "Jasa",
    });
  });

  it.each([
    ["01111", "AGRICULTURE"], // food crops
    ["01262", "AGRICULTURE"], // plantation (oil palm): KBLI 01
    ["01411", "AGRICULTURE"], // livestock (dairy cattle): KBLI 01
    ["02119", "AGRICULTURE"], // forestry
    ["03111", "FISHERIES"], // capture fishing
    ["03252", "FISHERIES"], // aquaculture
    ["05100", "SERVICES"], // mining has no group of its own
    ["09900", "SERVICES"],
    ["10710", "PROCESSING_INDUSTRY"], // bakery: first division of section C
    ["33121", "PROCESSING_INDUSTRY"], // last division of section C
    ["35101", "SERVICES"],
    ["41011", "SERVICES"], // construction
    ["43900", "SERVICES"],
    ["45201", "TRADE"], // first division of section G
    ["47111", "TRADE"], // last division of section G
    ["49431", "SERVICES"],
    ["56101", "SERVICES"], // restaurant
    ["96021", "SERVICES"],
    ["99000", "SERVICES"],
  ] as const)("KBLI %s is in group %s", (kbli, group) => {
    expect(sectorGroupForKbli(kbli)).toBe(group);
  });

  it.each(["04111", "34000", "44000", "00000", "4711", "47111a"])("refuses %s (no such KBLI 2020 division or not 5 digits)", (kbli) => {
    expect(() => sectorGroupForKbli(kbli)).toThrow(RangeError);
  });
});

describe("provinces and Kanwil (docs/regulation.md §6, §7)", () => {
  it("has the 38 NIK province codes of docs/regulation.md §6", () => {
    const expected = [
      ...range(11, 19),
      21,
      ...range(31, 36),
      ...range(51, 53),
      ...range(61, 65),
      ...range(71, 76),
      81,
      82,
      ...range(91, 96),
    ].map(String);
    expect([...NIK_PROVINCE_CODES].sort()).toEqual(expected.sort());
    expect(PROVINCES).toHaveLength(38);
  });

  it("maps every province to one of the 11 Kanwil and an Indonesian time zone", () => {
    for (const p of PROVINCES) {
      expect(isKanwilCode(p.kanwil)).toBe(true);
      expect(["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"]).toContain(p.timeZone);
    }
    expect(new Set(PROVINCES.map((p) => p.kanwil)).size).toBe(11);
    expect(provinceByCode("32")?.name).toBe("Jawa Barat");
    expect(provinceByCode("99")).toBeNull();
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe("BPU sector for the PP 50/2025 relief period (docs/regulation.md §3: transport = drivers, couriers)", () => {
  it.each([
    ["49431", "TRANSPORT"],
    ["49422", "TRANSPORT"],
    ["53201", "TRANSPORT"],
    ["52101", "TRANSPORT"],
    ["47111", "OTHER"],
    ["01111", "OTHER"],
    ["56101", "OTHER"],
  ] as const)("KBLI %s is %s", (kbli, sector) => {
    expect(bpuSectorForKbli(kbli)).toBe(sector);
  });

  it("refuses a malformed code", () => {
    expect(() => bpuSectorForKbli("4943")).toThrow(RangeError);
  });
});
