import { describe, expect, it } from "vitest";
import { FREE_FAILURES, MAX_DELAY_SECONDS, delayAfterFailures } from "@/lib/auth/throttle";
import { clientAddress } from "@/lib/auth/client-address";

describe("sign-in delays per account grow with consecutive failures (lib/auth/throttle.ts)", () => {
  it(`the first ${FREE_FAILURES} wrong passwords cost nothing: a mistyping officer is never held up`, () => {
    for (let n = 0; n <= FREE_FAILURES; n++) expect(delayAfterFailures(n)).toBe(0);
  });

  it("then the wait doubles from 15 seconds", () => {
    expect([4, 5, 6, 7, 8, 9].map(delayAfterFailures)).toEqual([15, 30, 60, 120, 240, 480]);
  });

  it("and never exceeds 15 minutes, however long the guessing goes on", () => {
    expect(delayAfterFailures(10)).toBe(MAX_DELAY_SECONDS);
    expect(delayAfterFailures(1000)).toBe(MAX_DELAY_SECONDS);
  });
});

describe("the client address behind the configured proxies (lib/auth/client-address.ts)", () => {
  it("without configured proxies, the rightmost X-Forwarded-For entry (the socket address next start put there)", () => {
    expect(clientAddress("198.51.100.7", [])).toBe("198.51.100.7");
    expect(clientAddress("203.0.113.1, 198.51.100.7", [])).toBe("198.51.100.7");
  });

  it("entries added by our own proxies are skipped; what a client wrote to the left of them is not believed", () => {
    expect(clientAddress("1.2.3.4, 198.51.100.7, 10.0.0.2", ["10.0.0.2"])).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7, 10.0.0.3, 10.0.0.2", ["10.0.0.2", "10.0.0.3"])).toBe("198.51.100.7");
  });

  it("an IPv4-mapped IPv6 address is the same client as its IPv4 form; no header at all is 'unknown'", () => {
    expect(clientAddress("::ffff:198.51.100.7", [])).toBe("198.51.100.7");
    expect(clientAddress(null, [])).toBe("unknown");
    expect(clientAddress("10.0.0.2", ["10.0.0.2"])).toBe("10.0.0.2");
  });
});
