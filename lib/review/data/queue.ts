import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { presentIdentifier } from "@/lib/auth/permissions";
import { enrolmentWhere } from "@/lib/auth/scope";
import { REVIEW_SLA_WORKING_DAYS, todayInZone, workingDaysBetween, type KurScheme, type MandateStatus } from "@/lib/rules";
import { REVIEW_PAGE_SIZE, type QueueQuery } from "@/lib/review/schema";
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
 * The review queue of the reviewer's own Kantor Cabang, oldest submission first, with each
 * enrolment's age in working days in the branch's time zone (the reviewer's office zone). Paged in
 * the database. Null when the actor may not review (fail closed).
 */
export async function reviewQueue(actor: Actor, query: QueueQuery, now: Date): Promise<QueuePage | null> {
  const scopeWhere = enrolmentWhere(actor, "enrolment:review");
  if (!scopeWhere) return null;
  const where: Prisma.EnrolmentWhereInput = {
    AND: [
      scopeWhere,
      {
        ...(query.status === "ALL" ? { status: { not: "DRAFT" } } : { status: query.status }),
        ...(query.penyalur ? { penyalurId: query.penyalur } : {}),
        ...(query.scheme ? { scheme: query.scheme } : {}),
        ...(query.mandate ? { mandateStatus: query.mandate } : {}),
      },
    ],
  };
  const timeZone = actor.timeZone;
  const [total, penyalurOptions] = await Promise.all([
    db().enrolment.count({ where }),
    db().penyalur.findMany({
      where: { enrolments: { some: scopeWhere } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db().enrolment.findMany({
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
    total,
    page,
    pageCount,
    penyalurOptions,
    timeZone,
  };
}
