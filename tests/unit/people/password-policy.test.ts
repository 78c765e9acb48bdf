import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/admin/people/password";
import { inviteInput, parsePeopleQuery, parsePlace } from "@/lib/admin/people/schema";
import { translator } from "@/lib/i18n/translator";

const person = { email: "dewi.lestari@bpjs.example", name: "Dewi Lestari" };

describe("password policy (docs/decisions/0013, after NIST SP 800-63B §5.1.1.2): length, common passwords, personal words", () => {
  it.each([
    ["Pendek-1", "tooShort"],
    ["x".repeat(129), "tooLong"],
    ["password1234", "common"],
    ["Password1234!", "common"],
    ["qwertyuiop123", "common"],
    ["iloveyou2026", "common"],
    ["LindungiKUR-2026", "common"],
    ["DewiLestari99", "personal"],
    ["dewi.lestari.2026", "personal"],
    ["ababababababab", "repetitive"],
  ])("%j is refused: %s", (password, problem) => {
    expect(passwordProblem(password, person)).toBe(problem);
  });

  it.each(["Kopi tubruk di Braga jam tujuh", "Gedung Sate 1920 warnanya putih", "p9#Lq2!vX7@mZ4"])("%j meets the policy", (password) => {
    expect(passwordProblem(password, person)).toBeNull();
  });

  it("length counts characters, not UTF-16 units: twelve emoji or accented letters are twelve", () => {
    expect(passwordProblem("ñáéíóúñáéíóú", person)).toBeNull();
    expect(passwordProblem("🙂🙃😀😁😂🤣😃😄😅😆😉😊", person)).toBeNull();
  });
});

describe("invitation input: the place must be of the kind the role works in", () => {
  const t = translator("id");
  const schema = inviteInput((key, params) => t(`people.errors.${key}`, params as never));
  const id = "3f7c2f3e-8a51-4c2b-9d7e-1a2b3c4d5e6f";
  const base = { email: " Budi@Bank.Example ", name: " Budi ", totpRequired: "on" };

  it("an officer needs a penyalur office; the e-mail is trimmed and lower-cased", () => {
    const ok = schema.safeParse({ ...base, role: "BANK_OFFICER", place: `office:${id}` });
    expect(ok.success && ok.data).toEqual({ email: "budi@bank.example", name: "Budi", role: "BANK_OFFICER", place: { kind: "office", id }, totpRequired: true });
    const wrong = schema.safeParse({ ...base, role: "BANK_OFFICER", place: `kc:${id}` });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["place", "Pilih kantor penyalur untuk petugas penyalur."]]);
  });

  it("national roles take no place; a reviewer needs a Kantor Cabang and a manager a Kanwil", () => {
    expect(schema.safeParse({ ...base, role: "HEAD_OFFICE", place: "" }).success).toBe(true);
    expect(schema.safeParse({ ...base, role: "ADMIN", place: `kanwil:${id}` }).success).toBe(false);
    expect(schema.safeParse({ ...base, role: "BRANCH_REVIEWER", place: `kc:${id}` }).success).toBe(true);
    expect(schema.safeParse({ ...base, role: "REGIONAL_MANAGER", place: `kc:${id}` }).success).toBe(false);
  });

  it("the place is checked even when another field failed, so every error shows at once", () => {
    const bad = schema.safeParse({ ...base, email: "bukan-email", role: "BANK_OFFICER", place: "" });
    expect(bad.error?.issues.map((i) => i.path.join(".")).sort()).toEqual(["email", "place"]);
  });

  it("a place that is not kind:uuid is invalid", () => {
    expect(parsePlace("office:not-a-uuid")).toBe("invalid");
    expect(parsePlace("planet:3f7c2f3e-8a51-4c2b-9d7e-1a2b3c4d5e6f")).toBe("invalid");
    expect(parsePlace(undefined)).toBeNull();
  });

  it("the access list's URL parameters fall back to absent when malformed", () => {
    expect(parsePeopleQuery({ q: " dewi ", peran: "ROOT", status: "invited", hal: "-3" })).toEqual({ q: "dewi", role: undefined, status: "invited", page: 1 });
  });
});
