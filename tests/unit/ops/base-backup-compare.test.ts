import { describe, expect, it } from "vitest";
import { compareFigures } from "../../../scripts/lib/base-backup";

const t = (table: string, rows: number, fingerprint = `f${rows}`) => ({ table, rows, fingerprint });

describe("the base-backup drill's comparison (docs/decisions/0015-abuse-limits.md §Deployment and backups)", () => {
  it("equal tables pass", () => {
    expect(compareFigures([t("db.public.A", 3), t("db.public.B", 0)], [t("db.public.B", 0), t("db.public.A", 3)])).toEqual([]);
  });

  it("another row count, the same count with other rows, or a table on one side only fails", () => {
    const diff = compareFigures([t("db.public.A", 3), t("db.public.B", 2, "x"), t("db.public.C", 1)], [t("db.public.A", 2), t("db.public.B", 2, "y"), t("db.public.D", 0)]);
    expect(diff.map((d) => [d.table, d.source?.rows ?? null, d.copy?.rows ?? null])).toEqual([
      ["db.public.A", 3, 2],
      ["db.public.B", 2, 2],
      ["db.public.C", 1, null],
      ["db.public.D", null, 0],
    ]);
  });
});
