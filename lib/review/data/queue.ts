import "server-only";
import { Prisma, staleReadDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { presentIdentifier } from "@/lib/auth/permissions";
import { enrolmentWhere } from "@/lib/auth/scope";
import { REVIEW_SLA_WORKING_DAYS, addDays, latestOverdueDay, startOfDayInZone, todayInZone, workingDaysBetween, type KurScheme, type MandateStatus } from "@/lib/rules";
import { REVIEW_PAGE_SIZE, type QueueQuery, type QueueView } from "@/lib/review/schema";
import type { EnrolmentStatus } from "@/lib/review/data/shared";

export interface QueueRow {
  id: string;
  version: number;
  fullName: string;
  nikMasked: string;
  penyalurName: string;
  officeName: string;
  scheme: KurScheme;
  plafon: number;
  mandateStatus: MandateStatus;
  status: EnrolmentStatus;
  submittedAt: string | null;
  /** Working days since submission (weekends, national holidays and cuti bersama excluded). */
  ageWorkingDays: number | null;
  /** Still waiting for a decision and older than the review's service level (2 working days). */
  overdue: boolean;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  page: number;
  pageCount: number;
  penyalurOptions: { id: string; name: string }[];
  timeZone: string;
}

/**
 * The queue's count and its penyalur filter options come from the branch's rows of DashListCountCell
 * (penyalur × scheme × mandate × status, all months together, kept exact by triggers in the
 * writer's transaction, docs/decisions/0022-national-series.md), not from the branch's enrolments:
 * a branch has about a hundred such rows however many enrolments it holds, so the page costs the
 * same at 10k or 10M and a cold cache is not a minute of disk reads.
 */
async function queueCountFromCells(kantorCabangId: string, query: QueueQuery): Promise<number> {
  const filters = [Prisma.sql`"kantorCabangId" = ${kantorCabangId}::uuid`];
  filters.push(query.status === "ALL" ? Prisma.sql`status <> 'DRAFT'` : Prisma.sql`status = ${query.status}`);
  if (query.penyalur) filters.push(Prisma.sql`"penyalurId" = ${query.penyalur}::uuid`);
  if (query.scheme) filters.push(Prisma.sql`scheme = ${query.scheme}`);
  if (query.mandate) filters.push(Prisma.sql`"mandateStatus" = ${query.mandate}`);
  const rows = await staleReadDb().$queryRaw<{ n: number }[]>`
    select coalesce(sum(enrolments), 0)::int as n from "DashListCountCell" where ${Prisma.join(filters, " and ")}`;
  return rows[0]?.n ?? 0;
}

/** The penyalur with at least one enrolment (any status) in the branch, by name. */
async function penyalurOptionsFromCells(kantorCabangId: string): Promise<{ id: string; name: string }[]> {
  return staleReadDb().$queryRaw<{ id: string; name: string }[]>`
    select p.id::text as id, p.name from "Penyalur" p
    where p.id in (select "penyalurId" from "DashListCountCell" where "kantorCabangId" = ${kantorCabangId}::uuid and enrolments > 0)
    order by p.name`;
}

/**
 * A view's condition (lib/review/schema QUEUE_VIEWS): `overdue` is submitted before the day after
 * the latest overdue submission day in the office's zone (so the database compares one instant, on
 * the index kantorCabangId + status + submittedAt, instead of the page reading every age);
 * `resubmitted` has been returned at least once (an EnrolmentReturn row) and is waiting again.
 */
function viewWhere(view: QueueView | undefined, now: Date, timeZone: string): Prisma.EnrolmentWhereInput {
  switch (view) {
    case "overdue": {
      const dayAfter = addDays(latestOverdueDay(todayInZone(now, timeZone)), 1);
      return { submittedAt: { lt: new Date(startOfDayInZone(dayAfter, timeZone)) } };
    }
    case "resubmitted":
      return { returns: { some: {} } };
    default:
      return {};
  }
}

function queueWhere(scopeWhere: Prisma.EnrolmentWhereInput, query: QueueQuery, now: Date, timeZone: string): Prisma.EnrolmentWhereInput {
  return {
    AND: [
      scopeWhere,
      {
        ...(query.status === "ALL" ? { status: { not: "DRAFT" } } : { status: query.status }),
        ...(query.penyalur ? { penyalurId: query.penyalur } : {}),
        ...(query.scheme ? { scheme: query.scheme } : {}),
        ...(query.mandate ? { mandateStatus: query.mandate } : {}),
        ...viewWhere(query.view, now, timeZone),
      },
    ],
  };
}

/**
 * How many enrolments the queue lists for `query`: from the branch's count cells when no view
 * narrows it, else counted on the enrolments' index. The reviewer home's figures are these totals
 * (lib/review/data/home.ts), so a figure is the length of the list it links to. Null when the actor
 * may not review.
 */
export async function queueTotal(actor: Actor, query: QueueQuery, now: Date): Promise<number | null> {
  const scopeWhere = enrolmentWhere(actor, "enrolment:review");
  if (!scopeWhere) return null;
  if (actor.scope.kind === "KANTOR_CABANG" && !query.view) return queueCountFromCells(actor.scope.kantorCabangId, query);
  return staleReadDb().enrolment.count({ where: queueWhere(scopeWhere, query, now, actor.timeZone) });
}

/**
 * The review queue of the reviewer's own Kantor Cabang, oldest submission first, with each
 * enrolment's age in working days in the branch's time zone (the reviewer's office zone). Paged in
 * the database. Null when the actor may not review (fail closed).
 */
export async function reviewQueue(actor: Actor, query: QueueQuery, now: Date): Promise<QueuePage | null> {
  const scopeWhere = enrolmentWhere(actor, "enrolment:review");
  if (!scopeWhere) return null;
  const timeZone = actor.timeZone;
  const where = queueWhere(scopeWhere, query, now, timeZone);
  const fromCells = actor.scope.kind === "KANTOR_CABANG" ? actor.scope.kantorCabangId : null;
  const penyalurOptions = fromCells
    ? penyalurOptionsFromCells(fromCells)
    : staleReadDb().penyalur.findMany({
        where: { enrolments: { some: scopeWhere } },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      });
  const [total, options] = await Promise.all([queueTotal(actor, query, now), penyalurOptions]);
  const pageCount = Math.max(1, Math.ceil((total ?? 0) / REVIEW_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await staleReadDb().enrolment.findMany({
    where,
    orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    skip: (page - 1) * REVIEW_PAGE_SIZE,
    take: REVIEW_PAGE_SIZE,
    select: {
      id: true,
      version: true,
      scheme: true,
      plafon: true,
      mandateStatus: true,
      status: true,
      submittedAt: true,
      participant: { select: { fullName: true, nik: true } },
      penyalurOffice: { select: { name: true, penyalur: { select: { name: true } } } },
    },
  });
  const today = todayInZone(now, timeZone);
  return {
    rows: rows.map((r) => {
      const age = r.submittedAt ? workingDaysBetween(todayInZone(r.submittedAt, timeZone), today) : null;
      return {
        id: r.id,
        version: r.version,
        fullName: r.participant.fullName,
        nikMasked: presentIdentifier(actor, r.participant.nik),
        penyalurName: r.penyalurOffice.penyalur.name,
        officeName: r.penyalurOffice.name,
        scheme: r.scheme,
        plafon: r.plafon,
        mandateStatus: r.mandateStatus,
        status: r.status,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        ageWorkingDays: age,
        overdue: r.status === "SUBMITTED" && age !== null && age > REVIEW_SLA_WORKING_DAYS,
      };
    }),
    total: total ?? 0,
    page,
    pageCount,
    penyalurOptions: options,
    timeZone,
  };
}
