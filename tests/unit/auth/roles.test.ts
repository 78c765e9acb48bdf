import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ROLES, scopeOf, type ScopeSource } from "@/lib/auth/roles";

const OFFICE = { id: "office-bjb-bandung-1", penyalurId: "penyalur-bjb" };
const CABANG = { id: "kc-bandung-suci", kanwilId: "kanwil-jabar" };
const KANWIL = "kanwil-jabar";

/** A user row carrying every scope field, so only the role decides which one is used. */
function user(role: string, overrides: Partial<ScopeSource> = {}): ScopeSource {
  return { role, penyalurOffice: OFFICE, kantorCabang: CABANG, kanwilId: KANWIL, ...overrides };
}

const NONE: Omit<ScopeSource, "role"> = { penyalurOffice: null, kantorCabang: null, kanwilId: null };

describe("scopeOf: each role acts in its own scope (docs/regulation.md §7), failing closed", () => {
  it("a bank officer is scoped to their own penyalur office", () => {
    expect(scopeOf(user("BANK_OFFICER"))).toEqual({
      kind: "PENYALUR_OFFICE",
      penyalurId: "penyalur-bjb",
      penyalurOfficeId: "office-bjb-bandung-1",
    });
  });

  it("a branch reviewer is scoped to their Kantor Cabang, with the Kanwil taken from that Kantor Cabang", () => {
    expect(scopeOf(user("BRANCH_REVIEWER", { kanwilId: "kanwil-other" }))).toEqual({
      kind: "KANTOR_CABANG",
      kantorCabangId: "kc-bandung-suci",
      kanwilId: "kanwil-jabar",
    });
  });

  it("a regional manager is scoped to their Kanwil", () => {
    expect(scopeOf(user("REGIONAL_MANAGER"))).toEqual({ kind: "KANWIL", kanwilId: KANWIL });
  });

  it("head office sees everything and needs no office", () => {
    expect(scopeOf({ role: "HEAD_OFFICE", ...NONE })).toEqual({ kind: "ALL" });
  });

  it("an administrator gets the ADMIN scope, never a data scope, even with offices on the row", () => {
    expect(scopeOf(user("ADMIN"))).toEqual({ kind: "ADMIN" });
    expect(scopeOf({ role: "ADMIN", ...NONE })).toEqual({ kind: "ADMIN" });
  });

  it.each([
    ["BANK_OFFICER", { penyalurOffice: null }],
    ["BRANCH_REVIEWER", { kantorCabang: null }],
    ["REGIONAL_MANAGER", { kanwilId: null }],
    ["REGIONAL_MANAGER", { kanwilId: "" }],
  ] as const)("a %s without the office its scope needs (%o) has no scope at all — fail closed", (role, missing) => {
    expect(scopeOf(user(role, missing))).toBeNull();
  });

  it("a role never borrows another role's scope when its own office is missing", () => {
    // An officer with a Kantor Cabang and a Kanwil but no penyalur office must not become a reviewer or manager.
    expect(scopeOf({ role: "BANK_OFFICER", penyalurOffice: null, kantorCabang: CABANG, kanwilId: KANWIL })).toBeNull();
    expect(scopeOf({ role: "BRANCH_REVIEWER", penyalurOffice: OFFICE, kantorCabang: null, kanwilId: KANWIL })).toBeNull();
    expect(scopeOf({ role: "REGIONAL_MANAGER", penyalurOffice: OFFICE, kantorCabang: CABANG, kanwilId: null })).toBeNull();
  });

  it.each(["", "bank_officer", "Head_Office", "SUPERUSER", "ROOT", " ADMIN", "ADMIN ", "__proto__", "toString", "constructor"])(
    "an unknown role %j has no scope — fail closed",
    (role) => {
      expect(scopeOf(user(role))).toBeNull();
    },
  );

  it("property: any role string outside ROLES has no scope", () => {
    fc.assert(
      fc.property(
        fc.string().filter((r) => !(ROLES as readonly string[]).includes(r)),
        (role) => scopeOf(user(role)) === null,
      ),
    );
  });
});
