import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { KPJ_SERIAL_MAX, KPJ_SERIAL_MIN, checkKpj, isPortalKpj, kpjFromSerial, luhnCheckDigit } from "@/lib/rules";

describe("KPJ numbers issued on approval (docs/regulation.md §6: exactly 11 digits, unique)", () => {
  it("the Luhn check digit matches the published examples", () => {
    // 7992739871 → 3 is the textbook Luhn example.
    expect(luhnCheckDigit("7992739871")).toBe(3);
    expect(luhnCheckDigit("1000000000")).toBe(9);
  });

  it("a KPJ is the 10-digit serial followed by its check digit", () => {
    expect(kpjFromSerial(7_992_739_871)).toBe("79927398713");
    expect(kpjFromSerial(KPJ_SERIAL_MIN)).toBe("10000000009");
    expect(kpjFromSerial(BigInt(KPJ_SERIAL_MAX))).toHaveLength(11);
  });

  it("every serial in range gives an 11-digit KPJ that checkKpj accepts and isPortalKpj recognises", () => {
    fc.assert(
      fc.property(fc.integer({ min: KPJ_SERIAL_MIN, max: KPJ_SERIAL_MAX }), (serial) => {
        const kpj = kpjFromSerial(serial);
        expect(kpj).toMatch(/^\d{11}$/);
        expect(checkKpj(kpj)).toEqual({ ok: true, value: kpj });
        expect(isPortalKpj(kpj)).toBe(true);
      }),
    );
  });

  it("distinct serials never give the same KPJ", () => {
    fc.assert(
      fc.property(fc.integer({ min: KPJ_SERIAL_MIN, max: KPJ_SERIAL_MAX }), fc.integer({ min: KPJ_SERIAL_MIN, max: KPJ_SERIAL_MAX }), (a, b) => {
        fc.pre(a !== b);
        expect(kpjFromSerial(a)).not.toBe(kpjFromSerial(b));
      }),
    );
  });

  it("the check digit catches every single mistyped digit", () => {
    fc.assert(
      fc.property(fc.integer({ min: KPJ_SERIAL_MIN, max: KPJ_SERIAL_MAX }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (serial, pos, delta) => {
        const kpj = kpjFromSerial(serial);
        const digit = (Number(kpj[pos]) + delta) % 10;
        const typo = kpj.slice(0, pos) + digit + kpj.slice(pos + 1);
        fc.pre(!(pos === 0 && digit === 0));
        expect(isPortalKpj(typo)).toBe(false);
      }),
    );
  });

  it("a swap of two neighbouring different digits is caught (except Luhn's known 09/90 blind spot)", () => {
    const kpj = kpjFromSerial(1_234_567_890);
    const swapped = kpj[0]! + kpj[2] + kpj[1] + kpj.slice(3);
    expect(isPortalKpj(swapped)).toBe(false);
  });

  it("serials outside 1000000000…9999999999 are refused rather than padded or truncated", () => {
    expect(() => kpjFromSerial(999_999_999)).toThrow(RangeError);
    expect(() => kpjFromSerial(10_000_000_000)).toThrow(RangeError);
    expect(isPortalKpj("0123456789")).toBe(false);
    expect(isPortalKpj("01234567890")).toBe(false);
  });
});
