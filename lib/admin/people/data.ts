import "server-only";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { hashOneTimeToken, isOneTimeTokenShape } from "@/lib/auth/tokens";
import { INTEGRATION_EMAIL_DOMAIN } from "@/lib/api/enrolments/data";
import { PEOPLE_PAGE_SIZE, PLACE_KIND_OF_ROLE, placeValue, type PeopleQuery, type PersonRowStatus, type PlaceKind } from "@/lib/admin/people/schema";

/**
 * Reads of the people administration: the access list (who has which access), one person, the
 * places a role can be given (from the master data) and the one-time links. Administrators only
 * (`user:manage`); the caller's permission is checked here as well as in the page.
 */

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: PersonRowStatus;
  placeKind: PlaceKind | null;
  /** "BRI — Kantor Cabang Bandung Asia Afrika", a Kantor Cabang's or Kanwil's name; null = national. */
  placeName: string | null;
  placeValue: string;
  /** "enabled", "required" (required and not yet set up), "off". */
  secondFactor: "enabled" | "required" | "off";
  totpRequired: boolean;
  createdAt: string;
}

const PERSON_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  passwordHash: true,
  totpEnabledAt: true,
  totpRequired: true,
  createdAt: true,
  penyalurOffice: { select: { id: true, name: true, penyalur: { select: { name: true } } } },
  kantorCabang: { select: { id: true, name: true } },
  kanwil: { select: { id: true, name: true } },
} satisfies Prisma.UserSelect;

type PersonRecord = Prisma.UserGetPayload<{ select: typeof PERSON_SELECT }>;

function personRow(u: PersonRecord): PersonRow {
  const kind = PLACE_KIND_OF_ROLE[u.role];
  const place =
    kind === "office" && u.penyalurOffice
      ? { id: u.penyalurOffice.id, name: `${u.penyalurOffice.penyalur.name} — ${u.penyalurOffice.name}` }
      : kind === "kc" && u.kantorCabang
        ? u.kantorCabang
        : kind === "kanwil" && u.kanwil
          ? u.kanwil
          : null;
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    status: !u.active ? "inactive" : u.passwordHash === null ? "invited" : "active",
    placeKind: place ? kind : null,
    placeName: place?.name ?? null,
    placeValue: place && kind ? placeValue({ kind, id: place.id }) : "",
    secondFactor: u.totpEnabledAt ? "enabled" : u.totpRequired ? "required" : "off",
    totpRequired: u.totpRequired,
    createdAt: u.createdAt.toISOString(),
  };
}

function peopleWhere(query: PeopleQuery): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  if (query.q) {
    const q = query.q;
    and.push({
      OR: [
        { name: { contains: q, mode: "insensitive" } },
        { email: { contains: q, mode: "insensitive" } },
        { penyalurOffice: { name: { contains: q, mode: "insensitive" } } },
        { penyalurOffice: { penyalur: { name: { contains: q, mode: "insensitive" } } } },
        { kantorCabang: { name: { contains: q, mode: "insensitive" } } },
        { kanwil: { name: { contains: q, mode: "insensitive" } } },
      ],
    });
  }
  if (query.role) and.push({ role: query.role });
  if (query.status === "inactive") and.push({ active: false });
  if (query.status === "invited") and.push({ active: true, passwordHash: null });
  if (query.status === "active") and.push({ active: true, passwordHash: { not: null } });
  // Integration accounts only when asked for (status "system"), never mixed into the people.
  const integration: Prisma.UserWhereInput = { email: { endsWith: INTEGRATION_EMAIL_DOMAIN } };
  and.push(query.status === "system" ? integration : { NOT: integration });
  return { AND: and };
}

function assertAdmin(actor: Actor): void {
  if (!can(actor, "user:manage")) throw new Error("people data read without user:manage");
}

/** One page of the access list, by name. */
export async function listPeople(actor: Actor, query: PeopleQuery): Promise<{ rows: PersonRow[]; total: number }> {
  assertAdmin(actor);
  const where = peopleWhere(query);
  const [rows, total] = await Promise.all([
    db().user.findMany({ where, select: PERSON_SELECT, orderBy: [{ name: "asc" }, { email: "asc" }], skip: (query.page - 1) * PEOPLE_PAGE_SIZE, take: PEOPLE_PAGE_SIZE }),
    db().user.count({ where }),
  ]);
  return { rows: rows.map(personRow), total };
}

/** The largest access list an export writes in one file. */
export const PEOPLE_EXPORT_MAX = 20_000;

/** Every row of the access list matching the filter (the page's paging aside), for the CSV export. */
export async function exportPeople(actor: Actor, query: PeopleQuery): Promise<PersonRow[]> {
  assertAdmin(actor);
  const rows = await db().user.findMany({ where: peopleWhere(query), select: PERSON_SELECT, orderBy: [{ name: "asc" }, { email: "asc" }], take: PEOPLE_EXPORT_MAX });
  return rows.map(personRow);
}

export interface PersonDetail extends PersonRow {
  /** The newest unused, unexpired invitation or reset link's expiry, if any. */
  openLink: { kind: "INVITATION" | "PASSWORD_RESET"; expiresAt: string } | null;
}

export async function personDetail(actor: Actor, userId: string, now = new Date()): Promise<PersonDetail | null> {
  assertAdmin(actor);
  const user = await db().user.findUnique({ where: { id: userId }, select: PERSON_SELECT });
  if (!user) return null;
  const link = await db().userToken.findFirst({
    where: { userId, kind: { in: ["INVITATION", "PASSWORD_RESET"] }, usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { kind: true, expiresAt: true },
  });
  return {
    ...personRow(user),
    openLink: link ? { kind: link.kind as "INVITATION" | "PASSWORD_RESET", expiresAt: link.expiresAt.toISOString() } : null,
  };
}

export interface PlaceOption {
  value: string;
  label: string;
}

export type PlaceOptions = Record<PlaceKind, PlaceOption[]>;

/** The places a role can be given, from the master data: penyalur offices, Kantor Cabang, Kanwil. */
export async function placeOptions(actor: Actor): Promise<PlaceOptions> {
  assertAdmin(actor);
  const [offices, branches, kanwil] = await Promise.all([
    db().penyalurOffice.findMany({ select: { id: true, name: true, penyalur: { select: { name: true } } }, orderBy: [{ penyalur: { name: "asc" } }, { name: "asc" }] }),
    db().kantorCabang.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().kanwil.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    office: offices.map((o) => ({ value: placeValue({ kind: "office", id: o.id }), label: `${o.penyalur.name} — ${o.name}` })),
    kc: branches.map((b) => ({ value: placeValue({ kind: "kc", id: b.id }), label: b.name })),
    kanwil: kanwil.map((k) => ({ value: placeValue({ kind: "kanwil", id: k.id }), label: k.name })),
  };
}

export type LinkState =
  | { state: "valid"; kind: "INVITATION" | "PASSWORD_RESET"; name: string; email: string; expiresAt: string }
  | { state: "used" | "expired" | "unknown" };

/** What an invitation or reset link opens (the public /atur-sandi page), without using it up. */
export async function oneTimeLink(token: string, now = new Date()): Promise<LinkState> {
  if (!isOneTimeTokenShape(token)) return { state: "unknown" };
  const row = await db().userToken.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    select: { kind: true, usedAt: true, expiresAt: true, user: { select: { name: true, email: true, active: true } } },
  });
  if (!row || row.kind === "SECOND_FACTOR" || !row.user.active) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt <= now) return { state: "expired" };
  return { state: "valid", kind: row.kind, name: row.user.name, email: row.user.email, expiresAt: row.expiresAt.toISOString() };
}
