/**
 * The Regency master data's seed and form (docs/decisions/0014 §1): the seed is Kemendagri's list as
 * idn-area-data gives it, the same codes the NIK check reads (docs/regulation.md §6.1); a code is
 * four digits as a NIK carries it and starts with its province's.
 */
import { describe, expect, it } from "vitest";
import { masterDataInput } from "@/lib/admin/masterdata/schema";
import { AREA_CODES_VERSION, NIK_PROVINCE_CODES, regencyCodesOf } from "@/lib/rules";
import { REGENCIES, REGENCIES_VERSION } from "@/prisma/seed/regencies";

const schema = masterDataInput((key) => key);

describe("the regency seed", () => {
  it("is generated from idn-area-data and matches the package, name for name", async () => {
    const { areaCodeTable } = await import("@/scripts/generate-area-codes");
    const table = await areaCodeTable();
    expect(REGENCIES_VERSION).toBe(table.version);
    expect(Object.fromEntries(REGENCIES)).toEqual(table.names);
  });

  it("has exactly the regency codes the NIK check lists, province by province", () => {
    expect(REGENCIES_VERSION).toBe(AREA_CODES_VERSION);
    for (const province of NIK_PROVINCE_CODES) {
      const seeded = REGENCIES.filter(([code]) => code.startsWith(province)).map(([code]) => code.slice(2));
      expect(seeded).toEqual([...regencyCodesOf(province)]);
    }
  });
});

describe("a regency typed by an administrator", () => {
  const parse = (v: Record<string, string>) => schema.safeParse({ entity: "regency", ...v });
  const messages = (v: Record<string, string>) => {
    const r = parse(v);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("takes a regency (01–69) or city (71–99) code inside its province", () => {
    expect(parse({ province: "32", code: "3219", name: "Kabupaten Uji" }).success).toBe(true);
    expect(parse({ province: "32", code: "3280", name: "Kota Uji" }).success).toBe(true);
  });

  it("refuses 00, 70, letters, other lengths and a code of another province", () => {
    for (const code of ["3200", "3270", "32A1", "321", "32011"]) expect(messages({ province: "32", code, name: "Kabupaten Uji" })).toEqual({ code: "regencyCodeFormat" });
    expect(messages({ province: "33", code: "3219", name: "Kabupaten Uji" })).toEqual({ code: "regencyCodeProvince" });
    expect(messages({ code: "3219", name: "Kabupaten Uji" })).toEqual({ province: "choose" });
  });

  it("is renamed by its code alone: no province or code needed", () => {
    expect(parse({ id: "3273", name: "Kota Bandung" }).success).toBe(true);
  });
});
