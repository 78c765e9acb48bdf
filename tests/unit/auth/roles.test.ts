import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ROLES,
  ROLE_LABELS,
  can,
  scopeCovers,
  scopeOf,
  type EnrolmentPlace,
  type Permission,
  type Role,
  type Scope,
  type ScopeSource,
} from "@/lib/auth/roles";

const OFFICE = { id: "office-bjb-bandung-1", penyalurId: "penyalur-bjb" };
const CABANG = { id: "kc-bandung-suci", kanwilId: "kanwil-jabar" };
const KANWIL = "kanwil-jabar";

/** A user row carrying every scope field, so only the role decides which one is used. */
function user(role: string, overrides: Partial<ScopeSource> = {}): ScopeSource {
  return { role, penyalurOffice: OFFICE, kantorCabang: CABANG, kanwilId: KANWIL, ...overrides };
}

const NONE: Omit<ScopeSource, "role"> = { penyalurOffice: null, kantorCabang: null, kanwilId: null };

describe("scopeOf: each role acts in its own scope (RULES.md §7), failing closed", () => {
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

describe("scopeCovers: who may read an enrolment (RULES.md §7)", () => {
  const place: EnrolmentPlace = { penyalurOfficeId: "office-A", kantorCabangId: "kc-A", kanwilId: "kw-A" };
  const officer = (penyalurOfficeId: string): Scope => ({ kind: "PENYALUR_OFFICE", penyalurId: "p-1", penyalurOfficeId });
  const reviewer = (kantorCabangId: string, kanwilId = "kw-A"): Scope => ({ kind: "KANTOR_CABANG", kantorCabangId, kanwilId });
  const manager = (kanwilId: string): Scope => ({ kind: "KANWIL", kanwilId });

  it("a bank officer sees enrolments of their own office only — not another office of the same Kantor Cabang or Kanwil", () => {
    expect(scopeCovers(officer("office-A"), place)).toBe(true);
    expect(scopeCovers(officer("office-B"), place)).toBe(false);
  });

  it("a branch reviewer sees every office's enrolments held by their Kantor Cabang, and none of a sibling Kantor Cabang in the same Kanwil", () => {
    expect(scopeCovers(reviewer("kc-A"), place)).toBe(true);
    expect(scopeCovers(reviewer("kc-A"), { ...place, penyalurOfficeId: "office-Z" })).toBe(true);
    expect(scopeCovers(reviewer("kc-B", "kw-A"), place)).toBe(false);
  });

  it("a regional manager sees their whole Kanwil and nothing of another Kanwil", () => {
    expect(scopeCovers(manager("kw-A"), place)).toBe(true);
    expect(scopeCovers(manager("kw-A"), { ...place, kantorCabangId: "kc-Z", penyalurOfficeId: "office-Z" })).toBe(true);
    expect(scopeCovers(manager("kw-B"), place)).toBe(false);
  });

  it("head office sees every enrolment", () => {
    expect(scopeCovers({ kind: "ALL" }, place)).toBe(true);
  });

  it("an administrator reads no debtor's enrolment", () => {
    expect(scopeCovers({ kind: "ADMIN" }, place)).toBe(false);
  });

  it("an unknown scope kind covers nothing — fail closed", () => {
    expect(scopeCovers({ kind: "EVERYTHING" } as unknown as Scope, place)).toBe(false);
  });

  // Small id pools make equal ids likely, so both sides of each "iff" are exercised.
  const id = (prefix: string) => fc.oneof(fc.constantFrom(`${prefix}-1`, `${prefix}-2`, `${prefix}-3`), fc.uuid());
  const placeArb = fc.record({ penyalurOfficeId: id("office"), kantorCabangId: id("kc"), kanwilId: id("kw") });

  it("property: a PENYALUR_OFFICE scope covers a place iff the office ids are equal, whatever the Kantor Cabang and Kanwil", () => {
    fc.assert(
      fc.property(id("office"), id("penyalur"), placeArb, (penyalurOfficeId, penyalurId, p) => {
        expect(scopeCovers({ kind: "PENYALUR_OFFICE", penyalurId, penyalurOfficeId }, p)).toBe(p.penyalurOfficeId === penyalurOfficeId);
      }),
    );
  });

  it("property: a KANTOR_CABANG scope covers a place iff the Kantor Cabang ids are equal", () => {
    fc.assert(
      fc.property(id("kc"), id("kw"), placeArb, (kantorCabangId, kanwilId, p) => {
        expect(scopeCovers({ kind: "KANTOR_CABANG", kantorCabangId, kanwilId }, p)).toBe(p.kantorCabangId === kantorCabangId);
      }),
    );
  });

  it("property: a KANWIL scope covers a place iff the Kanwil ids are equal; ALL covers every place; ADMIN none", () => {
    fc.assert(
      fc.property(id("kw"), placeArb, (kanwilId, p) => {
        expect(scopeCovers({ kind: "KANWIL", kanwilId }, p)).toBe(p.kanwilId === kanwilId);
        expect(scopeCovers({ kind: "ALL" }, p)).toBe(true);
        expect(scopeCovers({ kind: "ADMIN" }, p)).toBe(false);
      }),
    );
  });

  it("property: scopes nest — whatever an officer's scope covers, the scopes of its Kantor Cabang and Kanwil cover too", () => {
    fc.assert(
      fc.property(placeArb, placeArb, (home, p) => {
        const asOfficer = scopeCovers({ kind: "PENYALUR_OFFICE", penyalurId: "p", penyalurOfficeId: home.penyalurOfficeId }, p);
        // An office belongs to one Kantor Cabang and Kanwil: only places consistent with that hierarchy are meaningful.
        fc.pre(p.penyalurOfficeId !== home.penyalurOfficeId || (p.kantorCabangId === home.kantorCabangId && p.kanwilId === home.kanwilId));
        if (asOfficer) {
          expect(scopeCovers({ kind: "KANTOR_CABANG", kantorCabangId: home.kantorCabangId, kanwilId: home.kanwilId }, p)).toBe(true);
          expect(scopeCovers({ kind: "KANWIL", kanwilId: home.kanwilId }, p)).toBe(true);
        }
      }),
    );
  });
});

describe("can: what each role may do at all (RULES.md §7)", () => {
  const table: Record<Role, Record<Permission, boolean>> = {
    BANK_OFFICER: { "enrolment:create": true, "enrolment:read": true, "enrolment:review": false, "payment:record": false, "certificate:download": true, "dashboard:read": false, "target:manage": false },
    BRANCH_REVIEWER: { "enrolment:create": false, "enrolment:read": true, "enrolment:review": true, "payment:record": true, "certificate:download": true, "dashboard:read": false, "target:manage": false },
    REGIONAL_MANAGER: { "enrolment:create": false, "enrolment:read": true, "enrolment:review": false, "payment:record": false, "certificate:download": false, "dashboard:read": true, "target:manage": false },
    HEAD_OFFICE: { "enrolment:create": false, "enrolment:read": true, "enrolment:review": false, "payment:record": false, "certificate:download": false, "dashboard:read": true, "target:manage": false },
    ADMIN: { "enrolment:create": false, "enrolment:read": false, "enrolment:review": false, "payment:record": false, "certificate:download": false, "dashboard:read": false, "target:manage": true },
  };

  it("the table covers every role there is", () => {
    expect(Object.keys(table).sort()).toEqual([...ROLES].sort());
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
  });

  it.each(ROLES.flatMap((role) => (Object.keys(table[role]) as Permission[]).map((p) => [role, p, table[role][p]] as const)))(
    "%s may %s: %s",
    (role, permission, allowed) => {
      expect(can(role, permission)).toBe(allowed);
    },
  );

  it("only the penyalur's bank officer fills in the e-form: no BPJS role and no administrator may create an enrolment", () => {
    expect(ROLES.filter((r) => can(r, "enrolment:create"))).toEqual(["BANK_OFFICER"]);
  });

  it("an administrator manages users and master data but may not read debtors' enrolments", () => {
    expect(can("ADMIN", "enrolment:read")).toBe(false);
  });

  it.each(["enrolment:delete", "enrolment:approve", "user:manage", "", "enrolment:*", "*"])(
    "an unknown permission %j is refused for every role — fail closed",
    (permission) => {
      for (const role of ROLES) expect(can(role, permission as Permission)).toBe(false);
    },
  );

  it.each(["", "SUPERUSER", "bank_officer"])("an unknown role %j may do nothing — fail closed", (role) => {
    expect(can(role as Role, "enrolment:create")).toBe(false);
    expect(can(role as Role, "enrolment:read")).toBe(false);
  });

  it("every role that may read enrolments has a scope that can cover one, and a role that may not has a scope that covers none", () => {
    const place: EnrolmentPlace = { penyalurOfficeId: OFFICE.id, kantorCabangId: CABANG.id, kanwilId: CABANG.kanwilId };
    for (const role of ROLES) {
      const scope = scopeOf(user(role));
      expect(scope).not.toBeNull();
      expect(scopeCovers(scope!, place)).toBe(can(role, "enrolment:read"));
    }
  });
});

describe("can: the BPJS branch review (issue #5)", () => {
  it("only a branch reviewer reviews enrolments and records contribution payments", () => {
    expect(ROLES.filter((r) => can(r, "enrolment:review"))).toEqual(["BRANCH_REVIEWER"]);
    expect(ROLES.filter((r) => can(r, "payment:record"))).toEqual(["BRANCH_REVIEWER"]);
  });

  it("certificates go to the owning bank office and the reviewing branch only", () => {
    expect(ROLES.filter((r) => can(r, "certificate:download"))).toEqual(["BANK_OFFICER", "BRANCH_REVIEWER"]);
  });
});
