import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import type { Scope } from "@/lib/auth/roles";
import type { KurScheme, MandateStatus, PhaseRule } from "@/lib/rules";
import {
  LIST_PAGE_SIZE,
  classifySearch,
  submittedBounds,
  type EnrolmentListQuery,
} from "@/lib/enrolment/list-schema";

/**
 * The enrolments a scope may read, as a Prisma filter; null means none at all (fail closed).
 * Mirrors lib/auth/roles.ts scopeCovers, which is the rule; tests check the two agree.
 */
export function enrolmentScopeWhere(scope: Scope): Prisma.EnrolmentWhereInput | null {
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

export interface KantorCabangOption {
  id: string;
  name: string;
  kanwilName: string;
  kanwilCode: string;
}

export interface EnrolmentFormOptions {
  kantorCabang: KantorCabangOption[];
  suggestedKantorCabangId: string | null;
  officeName: string;
  penyalurId: string;
  /** Phase rules that can apply to this penyalur, for the live preview (the server decides again). */
  phaseRules: PhaseRule[];
}

/** Phase rules that can apply to a penyalur (its own and the ones for every penyalur). */
export async function phaseRulesFor(penyalurId: string): Promise<PhaseRule[]> {
  const rows = await db().phaseRule.findMany({
    where: { OR: [{ penyalurId: null }, { penyalurId }] },
    select: {
      id: true,
      penyalurId: true,
      startDate: true,
      kanwil: { select: { code: true, name: true } },
      penyalur: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    penyalurId: r.penyalurId,
    kanwilCode: r.kanwil?.code ?? null,
    startDate: r.startDate.toISOString().slice(0, 10),
    scopeLabel: [r.penyalur?.name ?? "semua penyalur", r.kanwil ? `di ${r.kanwil.name}` : "di seluruh Indonesia"].join(" "),
  }));
}

/** What the e-form needs: the BPJS branches, with the one serving the officer's office first. */
export async function enrolmentFormOptions(actor: Actor): Promise<EnrolmentFormOptions | null> {
  if (actor.scope.kind !== "PENYALUR_OFFICE") return null;
  const [office, branches, phaseRules] = await Promise.all([
    db().penyalurOffice.findUnique({
      where: { id: actor.scope.penyalurOfficeId },
      select: { name: true, defaultKantorCabangId: true, provinceCode: true, penyalur: { select: { name: true } } },
    }),
    db().kantorCabang.findMany({
      select: { id: true, name: true, provinceCode: true, kanwil: { select: { name: true, code: true } } },
      orderBy: [{ kanwil: { name: "asc" } }, { name: "asc" }],
    }),
    phaseRulesFor(actor.scope.penyalurId),
  ]);
  if (!office) return null;
  const suggested =
    office.defaultKantorCabangId ?? branches.find((b) => b.provinceCode === office.provinceCode)?.id ?? null;
  return {
    kantorCabang: branches.map((b) => ({ id: b.id, name: b.name, kanwilName: b.kanwil.name, kanwilCode: b.kanwil.code })),
    suggestedKantorCabangId: suggested,
    officeName: `${office.penyalur.name} — ${office.name}`,
    penyalurId: actor.scope.penyalurId,
    phaseRules,
  };
}

export interface ContributionLineDto {
  month: string;
  tierBasis: number;
  jkkGross: number;
  jkmGross: number;
  jhtGross: number;
  jkk: number;
  jkm: number;
  jht: number;
  discount: number;
  reliefRuleId: string | null;
  total: number;
  dueDate: string;
  status: "DUE" | "PAID";
}

export interface EnrolmentDetail {
  id: string;
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "REJECTED";
  scheme: KurScheme;
  plafon: number;
  declaredIncome: number;
  tierIndex: number;
  tierBasis: number;
  tierTableVersion: string;
  jht: boolean;
  kpj: string | null;
  submittedAt: string | null;
  createdAt: string;
  mandate: {
    status: MandateStatus;
    ruleId: string;
    ruleVersion: string;
    legalBasis: string;
    explanation: string;
    requiredFrom: string | null;
    inputs: Record<string, unknown>;
  };
  participant: { nik: string; fullName: string; birthDate: string; sex: "L" | "P"; phone: string };
  office: { name: string; penyalurName: string; disbursementGate: "BLOCK" | "WARN"; timeZone: string };
  kantorCabang: { name: string; kanwilName: string; timeZone: string };
  officerName: string;
  contributionLines: ContributionLineDto[];
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** One enrolment, only if the actor's scope covers it; null otherwise (the caller shows 404). */
export async function enrolmentForActor(actor: Actor, id: string): Promise<EnrolmentDetail | null> {
  const scopeWhere = enrolmentScopeWhere(actor.scope);
  if (!scopeWhere || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const e = await db().enrolment.findFirst({
    where: { AND: [{ id }, scopeWhere] },
    select: {
      id: true,
      status: true,
      scheme: true,
      plafon: true,
      declaredIncome: true,
      tierIndex: true,
      tierBasis: true,
      tierTableVersion: true,
      jht: true,
      kpj: true,
      submittedAt: true,
      createdAt: true,
      mandateStatus: true,
      mandateRuleId: true,
      mandateRuleVersion: true,
      mandateLegalBasis: true,
      mandateExplanation: true,
      mandateRequiredFrom: true,
      mandateInputs: true,
      participant: { select: { nik: true, fullName: true, birthDate: true, sex: true, phone: true } },
      penyalurOffice: {
        select: { name: true, timeZone: true, penyalur: { select: { name: true, disbursementGate: true } } },
      },
      kantorCabang: { select: { name: true, timeZone: true, kanwil: { select: { name: true } } } },
      officer: { select: { name: true } },
      contributionLines: {
        orderBy: { month: "asc" },
        select: {
          month: true,
          tierBasis: true,
          jkkGross: true,
          jkmGross: true,
          jhtGross: true,
          jkk: true,
          jkm: true,
          jht: true,
          discount: true,
          reliefRuleId: true,
          total: true,
          dueDate: true,
          status: true,
        },
      },
    },
  });
  if (!e) return null;
  return {
    id: e.id,
    status: e.status,
    scheme: e.scheme,
    plafon: e.plafon,
    declaredIncome: e.declaredIncome,
    tierIndex: e.tierIndex,
    tierBasis: e.tierBasis,
    tierTableVersion: e.tierTableVersion,
    jht: e.jht,
    kpj: e.kpj,
    submittedAt: e.submittedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    mandate: {
      status: e.mandateStatus,
      ruleId: e.mandateRuleId,
      ruleVersion: e.mandateRuleVersion,
      legalBasis: e.mandateLegalBasis,
      explanation: e.mandateExplanation,
      requiredFrom: e.mandateRequiredFrom ? isoDay(e.mandateRequiredFrom) : null,
      inputs: (e.mandateInputs ?? {}) as Record<string, unknown>,
    },
    participant: {
      nik: e.participant.nik,
      fullName: e.participant.fullName,
      birthDate: isoDay(e.participant.birthDate),
      sex: e.participant.sex,
      phone: e.participant.phone,
    },
    office: {
      name: e.penyalurOffice.name,
      penyalurName: e.penyalurOffice.penyalur.name,
      disbursementGate: e.penyalurOffice.penyalur.disbursementGate,
      timeZone: e.penyalurOffice.timeZone,
    },
    kantorCabang: { name: e.kantorCabang.name, kanwilName: e.kantorCabang.kanwil.name, timeZone: e.kantorCabang.timeZone },
    officerName: e.officer.name,
    contributionLines: e.contributionLines.map((l) => ({
      month: isoDay(l.month).slice(0, 7),
      tierBasis: l.tierBasis,
      jkkGross: l.jkkGross,
      jkmGross: l.jkmGross,
      jhtGross: l.jhtGross,
      jkk: l.jkk,
      jkm: l.jkm,
      jht: l.jht,
      discount: l.discount,
      reliefRuleId: l.reliefRuleId,
      total: l.total,
      dueDate: isoDay(l.dueDate),
      status: l.status,
    })),
  };
}

export interface EnrolmentListItem {
  id: string;
  fullName: string;
  nikMasked: string;
  scheme: KurScheme;
  plafon: number;
  mandateStatus: MandateStatus;
  status: EnrolmentDetail["status"];
  submittedAt: string | null;
  officeName: string;
  kantorCabangName: string;
}

/** "3201********0001": enough to tell debtors apart, not enough to misuse (UU 27/2022). */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 4)}********${nik.slice(12)}` : "****************";
}

/** The columns a list row needs, and nothing else (no phone, no birth date, no full NIK leaves here unmasked). */
const LIST_ITEM_SELECT = {
  id: true,
  scheme: true,
  plafon: true,
  mandateStatus: true,
  status: true,
  submittedAt: true,
  participant: { select: { fullName: true, nik: true } },
  penyalurOffice: { select: { name: true, penyalur: { select: { name: true } } } },
  kantorCabang: { select: { name: true } },
} satisfies Prisma.EnrolmentSelect;

type ListItemRow = Prisma.EnrolmentGetPayload<{ select: typeof LIST_ITEM_SELECT }>;

function toListItem(r: ListItemRow): EnrolmentListItem {
  return {
    id: r.id,
    fullName: r.participant.fullName,
    nikMasked: maskNik(r.participant.nik),
    scheme: r.scheme,
    plafon: r.plafon,
    mandateStatus: r.mandateStatus,
    status: r.status,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    officeName: `${r.penyalurOffice.penyalur.name} — ${r.penyalurOffice.name}`,
    kantorCabangName: r.kantorCabang.name,
  };
}

/** The newest enrolments the actor may read. */
export async function recentEnrolments(actor: Actor, take = 20): Promise<EnrolmentListItem[]> {
  const scopeWhere = enrolmentScopeWhere(actor.scope);
  if (!scopeWhere) return [];
  const rows = await db().enrolment.findMany({
    where: scopeWhere,
    orderBy: { createdAt: "desc" },
    take,
    select: LIST_ITEM_SELECT,
  });
  return rows.map(toListItem);
}

export interface EnrolmentListPage {
  rows: EnrolmentListItem[];
  /** Matching enrolments on all pages. */
  total: number;
  /** The page shown, 1-based: a page past the end shows the last one. */
  page: number;
  /** At least 1, so "Halaman 1 dari 1" reads right for an empty list. */
  pageCount: number;
}

/** `_` and `%` are LIKE wildcards, and Prisma passes them through unescaped (prisma/prisma#10810). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function searchWhere(q: string): Prisma.EnrolmentWhereInput | null {
  const search = classifySearch(q);
  switch (search?.kind) {
    case "nik":
      return { participant: { nik: search.nik } };
    case "nikSuffix":
      return { participant: { nik: { endsWith: search.suffix } } };
    case "name":
      return { participant: { fullName: { contains: escapeLike(search.text), mode: "insensitive" } } };
    case "partialNik":
      return { id: { in: [] } };
    default:
      return null;
  }
}

/** The search and filters of a list query (not the scope), as Prisma conditions. */
function listFilters(query: EnrolmentListQuery, timeZone: string): Prisma.EnrolmentWhereInput[] {
  const filters: Prisma.EnrolmentWhereInput[] = [];
  const search = searchWhere(query.q);
  if (search) filters.push(search);
  if (query.status) filters.push({ status: query.status });
  if (query.scheme) filters.push({ scheme: query.scheme });
  if (query.mandate) filters.push({ mandateStatus: query.mandate });
  if (query.from || query.to) filters.push({ submittedAt: submittedBounds(query, timeZone) });
  return filters;
}

/** The chosen order, then newest first, then id, so that pages never overlap or skip a row. */
function listOrder(query: EnrolmentListQuery): Prisma.EnrolmentOrderByWithRelationInput[] {
  const newestFirst = { submittedAt: { sort: "desc", nulls: "last" } } as const;
  switch (query.sort) {
    case "name":
      return [{ participant: { fullName: query.dir } }, newestFirst, { id: "asc" }];
    case "plafon":
      return [{ plafon: query.dir }, newestFirst, { id: "asc" }];
    default:
      // Drafts have no submission date yet: they go last either way.
      return [{ submittedAt: { sort: query.dir, nulls: "last" } }, { createdAt: query.dir }, { id: "asc" }];
  }
}

/**
 * One page of the enrolments the actor may read, searched, filtered and sorted as the list's query
 * says. Enrolments sent back by the reviewer (RETURNED) come first, whatever the sort: they are the
 * officer's work to do. SQL cannot put them first through Prisma's orderBy, so the list is read as
 * two segments, RETURNED then the rest, each in the chosen order: one grouped count gives the
 * total and the size of the first segment, then the page is read from whichever segment(s) it
 * covers (two reads only on the one page that straddles the boundary).
 */
export async function listEnrolments(actor: Actor, query: EnrolmentListQuery): Promise<EnrolmentListPage> {
  const scopeWhere = enrolmentScopeWhere(actor.scope);
  if (!scopeWhere) return { rows: [], total: 0, page: 1, pageCount: 1 };
  const where: Prisma.EnrolmentWhereInput = { AND: [scopeWhere, ...listFilters(query, actor.timeZone)] };

  const counts = await db().enrolment.groupBy({ by: ["status"], where, _count: { _all: true } });
  const total = counts.reduce((sum, c) => sum + c._count._all, 0);
  const returned = counts.find((c) => c.status === "RETURNED")?._count._all ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const skip = (page - 1) * LIST_PAGE_SIZE;
  const orderBy = listOrder(query);

  const returnedTake = Math.max(0, Math.min(LIST_PAGE_SIZE, returned - skip));
  const restSkip = Math.max(0, skip - returned);
  const restTake = Math.min(LIST_PAGE_SIZE - returnedTake, Math.max(0, total - returned - restSkip));
  const [first, rest] = await Promise.all([
    returnedTake > 0
      ? db().enrolment.findMany({
          where: { AND: [where, { status: "RETURNED" }] },
          orderBy,
          skip,
          take: returnedTake,
          select: LIST_ITEM_SELECT,
        })
      : [],
    restTake > 0
      ? db().enrolment.findMany({
          where: { AND: [where, { status: { not: "RETURNED" } }] },
          orderBy,
          skip: restSkip,
          take: restTake,
          select: LIST_ITEM_SELECT,
        })
      : [],
  ]);
  return { rows: [...first, ...rest].map(toListItem), total, page, pageCount };
}
