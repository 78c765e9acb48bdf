import { describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n/translator";
import { targetInput, dashboardHref, exportHref, parseDashboardQuery, parseExportRequest } from "@/lib/dashboard/schema";

describe("the dashboard's URL is its state", () => {
  it("defaults to the twelve months up to the current month", () => {
    expect(parseDashboardQuery({}, "2026-11")).toEqual({ from: "2025-12", to: "2026-11" });
  });

  it("keeps every filter that is well formed, from Next's searchParams or URLSearchParams", () => {
    const q = { from: "2026-01", to: "2026-06", kanwil: "JAWA_BARAT", kc: "KC-BANDUNG-SUCI", penyalur: "BRI", scheme: "MIKRO" };
    expect(parseDashboardQuery(q, "2026-11")).toEqual(q);
    expect(parseDashboardQuery(new URLSearchParams(q), "2026-11")).toEqual(q);
  });

  it("drops malformed parameters instead of failing, and turns a backwards period round", () => {
    expect(parseDashboardQuery({ from: "2026-13", to: "x", kanwil: "jawa barat'; drop", scheme: "PMI", penyalur: ["BNI", "BRI"] }, "2026-11")).toEqual({
      from: "2025-12",
      to: "2026-11",
      penyalur: "BNI",
    });
    expect(parseDashboardQuery({ from: "2026-09", to: "2026-02" }, "2026-11")).toEqual({ from: "2026-02", to: "2026-09" });
  });

  it("caps a period at five years, keeping its end", () => {
    expect(parseDashboardQuery({ from: "2010-01", to: "2026-11" }, "2026-11")).toEqual({ from: "2021-12", to: "2026-11" });
  });

  it("links: choosing a Kanwil clears the branch; undefined removes a filter; exports carry the filters", () => {
    const q = { from: "2026-01", to: "2026-11", kanwil: "JAWA_BARAT", kc: "KC-BANDUNG-SUCI", scheme: "MIKRO" as const };
    expect(dashboardHref(q, { kanwil: "JATENG_DIY" })).toBe("/dasbor?from=2026-01&to=2026-11&kanwil=JATENG_DIY&scheme=MIKRO");
    expect(dashboardHref(q, { scheme: undefined })).toBe("/dasbor?from=2026-01&to=2026-11&kanwil=JAWA_BARAT&kc=KC-BANDUNG-SUCI");
    expect(exportHref(q, "kc", "csv")).toBe("/dasbor/ekspor?from=2026-01&to=2026-11&kanwil=JAWA_BARAT&kc=KC-BANDUNG-SUCI&scheme=MIKRO&table=kc&format=csv");
  });

  it("an export names a known table and format, or nothing", () => {
    expect(parseExportRequest(new URLSearchParams("table=detail&format=xlsx"))).toEqual({ table: "detail", format: "xlsx" });
    expect(parseExportRequest(new URLSearchParams("table=users&format=csv"))).toBeNull();
    expect(parseExportRequest(new URLSearchParams("table=kc&format=pdf"))).toBeNull();
  });
});

describe("a target as the administrator types it", () => {
  const ok = { year: "2026", kanwil: "JAWA_BARAT", kc: "", approvedTarget: "120.000", complianceTargetPct: "95%" };
  const inLanguage = (locale: "id" | "en") => {
    const t = translator(locale);
    return targetInput((key, params) => t(`targets.errors.${key}`, params));
  };
  const TargetInput = inLanguage("id");

  it("accepts thousands separators and a percent sign; an empty branch means the whole Kanwil", () => {
    expect(TargetInput.parse(ok)).toEqual({ year: 2026, kanwil: "JAWA_BARAT", kc: undefined, approvedTarget: 120000, complianceTargetPct: 95 });
  });

  it.each([
    ["year", { year: "1999" }],
    ["approvedTarget", { approvedTarget: "-5" }],
    ["approvedTarget", { approvedTarget: "12,5" }],
    ["complianceTargetPct", { complianceTargetPct: "101" }],
    ["kanwil", { kanwil: "" }],
  ])("refuses a bad %s", (field, change) => {
    const result = TargetInput.safeParse({ ...ok, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toContain(field);
  });

  it("says what is wrong in the user's language, from the catalogue", () => {
    const message = (locale: "id" | "en", change: Record<string, string>) =>
      inLanguage(locale).safeParse({ ...ok, ...change }).error!.issues[0]!.message;
    expect(message("id", { year: "1999" })).toBe("Tahun paling awal 2023.");
    expect(message("en", { year: "1999" })).toBe("The earliest year is 2023.");
    expect(message("id", { complianceTargetPct: "101" })).toBe("Target kepatuhan paling tinggi 100%.");
    expect(message("en", { approvedTarget: "12,5" })).toBe("The participant target must be a whole number, 0 or more (no decimals).");
  });
});
