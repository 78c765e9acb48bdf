/**
 * The people administration's inputs (/admin/pengguna, /akun, /atur-sandi): zod schemas whose field
 * messages come from the catalogue (`people.errors.*`), passed in by the action. Pure: no database,
 * no framework. Whether a place exists is the mutation's question (it loads it).
 */
import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";
import { single, optionalEnum } from "@/lib/search-params";
import type { Messages } from "@/lib/i18n/config";

/** The kind of place each role works in (lib/auth/roles.ts scopeOf): what the invitation asks for. */
export const PLACE_KIND_OF_ROLE: Record<Role, PlaceKind | null> = {
  BANK_OFFICER: "office",
  BRANCH_REVIEWER: "kc",
  REGIONAL_MANAGER: "kanwil",
  HEAD_OFFICE: null,
  ADMIN: null,
};
export const PLACE_KINDS = ["office", "kc", "kanwil"] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** The password policy's bounds (the rest of it is lib/admin/people/password.ts). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** How long a link stays usable. An invitation waits for a new colleague; a reset for someone at a desk. */
export const INVITATION_HOURS = 72;
export const RESET_HOURS = 2;

/** Roles whose members may set up a TOTP second factor, and whom an administrator may require it of. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ["ADMIN", "HEAD_OFFICE"];

/** A place as a form posts it: "office:<uuid>", "kc:<uuid>", "kanwil:<uuid>"; "" for national roles. */
export interface PlaceRef {
  kind: PlaceKind;
  id: string;
}

export function placeValue(place: PlaceRef | null): string {
  return place ? `${place.kind}:${place.id}` : "";
}

export function parsePlace(value: string | undefined): PlaceRef | null | "invalid" {
  if (!value) return null;
  const match = /^(office|kc|kanwil):([0-9a-f-]{36})$/i.exec(value);
  if (!match || !z.guid().safeParse(match[2]).success) return "invalid";
  return { kind: match[1] as PlaceKind, id: match[2]!.toLowerCase() };
}

export type PeopleMessage = (key: keyof Messages["people"]["errors"], params?: Record<string, string | number>) => string;

const text = (m: PeopleMessage, required: keyof Messages["people"]["errors"], max: number) =>
  z
    .string({ error: m(required) })
    .transform((v) => v.trim())
    .pipe(z.string().min(1, m(required)).max(max, m("tooLong", { max })));

const uuid = z.string().pipe(z.guid());

/** Role and place together: the place must be of the kind the role works in. */
function accessFields(m: PeopleMessage) {
  return {
    role: z.enum(ROLES, { error: m("roleRequired") }),
    place: z.string().optional(),
  };
}

/** Why a role and a posted place do not go together, or null when they do. */
function placeProblem(role: Role, value: string | undefined): keyof Messages["people"]["errors"] | null {
  const wanted = PLACE_KIND_OF_ROLE[role];
  const place = parsePlace(value?.trim() || undefined);
  if (!wanted) return place === null ? null : "placeNone";
  return place === null || place === "invalid" || place.kind !== wanted ? `placeRequired_${wanted}` : null;
}

/**
 * Checks the role's place — also when other fields failed (zod's `when`), so every field error shows
 * at once — then gives the place as a PlaceRef (null for national roles).
 */
function withPlace<T extends { role: Role; place?: string }>(schema: z.ZodType<T>, m: PeopleMessage) {
  return schema
    .superRefine(
      (v, ctx) => {
        const problem = placeProblem(v.role, v.place);
        if (problem) ctx.addIssue({ code: "custom", path: ["place"], message: m(problem) });
      },
      { when: (payload) => ROLES.includes((payload.value as { role?: Role } | undefined)?.role as Role) },
    )
    .transform((v) => ({ ...v, place: PLACE_KIND_OF_ROLE[v.role] ? (parsePlace(v.place?.trim()) as PlaceRef) : null }));
}

export function inviteInput(m: PeopleMessage) {
  return withPlace(
    z.object({
      email: z
        .string({ error: m("emailRequired") })
        .transform((v) => v.trim().toLowerCase())
        .pipe(z.string().min(1, m("emailRequired")).max(200, m("tooLong", { max: 200 })).pipe(z.email(m("emailInvalid")))),
      name: text(m, "nameRequired", 120),
      ...accessFields(m),
      totpRequired: z.string().optional().transform((v) => v === "on"),
    }),
    m,
  );
}
export type InviteInput = z.output<ReturnType<typeof inviteInput>>;

export function accessInput(m: PeopleMessage) {
  return withPlace(z.object({ userId: uuid, ...accessFields(m) }), m);
}
export type AccessInput = z.output<ReturnType<typeof accessInput>>;

export const userRefInput = z.object({ userId: uuid });
export const secondFactorRequiredInput = z.object({ userId: uuid, required: z.enum(["1", "0"]).transform((v) => v === "1") });

/** A new password twice; the policy itself (length, common passwords) is lib/admin/people/password.ts. */
function newPasswordFields(m: PeopleMessage) {
  return {
    // The length is checked here, with the other fields; the rest of the policy needs the account
    // (lib/admin/people/password.ts, in the mutation).
    password: z
      .string({ error: m("passwordRequired") })
      .min(1, m("passwordRequired"))
      .refine((v) => [...v].length >= PASSWORD_MIN_LENGTH, m("passwordTooShort", { min: PASSWORD_MIN_LENGTH }))
      .refine((v) => [...v].length <= PASSWORD_MAX_LENGTH, m("passwordTooLong", { max: PASSWORD_MAX_LENGTH })),
    // Named "password…" so the pipeline never echoes it back (lib/action/client.ts keptValues).
    passwordConfirm: z.string().optional().default(""),
  };
}

function refineConfirm(v: { password: string; passwordConfirm: string }, ctx: z.RefinementCtx, m: PeopleMessage) {
  if (v.password !== v.passwordConfirm) ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: m("confirmMismatch") });
}

export function setPasswordInput(m: PeopleMessage) {
  return z
    .object({ token: z.string().max(100), ...newPasswordFields(m) })
    .superRefine((v, ctx) => refineConfirm(v, ctx, m));
}
export type SetPasswordInput = z.output<ReturnType<typeof setPasswordInput>>;

export function changePasswordInput(m: PeopleMessage) {
  return z
    .object({ currentPassword: z.string({ error: m("currentRequired") }).min(1, m("currentRequired")).max(200), ...newPasswordFields(m) })
    .superRefine((v, ctx) => refineConfirm(v, ctx, m));
}
export type ChangePasswordInput = z.output<ReturnType<typeof changePasswordInput>>;

export function totpConfirmInput(m: PeopleMessage) {
  return z.object({
    secret: z.string().regex(/^[A-Z2-7]{16,64}$/),
    code: z
      .string({ error: m("codeRequired") })
      .transform((v) => v.replace(/[\s-]/g, ""))
      .pipe(z.string().min(1, m("codeRequired")).regex(/^\d{6}$/, m("codeFormat"))),
  });
}
export type TotpConfirmInput = z.output<ReturnType<typeof totpConfirmInput>>;

// ── The access list's query string (/admin/pengguna?q=…&peran=…&status=…&hal=2) ─────────────────

/**
 * The access list's status filter. `system`: the integration accounts the host-to-host API creates
 * per bank office (officer of record of what a bank's system enrols, never signed in to); hidden
 * unless asked for, so the list is the people (docs/decisions/0026).
 */
export const PERSON_STATUSES = ["active", "invited", "inactive", "system"] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];
/** What a person's row says of their access (a system account is always inactive). */
export type PersonRowStatus = Exclude<PersonStatus, "system">;
export const PEOPLE_PAGE_SIZE = 50;

const PeopleParams = z.object({
  q: z.preprocess(single, z.string().max(100).optional()).catch(undefined),
  peran: optionalEnum(ROLES),
  status: optionalEnum(PERSON_STATUSES),
  hal: z.preprocess(single, z.coerce.number().int().min(1).max(10_000).optional()).catch(undefined),
});

export interface PeopleQuery {
  q?: string;
  role?: Role;
  status?: PersonStatus;
  page: number;
}

/** Untrusted URL parameters to a valid query; a bad value falls back to "absent". Never throws. */
export function parsePeopleQuery(input: Record<string, string | string[] | undefined> | URLSearchParams): PeopleQuery {
  const record: Record<string, unknown> = input instanceof URLSearchParams ? Object.fromEntries(input.entries()) : input;
  const p = PeopleParams.parse(record);
  return { q: p.q, role: p.peran, status: p.status, page: p.hal ?? 1 };
}

export function peopleParams(query: PeopleQuery, page = query.page): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.role) params.set("peran", query.role);
  if (query.status) params.set("status", query.status);
  if (page > 1) params.set("hal", String(page));
  return params;
}
