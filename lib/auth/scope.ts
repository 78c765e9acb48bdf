import "server-only";
import type { Prisma } from "@/lib/db";
import { can, type Action, type Subject } from "@/lib/auth/permissions";

/**
 * The enrolments `subject` may `action`, as a Prisma filter; null means none at all (fail closed).
 * The same rule as `can(subject, action, place)` (lib/auth/permissions.ts), applied inside the
 * query; tests/integration/enrolment-list.test.ts checks that the two select the same rows.
 */
export function enrolmentWhere(subject: Subject, action: Action = "enrolment:read"): Prisma.EnrolmentWhereInput | null {
  if (!can(subject, action)) return null;
  const scope = subject.scope;
  switch (scope.kind) {
    case "PENYALUR_OFFICE":
      return { penyalurOfficeId: scope.penyalurOfficeId };
    case "KANTOR_CABANG":
      return { kantorCabangId: scope.kantorCabangId };
    case "KANWIL":
      return { kantorCabang: { kanwilId: scope.kanwilId } };
    case "ALL":
      return {};
    default:
      return null;
  }
}

/** Drafts belong to a penyalur office; only that office's officers may open them. */
export function draftWhere(subject: Subject): Prisma.EnrolmentDraftWhereInput | null {
  if (!can(subject, "enrolment:create") || subject.scope.kind !== "PENYALUR_OFFICE") return null;
  return { penyalurOfficeId: subject.scope.penyalurOfficeId };
}

/**
 * The penyalur office a subject acts for with `action` (an officer's own office and its penyalur),
 * or null for every other role: what the e-form, its drafts and its NIK look-up are scoped to.
 */
export function penyalurOfficeOf(subject: Subject, action: Action = "enrolment:create"): { penyalurOfficeId: string; penyalurId: string } | null {
  if (!can(subject, action) || subject.scope.kind !== "PENYALUR_OFFICE") return null;
  return { penyalurOfficeId: subject.scope.penyalurOfficeId, penyalurId: subject.scope.penyalurId };
}

/** The Kanwil a dashboard may show: the manager's own, any for head office (null), or refused. */
export function dashboardKanwil(subject: Subject): { kanwilId: string | null } | null {
  if (!can(subject, "dashboard:read")) return null;
  if (subject.scope.kind === "KANWIL") return { kanwilId: subject.scope.kanwilId };
  if (subject.scope.kind === "ALL") return { kanwilId: null };
  return null;
}

/**
 * The audit events `subject` may read (the audit viewer), as a Prisma filter; null = none. A Kanwil
 * manager sees the events of its Kanwil (AuditEvent.kanwilId, set by the database when the row is
 * written); head office and administrators all of them.
 */
export function auditWhere(subject: Subject): Prisma.AuditEventWhereInput | null {
  if (!can(subject, "audit:read")) return null;
  switch (subject.scope.kind) {
    case "KANWIL":
      return { kanwilId: subject.scope.kanwilId };
    case "ALL":
    case "ADMIN":
      return {};
    default:
      return null;
  }
}
