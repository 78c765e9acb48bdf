import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BILLING_CODE_PREFIX, KPJ_SERIAL_MAX, KPJ_SERIAL_MIN, billingCodeFor, formatBillingCode, isBillingCode, kpjFromSerial, luhnCheckDigit } from "@/lib/rules";

describe("billing code per participant (issue #15; docs/decisions/0016 §1: prefix 8877 + KPJ + Luhn digit)", () => {
  it("is the prefix, the KPJ and the Luhn check digit over both", () => {
    const code = billingCodeFor("10000000009");
    expect(code).toBe("8877100000000092");
    expect(luhnCheckDigit(code.slice(0, 15))).toBe(2);
    expect(formatBillingCode(code)).toBe("8877 1000 0000 0092");
  });

  it("every KPJ the portal issues gives a distinct 16-digit code that isBillingCode accepts", () => {
    fc.assert(
      fc.property(fc.integer({ min: KPJ_SERIAL_MIN, max: KPJ_SERIAL_MAX }), fc.integer({ min: KPJ_SERIAL_MIN, max: KPJ_SERIAL_MAX }), (a, b) => {
        const ca = billingCodeFor(kpjFromSerial(a));
        expect(ca).toMatch(/^8877\d{12}$/);
        expect(isBillingCode(ca)).toBe(true);
        if (a !== b) expect(billingCodeFor(kpjFromSerial(b))).not.toBe(ca);
      }),
    );
  });

  it("a single mistyped digit is caught by the check digit", () => {
    fc.assert(
      fc.property(fc.integer({ min: KPJ_SERIAL_MIN, max: KPJ_SERIAL_MAX }), fc.integer({ min: 4, max: 15 }), fc.integer({ min: 1, max: 9 }), (serial, at, shift) => {
        const code = billingCodeFor(kpjFromSerial(serial));
        const typo = code.slice(0, at) + String((Number(code[at]) + shift) % 10) + code.slice(at + 1);
        expect(isBillingCode(typo)).toBe(false);
      }),
    );
  });

  it("refuses what is not a portal billing code", () => {
    expect(isBillingCode("8877100000000093")).toBe(false);
    expect(isBillingCode("1234100000000092")).toBe(false);
    expect(isBillingCode("887710000000009")).toBe(false);
    expect(isBillingCode(`${BILLING_CODE_PREFIX}1000000000a92`)).toBe(false);
    expect(() => billingCodeFor("123")).toThrow(RangeError);
  });
});
