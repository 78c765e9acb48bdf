import "server-only";
import { Prisma, staleReadDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { enrolmentWhere } from "@/lib/auth/scope";
import { maskNik } from "@/lib/auth/permissions";
import type { KurScheme, MandateStatus } from "@/lib/rules";
import type { EnrolmentDetail } from "@/lib/enrolment/data/detail";
import {
  LIST_PAGE_SIZE,
  classifySearch,
  loanNumberSearch,
  submittedBounds,
  type EnrolmentListQuery,
} from "@/lib/enrolment/list-schema";

// The workspace: the enrolment list with search, filters, sort and pages.

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
  loanNumber: string | null;
  /** The reviewer's reason, for a RETURNED enrolment only. */
  returnReason: string | null;
}

/** The columns a list row needs, and nothing else (no phone, no birth date, no full NIK leaves here unmasked). */
const LIST_ITEM_SELECT = {
  id: true,
  scheme: true,
  plafon: true,
  mandateStatus: true,
  status: true,
  submittedAt: true,
  loanNumber: true,
  returnReason: true,
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
    loanNumber: r.loanNumber,
    returnReason: r.status === "RETURNED" ? r.returnReason : null,
  };
}

/** The newest enrolments the actor may read. */
export async function recentEnrolments(actor: Actor, take = 20): Promise<EnrolmentListItem[]> {
  const scopeWhere = enrolmentWhere(actor);
  if (!scopeWhere) return [];
  const rows = await staleReadDb().enrolment.findMany({
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

/**
 * Participants whose NIK ends in these four digits, through the hand-written index on
 * right(nik, 4) (migration 20261121143446): Prisma's endsWith would be LIKE '%1234', a full scan.
 */
async function participantIdsByNikSuffix(suffix: string): Promise<string[]> {
  const rows = await staleReadDb().$queryRaw<{ id: string }[]>`select id from "Participant" where right(nik, 4) = ${suffix}`;
  return rows.map((r) => r.id);
}

/** Up to this many people matching a name are looked up by id (see searchWhere). */
const NAME_IDS_LIMIT = 2000;

async function searchWhere(q: string): Promise<Prisma.EnrolmentWhereInput | null> {
  const search = classifySearch(q);
  const loanNumber = loanNumberSearch(q);
  let byPerson: Prisma.EnrolmentWhereInput | null;
  switch (search?.kind) {
    case "nik":
      byPerson = { participant: { nik: search.nik } };
      break;
    case "nikSuffix":
      byPerson = { participantId: { in: await participantIdsByNikSuffix(search.suffix) } };
      break;
    case "name": {
      // ILIKE '%…%', served by the trigram index on Participant.fullName. A name that few people
      // have is turned into their ids first: "participantId IN (ids) OR loanNumber = …" uses an
      // index on each side, where the relation filter inside the OR made PostgreSQL read every
      // enrolment (5 s for a loan number at 1M). A common name keeps the relation filter.
      const pattern = `%${escapeLike(search.text)}%`;
      const few = await staleReadDb().$queryRaw<{ id: string }[]>`
        select id from "Participant" where "fullName" ilike ${pattern} limit ${NAME_IDS_LIMIT + 1}`;
      byPerson =
        few.length <= NAME_IDS_LIMIT
          ? { participantId: { in: few.map((r) => r.id) } }
          : { participant: { fullName: { contains: escapeLike(search.text), mode: "insensitive" } } };
      break;
    }
    case "partialNik":
      byPerson = null;
      break;
    default:
      return null;
  }
  const options = [byPerson, loanNumber ? { loanNumber } : null].filter((o): o is Prisma.EnrolmentWhereInput => o !== null);
  return options.length ? { OR: options } : { id: { in: [] } };
}

/** The search and filters of a list query (not the scope), as Prisma conditions. */
async function listFilters(query: EnrolmentListQuery, timeZone: string): Promise<Prisma.EnrolmentWhereInput[]> {
  const filters: Prisma.EnrolmentWhereInput[] = [];
  const search = await searchWhere(query.q);
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
 * The list's counts per status from DashListCountCell (per Kantor Cabang × penyalur × scheme × mandate
 * × status, all months together; kept exact by triggers in the writer's transaction,
 * docs/decisions/0022-national-series.md), when the query has no search and no date range: about
 * 9,000 rows nationally, whose number follows the master data, not the enrolments — where a
 * GROUP BY over Enrolment read every enrolment in scope (a national head-office list: 1M rows).
 * Null when the cells cannot answer (a search, a date range, or an officer's office, whose own few
 * enrolments are counted directly).
 */
async function statusCountsFromCells(actor: Actor, query: EnrolmentListQuery): Promise<{ status: string; n: number }[] | null> {
  if (query.q || query.from || query.to) return null;
  const scope = actor.scope;
  const inScope =
    scope.kind === "KANTOR_CABANG" ? Prisma.sql`"kantorCabangId" = ${scope.kantorCabangId}::uuid`
    : scope.kind === "KANWIL" ? Prisma.sql`"kantorCabangId" in (select id from "KantorCabang" where "kanwilId" = ${scope.kanwilId}::uuid)`
    : scope.kind === "ALL" ? Prisma.sql`true`
    : null;
  if (!inScope) return null;
  const filters = [inScope];
  if (query.status) filters.push(Prisma.sql`status = ${query.status}`);
  if (query.scheme) filters.push(Prisma.sql`scheme = ${query.scheme}`);
  if (query.mandate) filters.push(Prisma.sql`"mandateStatus" = ${query.mandate}`);
  const rows = await staleReadDb().$queryRaw<{ status: string; n: number }[]>`
    select status, sum(enrolments)::int as n from "DashListCountCell" where ${Prisma.join(filters, " and ")}
    group by status having sum(enrolments) > 0`;
  return rows;
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
  const scopeWhere = enrolmentWhere(actor);
  if (!scopeWhere) return { rows: [], total: 0, page: 1, pageCount: 1 };
  const where: Prisma.EnrolmentWhereInput = { AND: [scopeWhere, ...(await listFilters(query, actor.timeZone))] };

  const counts =
    (await statusCountsFromCells(actor, query)) ??
    (await staleReadDb().enrolment.groupBy({ by: ["status"], where, _count: { _all: true } })).map((c) => ({ status: c.status, n: c._count._all }));
  const total = counts.reduce((sum, c) => sum + c.n, 0);
  const returned = counts.find((c) => c.status === "RETURNED")?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const skip = (page - 1) * LIST_PAGE_SIZE;
  const orderBy = listOrder(query);

  const returnedTake = Math.max(0, Math.min(LIST_PAGE_SIZE, returned - skip));
  const restSkip = Math.max(0, skip - returned);
  const restTake = Math.min(LIST_PAGE_SIZE - returnedTake, Math.max(0, total - returned - restSkip));
  const [first, rest] = await Promise.all([
    returnedTake > 0
      ? staleReadDb().enrolment.findMany({
          where: { AND: [where, { status: "RETURNED" }] },
          orderBy,
          skip,
          take: returnedTake,
          select: LIST_ITEM_SELECT,
        })
      : [],
    restTake > 0
      ? staleReadDb().enrolment.findMany({
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
