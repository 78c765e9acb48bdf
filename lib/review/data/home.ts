import "server-only";
import { cache } from "react";
import { staleReadDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { enrolmentWhere } from "@/lib/auth/scope";
import { todayInZone } from "@/lib/rules";
import { arrearsDueSql, lastDueMonthStart, scopeSql } from "@/lib/review/data/arrears";
import { queueTotal } from "@/lib/review/data/queue";
import { parseQueueQuery, queueHref, type QueueView } from "@/lib/review/schema";

export interface ReviewerHomeFigure {
  key: "waiting" | "overdue" | "resubmitted" | "arrears";
  count: number;
  /** The list behind the figure (the queue in a view, or the arrears list). */
  href: string;
}

/**
 * How many approved enrolments in scope are in arrears: the arrears list's own condition
 * (`arrearsDueSql`, on DashEnrolmentFact_arrears_idx) counted, not listed — no lines are read
 * except for the rare enrolment with a settled month after an open one. Null when the actor may
 * not read arrears.
 */
export async function arrearsCount(actor: Actor, now: Date): Promise<number | null> {
  const scopeWhere = enrolmentWhere(actor, "arrears:read");
  const inScope = scopeWhere && scopeSql(scopeWhere);
  if (!inScope) return null;
  const today = todayInZone(now, actor.timeZone);
  const rows = await staleReadDb().$queryRaw<{ n: number }[]>`
    with due as (${arrearsDueSql(inScope, today, lastDueMonthStart(today))})
    select count(*)::int as n from due where unpaid > 0`;
  return rows[0]?.n ?? 0;
}

/**
 * The BPJS Kantor Cabang reviewer's home (/beranda) and the menu's badges: the work waiting, the part
 * of it past the review's service level, the part that came back corrected after a return, and the
 * enrolments in arrears — each a count of the list it links to, in the reviewer's own branch (the
 * scope of lib/auth/scope.ts). Four counts on indexes or count cells, no list is read
 * (docs/decisions/0026). Null for anyone who does not review.
 */
export async function reviewerHome(actor: Actor, now: Date): Promise<ReviewerHomeFigure[] | null> {
  if (!enrolmentWhere(actor, "enrolment:review")) return null;
  const view = (v?: QueueView) => parseQueueQuery(v ? { view: v } : {});
  const [waiting, overdue, resubmitted, arrears] = await Promise.all([
    queueTotal(actor, view(), now),
    queueTotal(actor, view("overdue"), now),
    queueTotal(actor, view("resubmitted"), now),
    arrearsCount(actor, now),
  ]);
  const figures: ReviewerHomeFigure[] = [
    { key: "waiting", count: waiting ?? 0, href: queueHref(view()) },
    { key: "overdue", count: overdue ?? 0, href: queueHref(view("overdue")) },
    { key: "resubmitted", count: resubmitted ?? 0, href: queueHref(view("resubmitted")) },
  ];
  if (arrears !== null) figures.push({ key: "arrears", count: arrears, href: "/tunggakan" });
  return figures;
}

/**
 * The figures once per request, for the menu's badges and the home page drawn in the same request
 * (React's request cache; the actor is the request's cached one).
 */
export const reviewerHomeNow = cache((actor: Actor) => reviewerHome(actor, new Date()));
