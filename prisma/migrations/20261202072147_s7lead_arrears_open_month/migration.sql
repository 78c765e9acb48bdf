-- AlterTable
ALTER TABLE "DashEnrolmentFact" ADD COLUMN     "coverStartMonth" DATE,
ADD COLUMN     "firstOpenDueDate" DATE,
ADD COLUMN     "firstOpenMonth" DATE,
ADD COLUMN     "settledBeyond" INTEGER NOT NULL DEFAULT 0;


-- Each enrolment's open month, kept in its dashboard fact (decision 0007: the triggers refresh the
-- fact in the writer's transaction whenever the enrolment or one of its lines changes). The arrears
-- list of a branch then reads one narrow index instead of counting the lines of every approved
-- enrolment in the branch (issue #17: 263 ms warm, 58 s cold at 22,626 enrolments).
-- The columns are appended in the table's order (coverStartMonth, firstOpenDueDate, firstOpenMonth,
-- settledBeyond): the function returns SETOF the table's row type.
CREATE OR REPLACE FUNCTION dash_fact_source() RETURNS SETOF "DashEnrolmentFact"
LANGUAGE sql STABLE AS $$
SELECT e.id AS "enrolmentId",
       d.day AS "submittedDay",
       date_trunc('month', d.day)::date AS "submittedMonth",
       (d.day - (extract(isodow FROM d.day)::integer - 1))::date AS "submittedWeek",
       kc."kanwilId",
       e."kantorCabangId",
       e."penyalurId",
       e."penyalurOfficeId",
       e.scheme::text AS scheme,
       coalesce(e."sectorGroup"::text, 'UNKNOWN') AS "sectorGroup",
       coalesce(e."businessProvinceCode", po."provinceCode")::text AS "provinceCode",
       e."mandateStatus"::text AS "mandateStatus",
       e.status::text AS status,
       coalesce(l."firstMonthPaid", false) AS "firstMonthPaid",
       l."paidThroughMonth",
       CASE WHEN d.decided THEN date_trunc('month', e."reviewedAt" AT TIME ZONE kc."timeZone")::date END AS "decisionMonth",
       CASE WHEN d.decided THEN greatest(0, floor(extract(epoch FROM e."reviewedAt" - e."submittedAt") / 3600))::integer END AS "decisionHours",
       e."coverStartMonth"::date AS "coverStartMonth",
       (SELECT cl."dueDate" FROM "ContributionLine" cl WHERE cl."enrolmentId" = e.id AND cl.month = o.month) AS "firstOpenDueDate",
       o.month AS "firstOpenMonth",
       coalesce(s.settled - s.prefix, 0) AS "settledBeyond"
FROM "Enrolment" e
-- OFFSET 0 keeps these lookups per row (index scans): joined, the cached plan for a handful of ids
-- hashed the whole office table on every write.
CROSS JOIN LATERAL (SELECT k."kanwilId", k."timeZone" FROM "KantorCabang" k WHERE k.id = e."kantorCabangId" OFFSET 0) kc
CROSS JOIN LATERAL (SELECT o."provinceCode" FROM "PenyalurOffice" o WHERE o.id = e."penyalurOfficeId" OFFSET 0) po
CROSS JOIN LATERAL (
  SELECT (coalesce(e."submittedAt", e."createdAt") AT TIME ZONE kc."timeZone")::date AS day,
         e.status IN ('APPROVED', 'REJECTED') AND e."reviewedAt" IS NOT NULL AND e."submittedAt" IS NOT NULL AS decided
) d
LEFT JOIN LATERAL (
  SELECT (array_agg(cl.status ORDER BY cl.month))[1] = 'PAID' AS "firstMonthPaid",
         max(cl.month) FILTER (WHERE cl.status = 'PAID') AS "paidThroughMonth"
  FROM "ContributionLine" cl
  WHERE cl."enrolmentId" = e.id
) l ON true
-- The settled months from the cover start (paid, or written off after a lapse: docs/regulation.md
-- §3.6): how many follow the start without a gap (a month's position among the settled ones equals
-- its distance from the start until the first gap, and never again after it), and how many in all.
LEFT JOIN LATERAL (
  SELECT count(*) FILTER (WHERE x.month = (e."coverStartMonth" + make_interval(months => x.rn - 1))::date)::integer AS prefix,
         count(*)::integer AS settled
  FROM (SELECT cl.month, (row_number() OVER (ORDER BY cl.month))::integer AS rn
        FROM "ContributionLine" cl
        WHERE cl."enrolmentId" = e.id AND cl.status IN ('PAID', 'WRITTEN_OFF') AND cl.month >= e."coverStartMonth") x
) s ON e."coverStartMonth" IS NOT NULL
LEFT JOIN LATERAL (
  SELECT (e."coverStartMonth" + make_interval(months => s.prefix))::date AS month
) o ON e."coverStartMonth" IS NOT NULL
$$;

-- Facts already there (a database migrated with data in it) get the new columns.
UPDATE "DashEnrolmentFact" f
SET "coverStartMonth" = n."coverStartMonth", "firstOpenDueDate" = n."firstOpenDueDate",
    "firstOpenMonth" = n."firstOpenMonth", "settledBeyond" = n."settledBeyond"
FROM dash_fact_source() n
WHERE n."enrolmentId" = f."enrolmentId" AND n."coverStartMonth" IS NOT NULL;

-- The arrears list's read: a branch's approved enrolments whose open month is already due, with
-- what the count needs, from the index alone (Prisma cannot declare a partial covering index).
CREATE INDEX "DashEnrolmentFact_arrears_idx" ON "DashEnrolmentFact" ("kantorCabangId", "firstOpenMonth")
  INCLUDE ("coverStartMonth", "firstOpenDueDate", "settledBeyond", "submittedDay")
  WHERE status = 'APPROVED';
