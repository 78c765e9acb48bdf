import { describe, expect, it } from "vitest";
import { bearerToken, displayPrefixOf, generateApiKey, hashApiKey, looksLikeApiKey } from "@/lib/api/keys";

describe("API keys (docs/api.md)", () => {
  it("a new key is lk_ + 43 base64url characters (256 random bits), different every time", () => {
    const keys = Array.from({ length: 50 }, generateApiKey);
    for (const key of keys) {
      expect(key).toMatch(/^lk_[A-Za-z0-9_-]{43}$/);
      expect(looksLikeApiKey(key)).toBe(true);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("is stored as its lowercase hex sha256, and shown to administrators by its first 12 characters", () => {
    // FIPS 180-2 test vector.
    expect(hashApiKey("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashApiKey("lk_example")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey("lk_example")).not.toBe(hashApiKey("lk_examplf"));
    expect(displayPrefixOf("lk_demo_bri_7Qm2VxR9pL4sT8nW3kZ6yH1c")).toBe("lk_demo_bri_");
  });

  it.each([
    ["Bearer lk_abc", "lk_abc"],
    ["bearer lk_abc", "lk_abc"],
    ["BEARER   lk_abc  ", "lk_abc"],
  ])("reads the credential of %j (RFC 6750: the scheme is case-insensitive)", (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([null, "", "lk_abc", "Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer a b", "Token lk_abc"])(
    "%j carries no bearer credential",
    (header) => {
      expect(bearerToken(header)).toBeNull();
    },
  );

  it.each(["", "lk_", "lk_short", "sk_live_0123456789abcdefghij", "lk_has space in it 0123456789", `lk_${"x".repeat(101)}`])(
    "%j is not shaped like a key, so it is refused without a database query",
    (value) => {
      expect(looksLikeApiKey(value)).toBe(false);
    },
  );
});
