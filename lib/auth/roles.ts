/**
 * Roles and the scope each acts in. Pure: no database, no framework. What a role may do, and on
 * which records, is lib/auth/permissions.ts.
 * Authorization fails closed: an unknown role, or a role without the scope it needs, has no scope.
 */
export const ROLES = ["BANK_OFFICER", "BRANCH_REVIEWER", "REGIONAL_MANAGER", "HEAD_OFFICE", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

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
