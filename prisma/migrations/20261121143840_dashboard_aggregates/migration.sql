-- CreateTable
CREATE TABLE "DashboardTarget" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "kanwilId" UUID NOT NULL,
    "kantorCabangId" UUID,
    "scopeKey" UUID NOT NULL,
    "approvedTarget" INTEGER NOT NULL,
    "complianceTargetPct" INTEGER NOT NULL,
    "updatedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DashboardTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DashEnrolmentFact" (
    "enrolmentId" UUID NOT NULL,
    "submittedDay" DATE NOT NULL,
    "submittedMonth" DATE NOT NULL,
    "submittedWeek" DATE NOT NULL,
    "kanwilId" UUID NOT NULL,
    "kantorCabangId" UUID NOT NULL,
    "penyalurId" UUID NOT NULL,
    "penyalurOfficeId" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "sectorGroup" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "mandateStatus" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "firstMonthPaid" BOOLEAN NOT NULL,
    "paidThroughMonth" DATE,
    "decisionMonth" DATE,
    "decisionHours" INTEGER,

    CONSTRAINT "DashEnrolmentFact_pkey" PRIMARY KEY ("enrolmentId")
);

-- CreateTable
CREATE TABLE "DashEnrolmentCell" (
    "month" DATE NOT NULL,
    "kanwilId" UUID NOT NULL,
    "kantorCabangId" UUID NOT NULL,
    "penyalurId" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "sectorGroup" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "mandateStatus" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "enrolments" INTEGER NOT NULL DEFAULT 0,
    "firstMonthPaid" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashEnrolmentCell_pkey" PRIMARY KEY ("month","kanwilId","kantorCabangId","penyalurId","scheme","sectorGroup","provinceCode","mandateStatus","status")
);

-- CreateTable
CREATE TABLE "DashWeekCell" (
    "week" DATE NOT NULL,
    "kanwilId" UUID NOT NULL,
    "kantorCabangId" UUID NOT NULL,
    "penyalurId" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "enrolments" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashWeekCell_pkey" PRIMARY KEY ("week","kanwilId","kantorCabangId","penyalurId","scheme","status")
);

-- CreateTable
CREATE TABLE "DashOfficeCell" (
    "kantorCabangId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "penyalurOfficeId" UUID NOT NULL,
    "kanwilId" UUID NOT NULL,
    "penyalurId" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "mandateStatus" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "enrolments" INTEGER NOT NULL DEFAULT 0,
    "firstMonthPaid" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashOfficeCell_pkey" PRIMARY KEY ("kantorCabangId","month","penyalurOfficeId","kanwilId","penyalurId","scheme","mandateStatus","status")
);

-- CreateTable
CREATE TABLE "DashCoverageCell" (
    "month" DATE NOT NULL,
    "kanwilId" UUID NOT NULL,
    "kantorCabangId" UUID NOT NULL,
    "penyalurId" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "paidThroughMonth" DATE NOT NULL,
    "debtors" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashCoverageCell_pkey" PRIMARY KEY ("month","kanwilId","kantorCabangId","penyalurId","scheme","paidThroughMonth")
);

-- CreateTable
CREATE TABLE "DashDecisionCell" (
    "month" DATE NOT NULL,
    "kanwilId" UUID NOT NULL,
    "kantorCabangId" UUID NOT NULL,
    "penyalurId" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "hoursBucket" INTEGER NOT NULL,
    "decisions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashDecisionCell_pkey" PRIMARY KEY ("month","kanwilId","kantorCabangId","penyalurId","scheme","hoursBucket")
);

-- CreateTable
CREATE TABLE "DashContributionCell" (
    "month" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "kanwilId" UUID NOT NULL,
    "kantorCabangId" UUID NOT NULL,
    "penyalurId" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "enrolmentStatus" TEXT NOT NULL,
    "lines" INTEGER NOT NULL DEFAULT 0,
    "gross" BIGINT NOT NULL DEFAULT 0,
    "discount" BIGINT NOT NULL DEFAULT 0,
    "total" BIGINT NOT NULL DEFAULT 0,
    "paidLines" INTEGER NOT NULL DEFAULT 0,
    "paidTotal" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DashContributionCell_pkey" PRIMARY KEY ("month","dueDate","kanwilId","kantorCabangId","penyalurId","scheme","enrolmentStatus")
);

-- CreateIndex
CREATE INDEX "DashboardTarget_kanwilId_year_idx" ON "DashboardTarget"("kanwilId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "DashboardTarget_year_scopeKey_key" ON "DashboardTarget"("year", "scopeKey");

-- CreateIndex
CREATE INDEX "DashEnrolmentCell_kanwilId_month_idx" ON "DashEnrolmentCell"("kanwilId", "month");

-- CreateIndex
CREATE INDEX "DashWeekCell_kanwilId_week_idx" ON "DashWeekCell"("kanwilId", "week");

-- CreateIndex
CREATE INDEX "DashCoverageCell_kanwilId_month_idx" ON "DashCoverageCell"("kanwilId", "month");

-- CreateIndex
CREATE INDEX "DashDecisionCell_kanwilId_month_idx" ON "DashDecisionCell"("kanwilId", "month");

-- CreateIndex
CREATE INDEX "DashContributionCell_kanwilId_month_idx" ON "DashContributionCell"("kanwilId", "month");

-- AddForeignKey
ALTER TABLE "DashboardTarget" ADD CONSTRAINT "DashboardTarget_kanwilId_fkey" FOREIGN KEY ("kanwilId") REFERENCES "Kanwil"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DashboardTarget" ADD CONSTRAINT "DashboardTarget_kantorCabangId_fkey" FOREIGN KEY ("kantorCabangId") REFERENCES "KantorCabang"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ── Hand-written: dashboard aggregates kept current by triggers ────────────────────────────────
-- Design and freshness: docs/decisions/0007-dashboard-aggregates.md. In short: every write to
-- Enrolment or ContributionLine recomputes the DashEnrolmentFact row of the enrolments it touched
-- (dash_fact_source() is the one definition of a fact) and adds the difference, old fact out and new
-- fact in, to the cell tables, in the writer's own transaction. dash_rebuild() recomputes
-- everything from the base tables with the same functions; the integration tests compare the two.

-- Submission → decision hours, bucketed: hourly below 2 days, daily below 30 days, then one bucket.
-- Mirrored by lib/dashboard/median.ts (hoursBucket), which turns the histogram into a median.
CREATE FUNCTION dash_hours_bucket(hours integer) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN hours < 48 THEN hours WHEN hours < 720 THEN hours / 24 * 24 ELSE 720 END
$$;

-- What one enrolment contributes, computed from the base tables, as "DashEnrolmentFact" rows.
-- Day and months are calendar days in the Kantor Cabang's own zone. A SQL function rather than a
-- view (the schema-drift test compares tables and views with schema.prisma); being a plain STABLE
-- SQL set-returning function, PostgreSQL inlines it, so a WHERE on "enrolmentId" reaches the index.
CREATE FUNCTION dash_fact_source() RETURNS SETOF "DashEnrolmentFact"
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
JOIN "KantorCabang" kc ON kc.id = e."kantorCabangId"
JOIN "PenyalurOffice" po ON po.id = e."penyalurOfficeId"
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

-- Adds sign × the stored facts of `ids` (or of every fact, when all_rows) to the enrolment cells.
-- Keys are inserted in key order so that concurrent writers lock shared cells in the same order.
CREATE FUNCTION dash_add_facts(ids uuid[], sign integer, all_rows boolean) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  INSERT INTO "DashEnrolmentCell" AS c (month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "sectorGroup",
                                        "provinceCode", "mandateStatus", status, enrolments, "firstMonthPaid")
  SELECT f."submittedMonth", f."kanwilId", f."kantorCabangId", f."penyalurId", f.scheme, f."sectorGroup",
         f."provinceCode", f."mandateStatus", f.status, sign * count(*), sign * count(*) FILTER (WHERE f."firstMonthPaid")
  FROM "DashEnrolmentFact" f
  WHERE all_rows OR f."enrolmentId" = ANY (ids)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  ON CONFLICT (month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "sectorGroup", "provinceCode", "mandateStatus", status)
  DO UPDATE SET enrolments = c.enrolments + excluded.enrolments, "firstMonthPaid" = c."firstMonthPaid" + excluded."firstMonthPaid";

  INSERT INTO "DashWeekCell" AS c (week, "kanwilId", "kantorCabangId", "penyalurId", scheme, status, enrolments)
  SELECT f."submittedWeek", f."kanwilId", f."kantorCabangId", f."penyalurId", f.scheme, f.status, sign * count(*)
  FROM "DashEnrolmentFact" f
  WHERE all_rows OR f."enrolmentId" = ANY (ids)
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (week, "kanwilId", "kantorCabangId", "penyalurId", scheme, status)
  DO UPDATE SET enrolments = c.enrolments + excluded.enrolments;

  INSERT INTO "DashOfficeCell" AS c ("kantorCabangId", month, "penyalurOfficeId", "kanwilId", "penyalurId", scheme,
                                     "mandateStatus", status, enrolments, "firstMonthPaid")
  SELECT f."kantorCabangId", f."submittedMonth", f."penyalurOfficeId", f."kanwilId", f."penyalurId", f.scheme,
         f."mandateStatus", f.status, sign * count(*), sign * count(*) FILTER (WHERE f."firstMonthPaid")
  FROM "DashEnrolmentFact" f
  WHERE all_rows OR f."enrolmentId" = ANY (ids)
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("kantorCabangId", month, "penyalurOfficeId", "kanwilId", "penyalurId", scheme, "mandateStatus", status)
  DO UPDATE SET enrolments = c.enrolments + excluded.enrolments, "firstMonthPaid" = c."firstMonthPaid" + excluded."firstMonthPaid";

  INSERT INTO "DashCoverageCell" AS c (month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "paidThroughMonth", debtors)
  SELECT f."submittedMonth", f."kanwilId", f."kantorCabangId", f."penyalurId", f.scheme, f."paidThroughMonth", sign * count(*)
  FROM "DashEnrolmentFact" f
  WHERE (all_rows OR f."enrolmentId" = ANY (ids))
    AND f.status = 'APPROVED' AND f."firstMonthPaid" AND f."paidThroughMonth" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "paidThroughMonth")
  DO UPDATE SET debtors = c.debtors + excluded.debtors;

  INSERT INTO "DashDecisionCell" AS c (month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "hoursBucket", decisions)
  SELECT f."decisionMonth", f."kanwilId", f."kantorCabangId", f."penyalurId", f.scheme, dash_hours_bucket(f."decisionHours"), sign * count(*)
  FROM "DashEnrolmentFact" f
  WHERE (all_rows OR f."enrolmentId" = ANY (ids)) AND f."decisionMonth" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (month, "kanwilId", "kantorCabangId", "penyalurId", scheme, "hoursBucket")
  DO UPDATE SET decisions = c.decisions + excluded.decisions;
END
$$;

-- Adds sign × the current contribution lines of `ids` (or all lines, when all_rows), under the
-- dimensions of their enrolment's stored fact, to the contribution cells.
CREATE FUNCTION dash_add_lines(ids uuid[], sign integer, all_rows boolean) RETURNS void
LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS $$
BEGIN
  INSERT INTO "DashContributionCell" AS c (month, "dueDate", "kanwilId", "kantorCabangId", "penyalurId", scheme,
                                           "enrolmentStatus", lines, gross, discount, total, "paidLines", "paidTotal")
  SELECT l.month, l."dueDate", f."kanwilId", f."kantorCabangId", f."penyalurId", f.scheme, f.status,
         sign * count(*), sign * sum(l."jkkGross" + l."jkmGross" + l."jhtGross"), sign * sum(l.discount), sign * sum(l.total),
         sign * count(*) FILTER (WHERE l.status = 'PAID'), sign * coalesce(sum(l.total) FILTER (WHERE l.status = 'PAID'), 0)
  FROM "ContributionLine" l
  JOIN "DashEnrolmentFact" f ON f."enrolmentId" = l."enrolmentId"
  WHERE all_rows OR l."enrolmentId" = ANY (ids)
  GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (month, "dueDate", "kanwilId", "kantorCabangId", "penyalurId", scheme, "enrolmentStatus")
  DO UPDATE SET lines = c.lines + excluded.lines, gross = c.gross + excluded.gross, discount = c.discount + excluded.discount,
                total = c.total + excluded.total, "paidLines" = c."paidLines" + excluded."paidLines",
                "paidTotal" = c."paidTotal" + excluded."paidTotal";
END
$$;

-- Brings the facts of `ids` up to date with the base tables and moves the difference into the
-- cells. Facts are locked in id order first, so two writers touching one enrolment take turns.
CREATE FUNCTION dash_refresh(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  changed uuid[];
  moved uuid[];
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
  PERFORM dash_add_facts(changed, -1, false);
  IF moved IS NOT NULL THEN
    PERFORM dash_add_lines(moved, -1, false);
  END IF;
  DELETE FROM "DashEnrolmentFact" WHERE "enrolmentId" = ANY (changed);
  INSERT INTO "DashEnrolmentFact" SELECT * FROM dash_fact_source() WHERE "enrolmentId" = ANY (changed);
  PERFORM dash_add_facts(changed, 1, false);
  IF moved IS NOT NULL THEN
    PERFORM dash_add_lines(moved, 1, false);
  END IF;
END
$$;

CREATE FUNCTION dash_enrolment_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dash_refresh(ARRAY(SELECT id FROM new_rows ORDER BY id));
  RETURN NULL;
END
$$;

-- A deleted enrolment leaves the aggregates BEFORE its row goes: its lines are deleted by the
-- foreign key's cascade, whose triggers fire only after this statement's, when the fact that
-- names their dimensions would be gone. The cascade's line trigger then finds no fact and adds
-- nothing. If the delete fails, the statement's error undoes this too.
CREATE FUNCTION dash_enrolment_deleting() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "DashEnrolmentFact" WHERE "enrolmentId" = OLD.id FOR UPDATE;
  PERFORM dash_add_facts(ARRAY[OLD.id], -1, false);
  PERFORM dash_add_lines(ARRAY[OLD.id], -1, false);
  DELETE FROM "DashEnrolmentFact" WHERE "enrolmentId" = OLD.id;
  RETURN OLD;
END
$$;

-- Line changes: the lines' own difference goes straight into the contribution cells (under the
-- fact's dimensions, read after locking the fact), then the enrolments' facts are refreshed
-- (first month paid, paid-through month).
CREATE FUNCTION dash_line_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  new_lines "ContributionLine"[];
  old_lines "ContributionLine"[];
  ids uuid[];
BEGIN
  IF TG_OP <> 'DELETE' THEN
    new_lines := ARRAY(SELECT n FROM new_rows n);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    old_lines := ARRAY(SELECT o FROM old_rows o);
  END IF;
  ids := ARRAY(SELECT DISTINCT x."enrolmentId" FROM (SELECT * FROM unnest(new_lines) UNION ALL SELECT * FROM unnest(old_lines)) x ORDER BY 1);
  PERFORM 1 FROM "DashEnrolmentFact" WHERE "enrolmentId" = ANY (ids) ORDER BY "enrolmentId" FOR UPDATE;

  INSERT INTO "DashContributionCell" AS c (month, "dueDate", "kanwilId", "kantorCabangId", "penyalurId", scheme,
                                           "enrolmentStatus", lines, gross, discount, total, "paidLines", "paidTotal")
  SELECT l.month, l."dueDate", f."kanwilId", f."kantorCabangId", f."penyalurId", f.scheme, f.status,
         sum(l.s), sum(l.s * (l."jkkGross" + l."jkmGross" + l."jhtGross")), sum(l.s * l.discount), sum(l.s * l.total),
         coalesce(sum(l.s) FILTER (WHERE l.status = 'PAID'), 0), coalesce(sum(l.s * l.total) FILTER (WHERE l.status = 'PAID'), 0)
  FROM (SELECT n.*, 1 AS s FROM unnest(new_lines) n UNION ALL SELECT o.*, -1 FROM unnest(old_lines) o) l
  JOIN "DashEnrolmentFact" f ON f."enrolmentId" = l."enrolmentId"
  GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (month, "dueDate", "kanwilId", "kantorCabangId", "penyalurId", scheme, "enrolmentStatus")
  DO UPDATE SET lines = c.lines + excluded.lines, gross = c.gross + excluded.gross, discount = c.discount + excluded.discount,
                total = c.total + excluded.total, "paidLines" = c."paidLines" + excluded."paidLines",
                "paidTotal" = c."paidTotal" + excluded."paidTotal";

  PERFORM dash_refresh(ids);
  RETURN NULL;
END
$$;

CREATE TRIGGER dash_enrolment_insert AFTER INSERT ON "Enrolment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_enrolment_changed();
CREATE TRIGGER dash_enrolment_update AFTER UPDATE ON "Enrolment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_enrolment_changed();
CREATE TRIGGER dash_enrolment_delete BEFORE DELETE ON "Enrolment"
  FOR EACH ROW EXECUTE FUNCTION dash_enrolment_deleting();
CREATE TRIGGER dash_line_insert AFTER INSERT ON "ContributionLine"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_line_changed();
CREATE TRIGGER dash_line_update AFTER UPDATE ON "ContributionLine"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_line_changed();
CREATE TRIGGER dash_line_delete AFTER DELETE ON "ContributionLine"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_line_changed();

-- Recomputes every fact and cell from the base tables, set-based (after a bulk load with triggers
-- off, or to repair). Writers wait while it runs.
CREATE FUNCTION dash_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "Enrolment", "ContributionLine" IN SHARE MODE;
  TRUNCATE "DashEnrolmentFact", "DashEnrolmentCell", "DashWeekCell", "DashOfficeCell", "DashCoverageCell",
           "DashDecisionCell", "DashContributionCell";
  INSERT INTO "DashEnrolmentFact" SELECT * FROM dash_fact_source();
  PERFORM dash_add_facts(NULL, 1, true);
  PERFORM dash_add_lines(NULL, 1, true);
END
$$;

-- Aggregates of what is already in the tables (a database migrated with data in it).
SELECT dash_rebuild();
