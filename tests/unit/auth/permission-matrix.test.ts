import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ROLES, type Role, type Scope } from "@/lib/auth/roles";
import {
  ACTIONS,
  can,
  covers,
  maskNik,
  maskPhone,
  personalDataView,
  presentIdentifier,
  presentPhone,
  tenantKey,
  type Action,
  type RecordPlace,
  type Subject,
} from "@/lib/auth/permissions";

/**
 * The role × action × tenant matrix. Every action of lib/auth/permissions.ts must have a row here:
 * a new action without one fails "every action has a row". `own` is a record of the actor's own
 * office / branch / Kanwil; `other` is one of another bank, branch and Kanwil.
 */
type Cell = "own" | "none" | "all";
const MATRIX: Record<Action, Record<Role, Cell>> = {
  "enrolment:create": { BANK_OFFICER: "own", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "none" },
  "enrolment:read": { BANK_OFFICER: "own", BRANCH_REVIEWER: "own", REGIONAL_MANAGER: "own", HEAD_OFFICE: "all", ADMIN: "none" },
  "enrolment:correct": { BANK_OFFICER: "own", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "none" },
  "enrolment:review": { BANK_OFFICER: "none", BRANCH_REVIEWER: "own", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "none" },
  "payment:record": { BANK_OFFICER: "none", BRANCH_REVIEWER: "own", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "none" },
  "arrears:read": { BANK_OFFICER: "none", BRANCH_REVIEWER: "own", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "none" },
  "certificate:download": { BANK_OFFICER: "own", BRANCH_REVIEWER: "own", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "none" },
  "dashboard:read": { BANK_OFFICER: "none", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "own", HEAD_OFFICE: "all", ADMIN: "none" },
  "target:manage": { BANK_OFFICER: "none", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "own" },
  "user:manage": { BANK_OFFICER: "none", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "own" },
  "account:manage": { BANK_OFFICER: "own", BRANCH_REVIEWER: "own", REGIONAL_MANAGER: "own", HEAD_OFFICE: "own", ADMIN: "own" },
  "account:secondFactor": { BANK_OFFICER: "none", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "none", HEAD_OFFICE: "own", ADMIN: "own" },
  "masterData:manage": { BANK_OFFICER: "none", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "own" },
  "phaseRule:manage": { BANK_OFFICER: "none", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "own" },
  "apiKey:manage": { BANK_OFFICER: "none", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "own" },
  "webhook:manage": { BANK_OFFICER: "none", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "own" },
  "debtor:notify": { BANK_OFFICER: "own", BRANCH_REVIEWER: "own", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "none" },
  "settlement:import": { BANK_OFFICER: "none", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "none", HEAD_OFFICE: "own", ADMIN: "none" },
  // ADMIN reads every event, through auditWhere (the administrator's scope is not a place: see below).
  "audit:read": { BANK_OFFICER: "none", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "own", HEAD_OFFICE: "all", ADMIN: "own" },
  "document:attach": { BANK_OFFICER: "own", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "none" },
  // A KTP photo shows the full NIK: only the roles whose view has it (the officer) or must check it (the reviewer).
  "document:read": { BANK_OFFICER: "own", BRANCH_REVIEWER: "own", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "none" },
  // A Kanwil manager's report holds their Kanwil's rows only (lib/reconcile/data).
  "reconciliation:run": { BANK_OFFICER: "none", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "own", HEAD_OFFICE: "all", ADMIN: "none" },
  // s8-pay (docs/decisions/0025): channel keys are national (no tenant); an opt-out is the debtor's own office's or branch's.
  "paymentChannel:manage": { BANK_OFFICER: "none", BRANCH_REVIEWER: "none", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "own" },
  "debtor:optOut": { BANK_OFFICER: "own", BRANCH_REVIEWER: "own", REGIONAL_MANAGER: "none", HEAD_OFFICE: "none", ADMIN: "none" },
};

/** Master data, one's own account and the administrator's whole-portal views: no tenant's record, so no "own" place. */
const NOT_PLACED: ReadonlySet<Action> = new Set(["target:manage", "user:manage", "account:manage", "account:secondFactor", "masterData:manage", "phaseRule:manage", "apiKey:manage", "webhook:manage", "settlement:import", "paymentChannel:manage"]);
const WITHOUT_PLACE = (action: Action, role: Role) => NOT_PLACED.has(action) || (action === "audit:read" && role === "ADMIN");

const OWN: RecordPlace = { penyalurOfficeId: "office-bri-bandung", kantorCabangId: "kc-bandung-suci", kanwilId: "kanwil-jabar" };
const OTHER: RecordPlace = { penyalurOfficeId: "office-bni-semarang", kantorCabangId: "kc-semarang", kanwilId: "kanwil-jateng" };

const SCOPES: Record<Role, Scope> = {
  BANK_OFFICER: { kind: "PENYALUR_OFFICE", penyalurId: "bri", penyalurOfficeId: OWN.penyalurOfficeId! },
  BRANCH_REVIEWER: { kind: "KANTOR_CABANG", kantorCabangId: OWN.kantorCabangId!, kanwilId: OWN.kanwilId! },
  REGIONAL_MANAGER: { kind: "KANWIL", kanwilId: OWN.kanwilId! },
  HEAD_OFFICE: { kind: "ALL" },
  ADMIN: { kind: "ADMIN" },
};
const subject = (role: Role): Subject => ({ role, scope: SCOPES[role] });

describe("permission matrix: every role × action × own/other tenant (lib/auth/permissions.ts)", () => {
  it("every action has a row and every row names every role", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
    for (const action of ACTIONS) expect(Object.keys(MATRIX[action]).sort(), action).toEqual([...ROLES].sort());
  });

  const cases = ACTIONS.flatMap((action) => ROLES.map((role) => [action, role, MATRIX[action][role]] as const));

  it.each(cases)("%s by %s (%s): at all, on its own tenant's record, on another tenant's record", (action, role, cell) => {
    const s = subject(role);
    expect(can(s, action), "at all").toBe(cell !== "none");
    if (WITHOUT_PLACE(action, role)) return; // master data, one's own account, the administrator's views: there is no "own" place
    expect(can(s, action, OWN), "own record").toBe(cell !== "none");
    expect(can(s, action, OTHER), "other tenant's record").toBe(cell === "all");
  });

  it.each(["enrolment:delete", "user:delete", "", "*", "__proto__", "toString"])("an unknown action %j is refused for every role", (action) => {
    for (const role of ROLES) expect(can(subject(role), action as Action)).toBe(false);
  });

  it.each(["", "SUPERUSER", "bank_officer"])("an unknown role %j may do nothing", (role) => {
    for (const action of ACTIONS) expect(can({ role: role as Role, scope: { kind: "ALL" } }, action)).toBe(false);
  });

  it("a user who must first set up a required second factor may do nothing but that (docs/decisions/0013)", () => {
    for (const role of ["HEAD_OFFICE", "ADMIN"] as const) {
      const enrolling: Subject = { ...subject(role), secondFactor: "enrol" };
      for (const action of ACTIONS) expect(can(enrolling, action), `${role} ${action}`).toBe(action === "account:secondFactor");
      expect(can({ ...subject(role), secondFactor: "enabled" }, "account:manage")).toBe(true);
    }
  });

  it("a record whose place is unknown is refused to every scoped role", () => {
    for (const role of ["BANK_OFFICER", "BRANCH_REVIEWER", "REGIONAL_MANAGER"] as const) {
      expect(can(subject(role), "enrolment:read", {})).toBe(false);
    }
  });
});

describe("tenantKey: whose shared budget a subject spends (the office's NIK-lookup limit)", () => {
  it("officers share their office's, reviewers their branch's, managers their Kanwil's; head office and admins are their own", () => {
    expect(tenantKey({ id: "u1", ...subject("BANK_OFFICER") })).toBe(`office:${OWN.penyalurOfficeId}`);
    expect(tenantKey({ id: "u2", ...subject("BRANCH_REVIEWER") })).toBe(`kc:${OWN.kantorCabangId}`);
    expect(tenantKey({ id: "u3", ...subject("REGIONAL_MANAGER") })).toBe(`kanwil:${OWN.kanwilId}`);
    expect(tenantKey({ id: "u4", ...subject("HEAD_OFFICE") })).toBe("user:u4");
    expect(tenantKey({ id: "u5", ...subject("ADMIN") })).toBe("user:u5");
  });
});

describe("personal data: what each role is shown of a debtor (UU 27/2022, data minimisation)", () => {
  it("the enrolling officer sees what they typed; the reviewer checks contact data with masked identifiers; others see masked rows", () => {
    expect(personalDataView(subject("BANK_OFFICER"))).toEqual({ fullIdentifiers: true, fullPhone: true, contactDetails: true });
    expect(personalDataView(subject("BRANCH_REVIEWER"))).toEqual({ fullIdentifiers: false, fullPhone: true, contactDetails: true });
    for (const role of ["REGIONAL_MANAGER", "HEAD_OFFICE", "ADMIN"] as const) {
      expect(personalDataView(subject(role))).toEqual({ fullIdentifiers: false, fullPhone: false, contactDetails: false });
    }
  });

  it("masking keeps the first and last four digits of a NIK and the last four of a phone", () => {
    expect(maskNik("3273011708850001")).toBe("3273********0001");
    expect(maskNik("123")).toBe("****************");
    expect(maskPhone("0812-3456-7890")).toBe("•••• 7890");
    expect(presentIdentifier(subject("BANK_OFFICER"), "3273011708850001")).toBe("3273011708850001");
    expect(presentIdentifier(subject("HEAD_OFFICE"), "3273011708850001")).toBe("3273********0001");
    expect(presentPhone(subject("REGIONAL_MANAGER"), "081234567890")).toBe("•••• 7890");
  });
});

describe("covers: which places a scope reaches", () => {
  const place: RecordPlace = { penyalurOfficeId: "office-A", kantorCabangId: "kc-A", kanwilId: "kw-A" };
  const officer = (penyalurOfficeId: string): Scope => ({ kind: "PENYALUR_OFFICE", penyalurId: "p-1", penyalurOfficeId });
  const reviewer = (kantorCabangId: string, kanwilId = "kw-A"): Scope => ({ kind: "KANTOR_CABANG", kantorCabangId, kanwilId });
  const manager = (kanwilId: string): Scope => ({ kind: "KANWIL", kanwilId });

  it("a bank officer sees enrolments of their own office only — not another office of the same Kantor Cabang or Kanwil", () => {
    expect(covers(officer("office-A"), place)).toBe(true);
    expect(covers(officer("office-B"), place)).toBe(false);
  });

  it("a branch reviewer sees every office's enrolments held by their Kantor Cabang, and none of a sibling Kantor Cabang in the same Kanwil", () => {
    expect(covers(reviewer("kc-A"), place)).toBe(true);
    expect(covers(reviewer("kc-A"), { ...place, penyalurOfficeId: "office-Z" })).toBe(true);
    expect(covers(reviewer("kc-B", "kw-A"), place)).toBe(false);
  });

  it("a regional manager sees their whole Kanwil and nothing of another Kanwil", () => {
    expect(covers(manager("kw-A"), place)).toBe(true);
    expect(covers(manager("kw-A"), { ...place, kantorCabangId: "kc-Z", penyalurOfficeId: "office-Z" })).toBe(true);
    expect(covers(manager("kw-B"), place)).toBe(false);
  });

  it("head office sees every enrolment", () => {
    expect(covers({ kind: "ALL" }, place)).toBe(true);
  });

  it("an administrator reads no debtor's enrolment", () => {
    expect(covers({ kind: "ADMIN" }, place)).toBe(false);
  });

  it("an unknown scope kind covers nothing — fail closed", () => {
    expect(covers({ kind: "EVERYTHING" } as unknown as Scope, place)).toBe(false);
  });

  // Small id pools make equal ids likely, so both sides of each "iff" are exercised.
  const id = (prefix: string) => fc.oneof(fc.constantFrom(`${prefix}-1`, `${prefix}-2`, `${prefix}-3`), fc.uuid());
  const placeArb = fc.record({ penyalurOfficeId: id("office"), kantorCabangId: id("kc"), kanwilId: id("kw") });

  it("property: a PENYALUR_OFFICE scope covers a place iff the office ids are equal, whatever the Kantor Cabang and Kanwil", () => {
    fc.assert(
      fc.property(id("office"), id("penyalur"), placeArb, (penyalurOfficeId, penyalurId, p) => {
        expect(covers({ kind: "PENYALUR_OFFICE", penyalurId, penyalurOfficeId }, p)).toBe(p.penyalurOfficeId === penyalurOfficeId);
      }),
    );
  });

  it("property: a KANTOR_CABANG scope covers a place iff the Kantor Cabang ids are equal", () => {
    fc.assert(
      fc.property(id("kc"), id("kw"), placeArb, (kantorCabangId, kanwilId, p) => {
        expect(covers({ kind: "KANTOR_CABANG", kantorCabangId, kanwilId }, p)).toBe(p.kantorCabangId === kantorCabangId);
      }),
    );
  });

  it("property: a KANWIL scope covers a place iff the Kanwil ids are equal; ALL covers every place; ADMIN none", () => {
    fc.assert(
      fc.property(id("kw"), placeArb, (kanwilId, p) => {
        expect(covers({ kind: "KANWIL", kanwilId }, p)).toBe(p.kanwilId === kanwilId);
        expect(covers({ kind: "ALL" }, p)).toBe(true);
        expect(covers({ kind: "ADMIN" }, p)).toBe(false);
      }),
    );
  });

  it("property: scopes nest — whatever an officer's scope covers, the scopes of its Kantor Cabang and Kanwil cover too", () => {
    fc.assert(
      fc.property(placeArb, placeArb, (home, p) => {
        const asOfficer = covers({ kind: "PENYALUR_OFFICE", penyalurId: "p", penyalurOfficeId: home.penyalurOfficeId }, p);
        // An office belongs to one Kantor Cabang and Kanwil: only places consistent with that hierarchy are meaningful.
        fc.pre(p.penyalurOfficeId !== home.penyalurOfficeId || (p.kantorCabangId === home.kantorCabangId && p.kanwilId === home.kanwilId));
        if (asOfficer) {
          expect(covers({ kind: "KANTOR_CABANG", kantorCabangId: home.kantorCabangId, kanwilId: home.kanwilId }, p)).toBe(true);
          expect(covers({ kind: "KANWIL", kanwilId: home.kanwilId }, p)).toBe(true);
        }
      }),
    );
  });
});

