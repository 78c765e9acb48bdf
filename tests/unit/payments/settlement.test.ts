/**
 * Settlement files (issue #15; docs/api.md "Berkas settlement"; docs/decisions/0021): parsing every row
 * with every problem named, and the reconciliation against the portal's payments from the same channel —
 * each mismatch kind with its action, and nothing offered for settling twice.
 */
import { describe, expect, it } from "vitest";
import { billingCodeFor } from "@/lib/rules";
import { countByKind, parseSettlementFile, reconcileSettlement, type PortalPayment, type SettlementRow } from "@/lib/payments/settlement";

const A = billingCodeFor("10000000009");
const B = billingCodeFor("10000000017");

function rows(text: string): SettlementRow[] {
  const parsed = parseSettlementFile(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.rows;
}

describe("parseSettlementFile", () => {
  it("reads the documented columns in any order, with a BOM, ';' or ',' and snake_case headers", () => {
    const comma = rows(`\uFEFFreference,billingCode,amount,paidOn\r\nTRX-1,${A},16800,2026-12-01\r\n`);
    const semicolon = rows(`Paid_On;AMOUNT;billing_code;Reference\n2026-12-01;16800;${A};TRX-1\n\n`);
    expect(comma).toEqual([{ line: 2, reference: "TRX-1", billingCode: A, amount: 16800, paidOn: "2026-12-01" }]);
    expect(semicolon).toEqual(comma);
  });

  it("names the missing columns, an empty file, and refuses a file over 5 MB", () => {
    expect(parseSettlementFile("reference,amount\nX,1\n")).toEqual({ ok: false, problem: "columnsMissing", missing: ["billingCode", "paidOn"] });
    expect(parseSettlementFile("\n\n")).toMatchObject({ ok: false, problem: "empty" });
    expect(parseSettlementFile("x".repeat(5 * 1024 * 1024 + 1))).toMatchObject({ ok: false, problem: "tooLarge" });
  });

  it("lists each bad row with all its problems and keeps the good ones; a repeated reference is the second row's problem", () => {
    const parsed = parseSettlementFile(
      [
        "reference,billingCode,amount,paidOn",
        `TRX-1,${A},16800,2026-12-01`,
        `TRX-1,${B},16800,2026-12-01`,
        `bad ref!,${A.slice(0, 15)}9,16.800,01/12/2026`,
        `TRX-3,${A},0,2026-02-30`,
        `TRX-4,${B},33600,2026-12-02`,
      ].join("\n"),
    );
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { line: 2, reference: "TRX-1", billingCode: A, amount: 16800, paidOn: "2026-12-01" },
        { line: 6, reference: "TRX-4", billingCode: B, amount: 33600, paidOn: "2026-12-02" },
      ],
      invalid: [
        { line: 3, reference: "TRX-1", problems: ["referenceRepeated"] },
        { line: 4, reference: "bad ref!", problems: ["referenceInvalid", "billingCodeInvalid", "amountInvalid", "paidOnInvalid"] },
        { line: 5, reference: "TRX-3", problems: ["amountInvalid", "paidOnInvalid"] },
      ],
    });
  });
});

describe("reconcileSettlement: every mismatch kind, each with its action", () => {
  const portal = (reference: string, over: Partial<PortalPayment> = {}): PortalPayment => ({
    paymentId: `p-${reference}`,
    enrolmentId: "e-1",
    reference,
    billingCode: A,
    amount: 16800,
    paidOn: "2026-12-01",
    reversed: false,
    ...over,
  });
  const file = rows(
    [
      "reference,billingCode,amount,paidOn",
      `MATCH,${A},16800,2026-12-01`,
      `NEW,${B},16800,2026-12-01`,
      `AMOUNT,${A},33600,2026-12-02`,
      `CODE,${A},16800,2026-12-02`,
      `REVERSED,${A},16800,2026-12-02`,
    ].join("\n"),
  );
  const portalSide = [
    portal("MATCH"),
    portal("AMOUNT", { paidOn: "2026-12-02" }),
    portal("CODE", { billingCode: B, paidOn: "2026-12-02" }),
    portal("REVERSED", { reversed: true, paidOn: "2026-12-02" }),
    portal("LATE", { paidOn: "2026-12-02" }),
    // Outside the file's days (01–02/12): not the file's business.
    portal("OTHER-DAY", { paidOn: "2026-11-30" }),
    // Standing only in the portal but reversed: nothing to ask.
    portal("GONE", { reversed: true }),
  ];
  const items = reconcileSettlement(file, portalSide);

  it("matched / missing in portal / amount differs / missing in file, in the file's order then the portal's extras", () => {
    expect(items.map((i) => [i.reference, i.kind, i.action, i.line])).toEqual([
      ["MATCH", "MATCHED", "NONE", 2],
      ["NEW", "MISSING_IN_PORTAL", "SETTLE", 3],
      ["AMOUNT", "AMOUNT_DIFFERS", "REVIEW_PAYMENT", 4],
      ["CODE", "AMOUNT_DIFFERS", "REVIEW_PAYMENT", 5],
      ["REVERSED", "MISSING_IN_PORTAL", "REVIEW_REVERSED", 6],
      ["LATE", "MISSING_IN_FILE", "ASK_CHANNEL", null],
    ]);
    expect(countByKind(items)).toEqual({ MATCHED: 1, MISSING_IN_PORTAL: 2, AMOUNT_DIFFERS: 2, MISSING_IN_FILE: 1 });
  });

  it("offers settling only what the portal has never recorded under that reference (nothing settled twice)", () => {
    const settle = items.filter((i) => i.action === "SETTLE");
    expect(settle.map((i) => i.reference)).toEqual(["NEW"]);
    expect(settle.every((i) => i.portal === null)).toBe(true);
    // The same file again after NEW was settled: everything the portal has is matched, nothing to settle.
    const again = reconcileSettlement(file, [...portalSide, portal("NEW", { billingCode: B })]);
    expect(again.filter((i) => i.action === "SETTLE")).toEqual([]);
    expect(again.find((i) => i.reference === "NEW")?.kind).toBe("MATCHED");
  });

  it("an empty file speaks for no day: no payment is missing from it", () => {
    expect(reconcileSettlement([], [portal("X")])).toEqual([]);
  });
});
