/**
 * The one authorization module: what each role may do (`can`), on which records (the record's
 * place against the actor's scope), and how much of a debtor's personal data it may see. Pure: no
 * database, no framework; the Prisma filters that apply the same rule to queries are in
 * lib/auth/scope.ts. Fails closed: an unknown role, action or missing scope is refused.
 *
 * Every action here has a row in tests/unit/auth/permission-matrix.test.ts (role × action ×
 * own/other tenant); adding one without its row fails that test.
 */
import type { Role, Scope } from "@/lib/auth/roles";

export const ACTIONS = [
  /** Fill and submit the e-form, look up a NIK, keep drafts: the officer's own penyalur office. */
  "enrolment:create",
  /** Read enrolments and their history: the actor's office, branch, Kanwil or all. */
  "enrolment:read",
  /** Correct and resubmit a returned enrolment: the owning penyalur office. */
  "enrolment:correct",
  /** Approve, return or reject: the reviewing Kantor Cabang. */
  "enrolment:review",
  /** Record a contribution payment: the reviewing Kantor Cabang. */
  "payment:record",
  /** The branch's arrears list: the reviewing Kantor Cabang. */
  "arrears:read",
  /** The certificate of participation: the owning office and the reviewing branch. */
  "certificate:download",
  /** Dashboards and their exports: the manager's Kanwil, or all for head office. */
  "dashboard:read",
  /** Yearly targets per Kanwil and branch: administrators (master data, no debtor data). */
  "target:manage",
  /**
   * Invite users, change their role and place, switch them off and on, send reset links, require or
   * reset a second factor, see and export the access list: administrators only (docs/decisions/0013
   * says why a bank's supervisor does not yet get this for its own offices).
   */
  "user:manage",
  /** One's own account: change the password. Every role, own account only. */
  "account:manage",
  /** Set up a TOTP second factor for one's own account: administrators and head office. */
  "account:secondFactor",
  /** Kanwil, Kantor Cabang, penyalur, their offices, provinces: administrators (docs/decisions/0014). */
  "masterData:manage",
  /** Phase rules of the phased mandate (docs/regulation.md §2): administrators. */
  "phaseRule:manage",
  /** API keys of the bank systems (docs/api.md): administrators. */
  "apiKey:manage",
  /** Webhook URLs and secrets of the bank systems, their delivery log and re-sending (docs/api.md): administrators. */
  "webhook:manage",
  /** The audit trail: the manager's Kanwil (lib/auth/scope.ts auditWhere), all for head office and administrators. */
  "audit:read",
  /** Attach a scan or photo to an e-form, a draft or a correction, or remove one: the officer's own office. */
  "document:attach",
  /**
   * View an attached document: the owning office, and the reviewing branch once the form is submitted.
   * Not managers or head office: a KTP photo shows the full NIK, which their view masks.
   */
  "document:read",
  /**
   * Send a message to a debtor (an arrears reminder, the billing instruction): the officer of the owning
   * office and the reviewing Kantor Cabang (docs/decisions/0021 §3).
   */
  "debtor:notify",
  /** Import a payment channel's settlement file and read its reconciliation: head office (channels settle nationally). */
  "settlement:import",
  /**
   * Upload a bank's disbursed-debtor list and read its reconciliation against the enrolments
   * (lib/reconcile): head office for every Kanwil, a Kanwil manager for their own.
   */
  "reconciliation:run",
  // s8-pay (docs/decisions/0025)
  /** Payment channels' keys and signing secrets: issue, rotate, revoke, bind to a penyalur for auto-debit. Administrators. */
  "paymentChannel:manage",
  /**
   * Record that a debtor does (not) want messages on a channel (e-mail, SMS/WhatsApp): the officer of the
   * owning office and the reviewing Kantor Cabang, the people the debtor speaks to.
   */
  "debtor:optOut",
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who may do what at all. Which records is `covers`'s job. */
const ROLES_FOR: Record<Action, readonly Role[]> = {
  "enrolment:create": ["BANK_OFFICER"],
  "enrolment:read": ["BANK_OFFICER", "BRANCH_REVIEWER", "REGIONAL_MANAGER", "HEAD_OFFICE"],
  "enrolment:correct": ["BANK_OFFICER"],
  "enrolment:review": ["BRANCH_REVIEWER"],
  "payment:record": ["BRANCH_REVIEWER"],
  "arrears:read": ["BRANCH_REVIEWER"],
  "certificate:download": ["BANK_OFFICER", "BRANCH_REVIEWER"],
  "dashboard:read": ["REGIONAL_MANAGER", "HEAD_OFFICE"],
  "target:manage": ["ADMIN"],
  "user:manage": ["ADMIN"],
  "account:manage": ["BANK_OFFICER", "BRANCH_REVIEWER", "REGIONAL_MANAGER", "HEAD_OFFICE", "ADMIN"],
  "account:secondFactor": ["HEAD_OFFICE", "ADMIN"],
  "masterData:manage": ["ADMIN"],
  "phaseRule:manage": ["ADMIN"],
  "apiKey:manage": ["ADMIN"],
  "webhook:manage": ["ADMIN"],
  "audit:read": ["REGIONAL_MANAGER", "HEAD_OFFICE", "ADMIN"],
  "document:attach": ["BANK_OFFICER"],
  "document:read": ["BANK_OFFICER", "BRANCH_REVIEWER"],
  "debtor:notify": ["BANK_OFFICER", "BRANCH_REVIEWER"],
  "settlement:import": ["HEAD_OFFICE"],
  "reconciliation:run": ["REGIONAL_MANAGER", "HEAD_OFFICE"],
  // s8-pay (docs/decisions/0025)
  "paymentChannel:manage": ["ADMIN"],
  "debtor:optOut": ["BANK_OFFICER", "BRANCH_REVIEWER"],
};

/**
 * Where a record lives. An enrolment has all three; a Kanwil (a dashboard's subject) only its id;
 * a missing part never matches, so a record that cannot be placed is refused.
 */
export interface RecordPlace {
  penyalurOfficeId?: string;
  kantorCabangId?: string;
  kanwilId?: string;
}

/** The subject of a permission check: the signed-in actor, as lib/auth/data.ts loads it. */
export interface Subject {
  role: Role;
  scope: Scope;
  /**
   * "enrol": an administrator requires a second factor that is not set up yet; until it is, the
   * only thing allowed is setting it up (docs/decisions/0013-people-and-sessions.md).
   */
  secondFactor?: "enabled" | "enrol" | "off";
}

/** Whether a scope reaches a place: the officer's office, the reviewer's branch, the manager's Kanwil, all. */
export function covers(scope: Scope, place: RecordPlace): boolean {
  switch (scope.kind) {
    case "PENYALUR_OFFICE":
      return place.penyalurOfficeId !== undefined && place.penyalurOfficeId === scope.penyalurOfficeId;
    case "KANTOR_CABANG":
      return place.kantorCabangId !== undefined && place.kantorCabangId === scope.kantorCabangId;
    case "KANWIL":
      return place.kanwilId !== undefined && place.kanwilId === scope.kanwilId;
    case "ALL":
      return true;
    default:
      return false;
  }
}

/**
 * May `subject` do `action` — at all (no record), or on the record at `place`? Pages use the
 * first form to draw menus and refuse with 403; data and mutation code use the second, on the
 * place it loaded from the database, never on one the client sent.
 */
export function can(subject: Subject, action: Action, place?: RecordPlace): boolean {
  // Own keys only: "toString" or "__proto__" sent as an action must not find Object.prototype's.
  const roles: readonly Role[] | undefined = Object.hasOwn(ROLES_FOR, action) ? ROLES_FOR[action] : undefined;
  if (!Array.isArray(roles) || !roles.includes(subject.role)) return false;
  if (subject.secondFactor === "enrol" && action !== "account:secondFactor") return false;
  return place === undefined || covers(subject.scope, place);
}

/**
 * The office, branch or Kanwil a subject works for, as a key (shared budgets such as an office's
 * rate limit); a subject without one (head office, administrators) is its own tenant.
 */
export function tenantKey(subject: Subject & { id: string }): string {
  const s = subject.scope;
  switch (s.kind) {
    case "PENYALUR_OFFICE":
      return `office:${s.penyalurOfficeId}`;
    case "KANTOR_CABANG":
      return `kc:${s.kantorCabangId}`;
    case "KANWIL":
      return `kanwil:${s.kanwilId}`;
    default:
      return `user:${subject.id}`;
  }
}

/** How much of a debtor's identity a role is shown (UU 27/2022: no more than the task needs). */
export interface PersonalDataView {
  /** The full NIK and NPWP, or masked ("3273********0001"). */
  fullIdentifiers: boolean;
  /** The full phone number, or only its last four digits. */
  fullPhone: boolean;
  /** Street address, mother's maiden name, heir: the data an officer typed and a reviewer checks. */
  contactDetails: boolean;
}

/**
 * The enrolling officer keeps seeing what they typed; the reviewer sees what they must check,
 * with identifiers masked; managers and head office work with aggregates and see masked rows only.
 */
export function personalDataView(subject: Subject): PersonalDataView {
  switch (subject.role) {
    case "BANK_OFFICER":
      return { fullIdentifiers: true, fullPhone: true, contactDetails: true };
    case "BRANCH_REVIEWER":
      return { fullIdentifiers: false, fullPhone: true, contactDetails: true };
    default:
      return { fullIdentifiers: false, fullPhone: false, contactDetails: false };
  }
}

/** "3273********0001": enough to tell debtors apart, not enough to misuse. */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 4)}********${nik.slice(12)}` : "****************";
}

/** "•••• 7890": the last four digits of a phone number. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.length >= 4 ? `•••• ${digits.slice(-4)}` : "••••";
}

/** A NIK or NPWP as this subject may see it. */
export function presentIdentifier(subject: Subject, value: string): string {
  return personalDataView(subject).fullIdentifiers ? value : maskNik(value);
}

/** A phone number as this subject may see it. */
export function presentPhone(subject: Subject, phone: string): string {
  return personalDataView(subject).fullPhone ? phone : maskPhone(phone);
}
