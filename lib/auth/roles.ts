/**
 * Roles and their scopes (RULES.md §7). Pure: no database, no framework.
 * Authorization fails closed: an unknown role, or a role without the scope it needs, has no scope.
 */
export const ROLES = ["BANK_OFFICER", "BRANCH_REVIEWER", "REGIONAL_MANAGER", "HEAD_OFFICE", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { id: string; en: string }> = {
  BANK_OFFICER: { id: "Petugas penyalur", en: "Loan officer" },
  BRANCH_REVIEWER: { id: "Verifikator Kantor Cabang", en: "Branch reviewer" },
  REGIONAL_MANAGER: { id: "Manajer Kantor Wilayah", en: "Regional manager" },
  HEAD_OFFICE: { id: "Kantor Pusat", en: "Head office" },
  ADMIN: { id: "Administrator", en: "Administrator" },
};

export type Scope =
  | { kind: "PENYALUR_OFFICE"; penyalurId: string; penyalurOfficeId: string }
  | { kind: "KANTOR_CABANG"; kantorCabangId: string; kanwilId: string }
  | { kind: "KANWIL"; kanwilId: string }
  | { kind: "ALL" }
  | { kind: "ADMIN" };

export interface ScopeSource {
  role: string;
  penyalurOffice: { id: string; penyalurId: string } | null;
  kantorCabang: { id: string; kanwilId: string } | null;
  kanwilId: string | null;
}

/** The scope a user acts in, or null when the role is unknown or its scope is missing. */
export function scopeOf(user: ScopeSource): Scope | null {
  switch (user.role) {
    case "BANK_OFFICER":
      return user.penyalurOffice
        ? { kind: "PENYALUR_OFFICE", penyalurId: user.penyalurOffice.penyalurId, penyalurOfficeId: user.penyalurOffice.id }
        : null;
    case "BRANCH_REVIEWER":
      return user.kantorCabang
        ? { kind: "KANTOR_CABANG", kantorCabangId: user.kantorCabang.id, kanwilId: user.kantorCabang.kanwilId }
        : null;
    case "REGIONAL_MANAGER":
      return user.kanwilId ? { kind: "KANWIL", kanwilId: user.kanwilId } : null;
    case "HEAD_OFFICE":
      return { kind: "ALL" };
    case "ADMIN":
      return { kind: "ADMIN" };
    default:
      return null;
  }
}

/** Where an enrolment lives: the three scopes that may see it. */
export interface EnrolmentPlace {
  penyalurOfficeId: string;
  kantorCabangId: string;
  kanwilId: string;
}

/**
 * Whether a scope may read an enrolment. Bank officers see their own office's enrolments only;
 * reviewers their Kantor Cabang's; managers their Kanwil's; head office all. Administrators manage
 * users and master data and do not read debtors' personal data.
 */
export function scopeCovers(scope: Scope, place: EnrolmentPlace): boolean {
  switch (scope.kind) {
    case "PENYALUR_OFFICE":
      return place.penyalurOfficeId === scope.penyalurOfficeId;
    case "KANTOR_CABANG":
      return place.kantorCabangId === scope.kantorCabangId;
    case "KANWIL":
      return place.kanwilId === scope.kanwilId;
    case "ALL":
      return true;
    default:
      return false;
  }
}

export type Permission =
  | "enrolment:create"
  | "enrolment:read"
  | "enrolment:review"
  | "payment:record"
  | "certificate:download"
  | "dashboard:read"
  | "target:manage";

/** What each role may do at all; which records it may touch is scopeCovers's job. */
export function can(role: Role, permission: Permission): boolean {
  switch (permission) {
    case "enrolment:create":
      return role === "BANK_OFFICER";
    case "enrolment:read":
      return role === "BANK_OFFICER" || role === "BRANCH_REVIEWER" || role === "REGIONAL_MANAGER" || role === "HEAD_OFFICE";
    case "enrolment:review":
    case "payment:record":
      return role === "BRANCH_REVIEWER";
    case "certificate:download":
      // The owning bank office and the reviewing branch (issue #5); the scope check is per record.
      return role === "BANK_OFFICER" || role === "BRANCH_REVIEWER";
    case "dashboard:read":
      return role === "REGIONAL_MANAGER" || role === "HEAD_OFFICE";
    case "target:manage":
      return role === "ADMIN";
    default:
      return false;
  }
}
