import { describe, expect, it } from "vitest";
import { formatNpwp, formatPhoneId } from "@/lib/format";

describe("phones and NPWP in their usual Indonesian forms (issue #13)", () => {
  it("a stored +62 mobile number reads 08xx-xxxx-xxxx", () => {
    expect(formatPhoneId("+6281234567890")).toBe("0812-3456-7890");
    expect(formatPhoneId("+628123456789")).toBe("0812-3456-789");
  });

  it("a masked phone is left as it is", () => {
    expect(formatPhoneId("•••• 7890")).toBe("•••• 7890");
  });

  it("a 15-digit NPWP reads 01.234.567.8-901.000; a 16-digit one in groups of four", () => {
    expect(formatNpwp("012345678901000")).toBe("01.234.567.8-901.000");
    expect(formatNpwp("01.234.567.8-901.000")).toBe("01.234.567.8-901.000");
    expect(formatNpwp("3273011504830007")).toBe("3273 0115 0483 0007");
  });

  it("a masked NPWP is left as it is", () => {
    expect(formatNpwp("01.***.***.*-***.000")).toBe("01.***.***.*-***.000");
  });
});
