-- CreateTable
CREATE TABLE "DashKanwilCell" (
    "month" DATE NOT NULL,
    "kanwilId" UUID NOT NULL,
    "penyalurId" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "sectorGroup" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "mandateStatus" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "enrolments" INTEGER NOT NULL DEFAULT 0,
    "firstMonthPaid" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashKanwilCell_pkey" PRIMARY KEY ("month","kanwilId","penyalurId","scheme","sectorGroup","provinceCode","mandateStatus","status")
);

-- CreateTable
CREATE TABLE "DashDecisionKanwilCell" (
    "month" DATE NOT NULL,
    "kanwilId" UUID NOT NULL,
    "penyalurId" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "hoursBucket" INTEGER NOT NULL,
    "decisions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashDecisionKanwilCell_pkey" PRIMARY KEY ("month","kanwilId","penyalurId","scheme","hoursBucket")
);


-- ── Hand-written: national roll-ups, and cheaper incremental upkeep ─────────────────────────────
-- (docs/decisions/0007-dashboard-aggregates.md)
-- 1. Head-office views without a Kanwil read DashKanwilCell / DashDecisionKanwilCell instead of the
--    per-branch cells: the same facts, summed without the Kantor Cabang.
-- 2. The first version re-planned every cell upsert on every write (plan_cache_mode =
--    force_custom_plan, so that one statement could serve the rebuild too) and wrote each changed
--    enrolment twice into every cell (-old, +new). Measured on the 1M set, that added ~66% to an
--    e-form submit. Now: dash_apply_facts takes the old and new facts as arrays and writes only the
--    net change of each cell (HAVING ... <> 0), with plans cached per session; the rebuild feeds it
--    batches of facts.

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
       CASE WHEN d.decided THEN greatest(0, floor(extract(epoch FROM e."reviewedAt" - e."submittedAt") / 3600))::integer END AS "decisionHours"
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
$$;

DROP FUNCTION dash_add_facts(uuid[], integer, boolean);
DROP FUNCTION dash_add_lines(uuid[], integer, boolean);

-- Adds (new facts − old facts) to every enrolment cell table; cells whose net change is zero are
-- not touched. Rows go in key order so that concurrent writers lock shared cells in the same order.
CREATE FUNCTION dash_apply_facts(old_facts "DashEnrolmentFact"[], new_facts "DashEnrolmentFact"[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DashEnrolmentCell" AS c (month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "sectorGroup",
                                        "provinceCode", "mandateStatus", status, enrolments, "firstMonthPaid")
  SELECT f."submittedMonth", f."kanwilId", f."kantorCabangId", f."penyalurId", f.scheme, f."sectorGroup",
         f."provinceCode", f."mandateStatus", f.status, sum(f.s), coalesce(sum(f.s) FILTER (WHERE f."firstMonthPaid"), 0)
  FROM (SELECT o.*, -1 AS s FROM unnest(old_facts) o UNION ALL SELECT n.*, 1 FROM unnest(new_facts) n) f
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(f.s) <> 0 OR coalesce(sum(f.s) FILTER (WHERE f."firstMonthPaid"), 0) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "sectorGroup", "provinceCode", "mandateStatus", status)
  DO UPDATE SET enrolments = c.enrolments + excluded.enrolments, "firstMonthPaid" = c."firstMonthPaid" + excluded."firstMonthPaid";

  INSERT INTO "DashKanwilCell" AS c (month, "kanwilId", "penyalurId", scheme, "sectorGroup", "provinceCode", "mandateStatus", status,
                                     enrolments, "firstMonthPaid")
  SELECT f."submittedMonth", f."kanwilId", f."penyalurId", f.scheme, f."sectorGroup", f."provinceCode", f."mandateStatus", f.status,
         sum(f.s), coalesce(sum(f.s) FILTER (WHERE f."firstMonthPaid"), 0)
  FROM (SELECT o.*, -1 AS s FROM unnest(old_facts) o UNION ALL SELECT n.*, 1 FROM unnest(new_facts) n) f
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(f.s) <> 0 OR coalesce(sum(f.s) FILTER (WHERE f."firstMonthPaid"), 0) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (month, "kanwilId", "penyalurId", scheme, "sectorGroup", "provinceCode", "mandateStatus", status)
  DO UPDATE SET enrolments = c.enrolments + excluded.enrolments, "firstMonthPaid" = c."firstMonthPaid" + excluded."firstMonthPaid";

  INSERT INTO "DashWeekCell" AS c (week, "kanwilId", "kantorCabangId", "penyalurId", scheme, status, enrolments)
  SELECT f."submittedWeek", f."kanwilId", f."kantorCabangId", f."penyalurId", f.scheme, f.status, sum(f.s)
  FROM (SELECT o.*, -1 AS s FROM unnest(old_facts) o UNION ALL SELECT n.*, 1 FROM unnest(new_facts) n) f
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(f.s) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (week, "kanwilId", "kantorCabangId", "penyalurId", scheme, status)
  DO UPDATE SET enrolments = c.enrolments + excluded.enrolments;

  INSERT INTO "DashOfficeCell" AS c ("kantorCabangId", month, "penyalurOfficeId", "kanwilId", "penyalurId", scheme,
                                     "mandateStatus", status, enrolments, "firstMonthPaid")
  SELECT f."kantorCabangId", f."submittedMonth", f."penyalurOfficeId", f."kanwilId", f."penyalurId", f.scheme,
         f."mandateStatus", f.status, sum(f.s), coalesce(sum(f.s) FILTER (WHERE f."firstMonthPaid"), 0)
  FROM (SELECT o.*, -1 AS s FROM unnest(old_facts) o UNION ALL SELECT n.*, 1 FROM unnest(new_facts) n) f
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  HAVING sum(f.s) <> 0 OR coalesce(sum(f.s) FILTER (WHERE f."firstMonthPaid"), 0) <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("kantorCabangId", month, "penyalurOfficeId", "kanwilId", "penyalurId", scheme, "mandateStatus", status)
  DO UPDATE SET enrolments = c.enrolments + excluded.enrolments, "firstMonthPaid" = c."firstMonthPaid" + excluded."firstMonthPaid";

  INSERT INTO "DashCoverageCell" AS c (month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "paidThroughMonth", debtors)
  SELECT f."submittedMonth", f."kanwilId", f."kantorCabangId", f."penyalurId", f.scheme, f."paidThroughMonth", sum(f.s)
  FROM (SELECT o.*, -1 AS s FROM unnest(old_facts) o UNION ALL SELECT n.*, 1 FROM unnest(new_facts) n) f
  WHERE f.status = 'APPROVED' AND f."firstMonthPaid" AND f."paidThroughMonth" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(f.s) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "paidThroughMonth")
  DO UPDATE SET debtors = c.debtors + excluded.debtors;

  INSERT INTO "DashDecisionCell" AS c (month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "hoursBucket", decisions)
  SELECT f."decisionMonth", f."kanwilId", f."kantorCabangId", f."penyalurId", f.scheme, dash_hours_bucket(f."decisionHours"), sum(f.s)
  FROM (SELECT o.*, -1 AS s FROM unnest(old_facts) o UNION ALL SELECT n.*, 1 FROM unnest(new_facts) n) f
  WHERE f."decisionMonth" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(f.s) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "hoursBucket")
  DO UPDATE SET decisions = c.decisions + excluded.decisions;

  INSERT INTO "DashDecisionKanwilCell" AS c (month, "kanwilId", "penyalurId", scheme, "hoursBucket", decisions)
  SELECT f."decisionMonth", f."kanwilId", f."penyalurId", f.scheme, dash_hours_bucket(f."decisionHours"), sum(f.s)
  FROM (SELECT o.*, -1 AS s FROM unnest(old_facts) o UNION ALL SELECT n.*, 1 FROM unnest(new_facts) n) f
  WHERE f."decisionMonth" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(f.s) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (month, "kanwilId", "penyalurId", scheme, "hoursBucket")
  DO UPDATE SET decisions = c.decisions + excluded.decisions;
END
$$;

-- Adds sign × the current contribution lines of `ids`, under the dimensions of their enrolment's
-- stored fact, to the contribution cells (an enrolment moving between cells; the rebuild).
CREATE FUNCTION dash_add_lines(ids uuid[], sign integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DashContributionCell" AS c (month, "dueDate", "kanwilId", "kantorCabangId", "penyalurId", scheme,
                                           "enrolmentStatus", lines, gross, discount, total, "paidLines", "paidTotal")
  SELECT l.month, l."dueDate", f."kanwilId", f."kantorCabangId", f."penyalurId", f.scheme, f.status,
         sign * count(*), sign * sum(l."jkkGross" + l."jkmGross" + l."jhtGross"), sign * sum(l.discount), sign * sum(l.total),
         sign * count(*) FILTER (WHERE l.status = 'PAID'), sign * coalesce(sum(l.total) FILTER (WHERE l.status = 'PAID'), 0)
  FROM "ContributionLine" l
  JOIN "DashEnrolmentFact" f ON f."enrolmentId" = l."enrolmentId"
  WHERE l."enrolmentId" = ANY (ids)
  GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (month, "dueDate", "kanwilId", "kantorCabangId", "penyalurId", scheme, "enrolmentStatus")
  DO UPDATE SET lines = c.lines + excluded.lines, gross = c.gross + excluded.gross, discount = c.discount + excluded.discount,
                total = c.total + excluded.total, "paidLines" = c."paidLines" + excluded."paidLines",
                "paidTotal" = c."paidTotal" + excluded."paidTotal";
END
$$;

CREATE OR REPLACE FUNCTION dash_refresh(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  changed uuid[];
  moved uuid[];
  old_facts "DashEnrolmentFact"[];
BEGIN
  PERFORM 1 FROM "DashEnrolmentFact" WHERE "enrolmentId" = ANY (ids) ORDER BY "enrolmentId" FOR UPDATE;
  SELECT array_agg(coalesce(n."enrolmentId", o."enrolmentId")) FILTER (WHERE row(n.*) IS DISTINCT FROM row(o.*)),
         array_agg(coalesce(n."enrolmentId", o."enrolmentId")) FILTER (
           WHERE (n."kanwilId", n."kantorCabangId", n."penyalurId", n.scheme, n.status)
                 IS DISTINCT FROM (o."kanwilId", o."kantorCabangId", o."penyalurId", o.scheme, o.status))
  INTO changed, moved
  FROM (SELECT * FROM dash_fact_source() WHERE "enrolmentId" = ANY (ids)) n
  FULL JOIN (SELECT * FROM "DashEnrolmentFact" WHERE "enrolmentId" = ANY (ids)) o ON o."enrolmentId" = n."enrolmentId";
  IF changed IS NULL THEN
    RETURN;
  END IF;
  old_facts := ARRAY(SELECT f FROM "DashEnrolmentFact" f WHERE f."enrolmentId" = ANY (changed));
  IF moved IS NOT NULL AND cardinality(old_facts) > 0 THEN
    PERFORM dash_add_lines(moved, -1);
  END IF;
  DELETE FROM "DashEnrolmentFact" WHERE "enrolmentId" = ANY (changed);
  INSERT INTO "DashEnrolmentFact" SELECT * FROM dash_fact_source() WHERE "enrolmentId" = ANY (changed);
  PERFORM dash_apply_facts(old_facts, ARRAY(SELECT f FROM "DashEnrolmentFact" f WHERE f."enrolmentId" = ANY (changed)));
  IF moved IS NOT NULL AND EXISTS (SELECT 1 FROM "ContributionLine" WHERE "enrolmentId" = ANY (moved)) THEN
    PERFORM dash_add_lines(moved, 1);
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION dash_enrolment_deleting() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  old_facts "DashEnrolmentFact"[];
BEGIN
  old_facts := ARRAY(SELECT f FROM "DashEnrolmentFact" f WHERE f."enrolmentId" = OLD.id FOR UPDATE);
  IF cardinality(old_facts) > 0 THEN
    PERFORM dash_add_lines(ARRAY[OLD.id], -1);
    PERFORM dash_apply_facts(old_facts, NULL);
    DELETE FROM "DashEnrolmentFact" WHERE "enrolmentId" = OLD.id;
  END IF;
  RETURN OLD;
END
$$;

-- Recomputes every fact and cell from the base tables (after a bulk load with triggers off, or to
-- repair): facts in one statement, then the cells from the facts in batches of 50,000 enrolments
-- through the same functions the triggers use. Writers wait while it runs.
CREATE OR REPLACE FUNCTION dash_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  bounds uuid[];
  i integer;
  batch uuid[];
BEGIN
  LOCK TABLE "Enrolment", "ContributionLine" IN SHARE MODE;
  TRUNCATE "DashEnrolmentFact", "DashEnrolmentCell", "DashWeekCell", "DashOfficeCell", "DashCoverageCell",
           "DashDecisionCell", "DashContributionCell", "DashKanwilCell", "DashDecisionKanwilCell";
  INSERT INTO "DashEnrolmentFact" SELECT * FROM dash_fact_source();
  bounds := ARRAY(SELECT "enrolmentId" FROM (SELECT "enrolmentId", row_number() OVER (ORDER BY "enrolmentId") AS n
                                             FROM "DashEnrolmentFact") x WHERE (n - 1) % 50000 = 0 ORDER BY 1);
  FOR i IN 1 .. coalesce(cardinality(bounds), 0) LOOP
    batch := ARRAY(SELECT "enrolmentId" FROM "DashEnrolmentFact"
                   WHERE "enrolmentId" >= bounds[i] AND (i = cardinality(bounds) OR "enrolmentId" < bounds[i + 1]));
    PERFORM dash_apply_facts(NULL, ARRAY(SELECT f FROM "DashEnrolmentFact" f WHERE f."enrolmentId" = ANY (batch)));
    PERFORM dash_add_lines(batch, 1);
  END LOOP;
END
$$;

-- Generic plans for the trigger functions. Their statements filter on "= ANY (ids)"; PostgreSQL's
-- plan cache compares the generic plan (costed for ~10 ids) with custom plans (costed for the 1–2
-- ids a write really has), finds the custom ones cheaper and so re-plans every statement on every
-- write. Forcing the generic plan (index lookups either way) took the triggers' cost on an e-form
-- submit from ~+55% to ~+12% on the 1M set (bench/submit-cost.ts).
ALTER FUNCTION dash_refresh(uuid[]) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION dash_apply_facts("DashEnrolmentFact"[], "DashEnrolmentFact"[]) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION dash_add_lines(uuid[], integer) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION dash_line_changed() SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION dash_enrolment_changed() SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION dash_enrolment_deleting() SET plan_cache_mode = force_generic_plan;

-- Fill the roll-ups from the per-branch cells already there.
INSERT INTO "DashKanwilCell" (month, "kanwilId", "penyalurId", scheme, "sectorGroup", "provinceCode", "mandateStatus", status, enrolments, "firstMonthPaid")
SELECT month, "kanwilId", "penyalurId", scheme, "sectorGroup", "provinceCode", "mandateStatus", status, sum(enrolments), sum("firstMonthPaid")
FROM "DashEnrolmentCell" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
INSERT INTO "DashDecisionKanwilCell" (month, "kanwilId", "penyalurId", scheme, "hoursBucket", decisions)
SELECT month, "kanwilId", "penyalurId", scheme, "hoursBucket", sum(decisions)
FROM "DashDecisionCell" GROUP BY 1, 2, 3, 4, 5;
