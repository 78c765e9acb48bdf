import { describe, expect, it } from "vitest";
import type { PersonRow } from "@/lib/admin/people/data";
import { peopleCsv } from "@/lib/admin/people/table";
import { translator } from "@/lib/i18n/translator";

const row: PersonRow = {
  id: "u-1",
  name: "Siti Rahma; Verifikator",
  email: "siti@demo.lindungikur.id",
  role: "BRANCH_REVIEWER",
  status: "active",
  placeKind: "kc",
  placeName: "KC Bandung Suci",
  placeValue: "KC-BANDUNG-SUCI",
  secondFactor: "required",
  totpRequired: true,
  createdAt: "2026-11-21T03:00:00.000Z",
};

describe("access list CSV (docs/platform.md §8)", () => {
  it("id: byte-order mark, semicolons (a name holding one is quoted), the screen's words not the codes", () => {
    const bytes = new TextEncoder().encode(peopleCsv(translator("id"), [row], "Asia/Jakarta", "id"));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [head, line, end] = new TextDecoder().decode(bytes).split("\r\n");
    expect(head).toBe("Nama;Email;Peran;Cakupan;Status;Dua langkah;Dibuat");
    expect(line).toMatch(/^"Siti Rahma; Verifikator";siti@demo\.lindungikur\.id;[^;]+;KC Bandung Suci;Aktif;Wajib, belum diatur;21\/11\/2026/);
    expect(line).not.toContain("BRANCH_REVIEWER");
    expect(end).toBe("");
  });

  it("en: commas (the comma-holding cell is quoted, the semicolon one is not)", () => {
    const [head, line] = peopleCsv(translator("en"), [row], "Asia/Jakarta", "en").slice(1).split("\r\n");
    expect(head!.split(",")).toHaveLength(7);
    expect(line).toMatch(/^Siti Rahma; Verifikator,siti@demo\.lindungikur\.id,[^,]+,KC Bandung Suci,Active,"Required, not set up",21\/11\/2026/);
    expect(line).not.toContain("BRANCH_REVIEWER");
  });
});
