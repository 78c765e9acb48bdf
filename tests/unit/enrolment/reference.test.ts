import { describe, expect, it } from "vitest";
import { formatEnrolmentReference, parseEnrolmentReference } from "@/lib/enrolment/reference";

describe("the enrolment reference number", () => {
  it("is LK-, the number in at least six digits and a Luhn check digit", () => {
    expect(formatEnrolmentReference(123)).toBe("LK-000123-0");
    expect(formatEnrolmentReference(1)).toBe("LK-000001-8");
    expect(formatEnrolmentReference(12_345_678)).toMatch(/^LK-12345678-\d$/);
  });

  it("reads back what it wrote, however it was typed", () => {
    for (const n of [1, 9, 10, 123, 99_999, 1_000_000, 2_147_483_647]) {
      const ref = formatEnrolmentReference(n);
      expect(parseEnrolmentReference(ref)).toBe(n);
      expect(parseEnrolmentReference(ref.toLowerCase().replaceAll("-", " "))).toBe(n);
      expect(parseEnrolmentReference(ref.replaceAll("-", ""))).toBe(n);
    }
  });

  it("refuses a reference with one digit changed or two neighbours swapped", () => {
    expect(parseEnrolmentReference("LK-000123-1")).toBeNull();
    expect(parseEnrolmentReference("LK-000124-0")).toBeNull();
    expect(parseEnrolmentReference("LK-000213-0")).toBeNull();
    expect(parseEnrolmentReference("LK-123")).toBeNull();
    expect(parseEnrolmentReference("3273012345670001")).toBeNull();
  });
});
