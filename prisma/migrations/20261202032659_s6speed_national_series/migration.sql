-- CreateTable
CREATE TABLE "DashNationalWeekCell" (
    "week" DATE NOT NULL,
    "penyalurId" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "enrolments" INTEGER NOT NULL DEFAULT 0,
    "approved" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashNationalWeekCell_pkey" PRIMARY KEY ("week","penyalurId","scheme")
);

-- CreateTable
CREATE TABLE "DashNationalCoverageCell" (
    "month" DATE NOT NULL,
    "penyalurId" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "paidThroughMonth" DATE NOT NULL,
    "debtors" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashNationalCoverageCell_pkey" PRIMARY KEY ("month","penyalurId","scheme","paidThroughMonth")
);

-- CreateTable
CREATE TABLE "DashNationalContributionCell" (
    "month" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "penyalurId" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "lines" INTEGER NOT NULL DEFAULT 0,
    "gross" BIGINT NOT NULL DEFAULT 0,
    "discount" BIGINT NOT NULL DEFAULT 0,
    "total" BIGINT NOT NULL DEFAULT 0,
    "paidLines" INTEGER NOT NULL DEFAULT 0,
    "paidTotal" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DashNationalContributionCell_pkey" PRIMARY KEY ("month","dueDate","penyalurId","scheme")
);

-- CreateTable
CREATE TABLE "DashListCountCell" (
    "kantorCabangId" UUID NOT NULL,
    "penyalurId" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "mandateStatus" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "enrolments" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashListCountCell_pkey" PRIMARY KEY ("kantorCabangId","penyalurId","scheme","mandateStatus","status")
);

-- CreateTable
CREATE TABLE "DashNationalDecisionCell" (
    "month" DATE NOT NULL,
    "penyalurId" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "hoursBucket" INTEGER NOT NULL,
    "decisions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DashNationalDecisionCell_pkey" PRIMARY KEY ("month","penyalurId","scheme","hoursBucket")
);



-- ── Hand-written: national series kept by the per-branch cells' own changes ────────────────────
-- (docs/decisions/0022-national-series.md) Head-office views read the weekly, coverage, contribution
-- and decision figures summed without Kanwil and Kantor Cabang: a few thousand rows for a year
-- instead of 50,000–100,000 per-branch cells. Each national table is kept by statement-level
-- triggers on the cell table it sums: whatever writes that table (the fact and line triggers, the
-- rebuild, a Kantor Cabang moving to another Kanwil) also moves the national sum by the net change
-- of its rows, in the same transaction. Keys are upserted in key order, like the cells.

CREATE FUNCTION dash_national_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('TRUNCATE %I', TG_ARGV[0]);
  RETURN NULL;
END
$$;

CREATE FUNCTION dash_national_week() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  n_rows "DashWeekCell"[];
  o_rows "DashWeekCell"[];
BEGIN
  IF TG_OP <> 'DELETE' THEN n_rows := ARRAY(SELECT n FROM new_rows n); END IF;
  IF TG_OP <> 'INSERT' THEN o_rows := ARRAY(SELECT o FROM old_rows o); END IF;
  INSERT INTO "DashNationalWeekCell" AS c (week, "penyalurId", scheme, enrolments, approved)
  SELECT d.week, d."penyalurId", d.scheme, sum(d.s * d.enrolments), coalesce(sum(d.s * d.enrolments) FILTER (WHERE d.status = 'APPROVED'), 0)
  FROM (SELECT x.*, 1 AS s FROM unnest(n_rows) x UNION ALL SELECT y.*, -1 FROM unnest(o_rows) y) d
  GROUP BY 1, 2, 3
  HAVING sum(d.s * d.enrolments) <> 0 OR coalesce(sum(d.s * d.enrolments) FILTER (WHERE d.status = 'APPROVED'), 0) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (week, "penyalurId", scheme)
  DO UPDATE SET enrolments = c.enrolments + excluded.enrolments, approved = c.approved + excluded.approved;
  RETURN NULL;
END
$$;

CREATE FUNCTION dash_national_coverage() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  n_rows "DashCoverageCell"[];
  o_rows "DashCoverageCell"[];
BEGIN
  IF TG_OP <> 'DELETE' THEN n_rows := ARRAY(SELECT n FROM new_rows n); END IF;
  IF TG_OP <> 'INSERT' THEN o_rows := ARRAY(SELECT o FROM old_rows o); END IF;
  INSERT INTO "DashNationalCoverageCell" AS c (month, "penyalurId", scheme, "paidThroughMonth", debtors)
  SELECT d.month, d."penyalurId", d.scheme, d."paidThroughMonth", sum(d.s * d.debtors)
  FROM (SELECT x.*, 1 AS s FROM unnest(n_rows) x UNION ALL SELECT y.*, -1 FROM unnest(o_rows) y) d
  GROUP BY 1, 2, 3, 4 HAVING sum(d.s * d.debtors) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (month, "penyalurId", scheme, "paidThroughMonth")
  DO UPDATE SET debtors = c.debtors + excluded.debtors;
  RETURN NULL;
END
$$;

CREATE FUNCTION dash_national_contribution() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  n_rows "DashContributionCell"[];
  o_rows "DashContributionCell"[];
BEGIN
  IF TG_OP <> 'DELETE' THEN n_rows := ARRAY(SELECT n FROM new_rows n WHERE n."enrolmentStatus" = 'APPROVED'); END IF;
  IF TG_OP <> 'INSERT' THEN o_rows := ARRAY(SELECT o FROM old_rows o WHERE o."enrolmentStatus" = 'APPROVED'); END IF;
  IF cardinality(n_rows) IS NOT DISTINCT FROM 0 AND cardinality(o_rows) IS NOT DISTINCT FROM 0 THEN RETURN NULL; END IF;
  INSERT INTO "DashNationalContributionCell" AS c (month, "dueDate", "penyalurId", scheme, lines, gross, discount, total, "paidLines", "paidTotal")
  SELECT d.month, d."dueDate", d."penyalurId", d.scheme, sum(d.s * d.lines), sum(d.s * d.gross), sum(d.s * d.discount), sum(d.s * d.total),
         sum(d.s * d."paidLines"), sum(d.s * d."paidTotal")
  FROM (SELECT x.*, 1 AS s FROM unnest(n_rows) x UNION ALL SELECT y.*, -1 FROM unnest(o_rows) y) d
  GROUP BY 1, 2, 3, 4
  HAVING sum(d.s * d.lines) <> 0 OR sum(d.s * d.gross) <> 0 OR sum(d.s * d.discount) <> 0 OR sum(d.s * d.total) <> 0
      OR sum(d.s * d."paidLines") <> 0 OR sum(d.s * d."paidTotal") <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (month, "dueDate", "penyalurId", scheme)
  DO UPDATE SET lines = c.lines + excluded.lines, gross = c.gross + excluded.gross, discount = c.discount + excluded.discount,
                total = c.total + excluded.total, "paidLines" = c."paidLines" + excluded."paidLines", "paidTotal" = c."paidTotal" + excluded."paidTotal";
  RETURN NULL;
END
$$;

CREATE FUNCTION dash_national_decision() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  n_rows "DashDecisionKanwilCell"[];
  o_rows "DashDecisionKanwilCell"[];
BEGIN
  IF TG_OP <> 'DELETE' THEN n_rows := ARRAY(SELECT n FROM new_rows n); END IF;
  IF TG_OP <> 'INSERT' THEN o_rows := ARRAY(SELECT o FROM old_rows o); END IF;
  INSERT INTO "DashNationalDecisionCell" AS c (month, "penyalurId", scheme, "hoursBucket", decisions)
  SELECT d.month, d."penyalurId", d.scheme, d."hoursBucket", sum(d.s * d.decisions)
  FROM (SELECT x.*, 1 AS s FROM unnest(n_rows) x UNION ALL SELECT y.*, -1 FROM unnest(o_rows) y) d
  GROUP BY 1, 2, 3, 4 HAVING sum(d.s * d.decisions) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (month, "penyalurId", scheme, "hoursBucket")
  DO UPDATE SET decisions = c.decisions + excluded.decisions;
  RETURN NULL;
END
$$;

CREATE TRIGGER dash_national_week_insert AFTER INSERT ON "DashWeekCell" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_national_week();
CREATE TRIGGER dash_national_week_update AFTER UPDATE ON "DashWeekCell" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_national_week();
CREATE TRIGGER dash_national_week_delete AFTER DELETE ON "DashWeekCell" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_national_week();
CREATE TRIGGER dash_national_week_truncate AFTER TRUNCATE ON "DashWeekCell" FOR EACH STATEMENT EXECUTE FUNCTION dash_national_truncate('DashNationalWeekCell');

CREATE TRIGGER dash_national_coverage_insert AFTER INSERT ON "DashCoverageCell" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_national_coverage();
CREATE TRIGGER dash_national_coverage_update AFTER UPDATE ON "DashCoverageCell" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_national_coverage();
CREATE TRIGGER dash_national_coverage_delete AFTER DELETE ON "DashCoverageCell" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_national_coverage();
CREATE TRIGGER dash_national_coverage_truncate AFTER TRUNCATE ON "DashCoverageCell" FOR EACH STATEMENT EXECUTE FUNCTION dash_national_truncate('DashNationalCoverageCell');

CREATE TRIGGER dash_national_contribution_insert AFTER INSERT ON "DashContributionCell" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_national_contribution();
CREATE TRIGGER dash_national_contribution_update AFTER UPDATE ON "DashContributionCell" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_national_contribution();
CREATE TRIGGER dash_national_contribution_delete AFTER DELETE ON "DashContributionCell" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_national_contribution();
CREATE TRIGGER dash_national_contribution_truncate AFTER TRUNCATE ON "DashContributionCell" FOR EACH STATEMENT EXECUTE FUNCTION dash_national_truncate('DashNationalContributionCell');

CREATE TRIGGER dash_national_decision_insert AFTER INSERT ON "DashDecisionKanwilCell" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_national_decision();
CREATE TRIGGER dash_national_decision_update AFTER UPDATE ON "DashDecisionKanwilCell" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_national_decision();
CREATE TRIGGER dash_national_decision_delete AFTER DELETE ON "DashDecisionKanwilCell" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_national_decision();
CREATE TRIGGER dash_national_decision_truncate AFTER TRUNCATE ON "DashDecisionKanwilCell" FOR EACH STATEMENT EXECUTE FUNCTION dash_national_truncate('DashNationalDecisionCell');

-- Same reason as for the cell functions (migration 20261121150922): cached generic plans.
ALTER FUNCTION dash_national_week() SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION dash_national_coverage() SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION dash_national_contribution() SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION dash_national_decision() SET plan_cache_mode = force_generic_plan;

CREATE FUNCTION dash_list_counts() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  n_rows "DashOfficeCell"[];
  o_rows "DashOfficeCell"[];
BEGIN
  IF TG_OP <> 'DELETE' THEN n_rows := ARRAY(SELECT n FROM new_rows n); END IF;
  IF TG_OP <> 'INSERT' THEN o_rows := ARRAY(SELECT o FROM old_rows o); END IF;
  INSERT INTO "DashListCountCell" AS c ("kantorCabangId", "penyalurId", scheme, "mandateStatus", status, enrolments)
  SELECT d."kantorCabangId", d."penyalurId", d.scheme, d."mandateStatus", d.status, sum(d.s * d.enrolments)
  FROM (SELECT x.*, 1 AS s FROM unnest(n_rows) x UNION ALL SELECT y.*, -1 FROM unnest(o_rows) y) d
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.s * d.enrolments) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT ("kantorCabangId", "penyalurId", scheme, "mandateStatus", status)
  DO UPDATE SET enrolments = c.enrolments + excluded.enrolments;
  RETURN NULL;
END
$$;

CREATE TRIGGER dash_list_counts_insert AFTER INSERT ON "DashOfficeCell" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_list_counts();
CREATE TRIGGER dash_list_counts_update AFTER UPDATE ON "DashOfficeCell" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_list_counts();
CREATE TRIGGER dash_list_counts_delete AFTER DELETE ON "DashOfficeCell" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dash_list_counts();
CREATE TRIGGER dash_list_counts_truncate AFTER TRUNCATE ON "DashOfficeCell" FOR EACH STATEMENT EXECUTE FUNCTION dash_national_truncate('DashListCountCell');
ALTER FUNCTION dash_list_counts() SET plan_cache_mode = force_generic_plan;

-- Fill the national series from the cells already there.
INSERT INTO "DashNationalWeekCell" (week, "penyalurId", scheme, enrolments, approved)
SELECT week, "penyalurId", scheme, sum(enrolments), coalesce(sum(enrolments) FILTER (WHERE status = 'APPROVED'), 0)
FROM "DashWeekCell" GROUP BY 1, 2, 3;
INSERT INTO "DashNationalCoverageCell" (month, "penyalurId", scheme, "paidThroughMonth", debtors)
SELECT month, "penyalurId", scheme, "paidThroughMonth", sum(debtors) FROM "DashCoverageCell" GROUP BY 1, 2, 3, 4;
INSERT INTO "DashNationalContributionCell" (month, "dueDate", "penyalurId", scheme, lines, gross, discount, total, "paidLines", "paidTotal")
SELECT month, "dueDate", "penyalurId", scheme, sum(lines), sum(gross), sum(discount), sum(total), sum("paidLines"), sum("paidTotal")
FROM "DashContributionCell" WHERE "enrolmentStatus" = 'APPROVED' GROUP BY 1, 2, 3, 4;
INSERT INTO "DashNationalDecisionCell" (month, "penyalurId", scheme, "hoursBucket", decisions)
SELECT month, "penyalurId", scheme, "hoursBucket", sum(decisions) FROM "DashDecisionKanwilCell" GROUP BY 1, 2, 3, 4;
INSERT INTO "DashListCountCell" ("kantorCabangId", "penyalurId", scheme, "mandateStatus", status, enrolments)
SELECT "kantorCabangId", "penyalurId", scheme, "mandateStatus", status, sum(enrolments) FROM "DashOfficeCell" GROUP BY 1, 2, 3, 4, 5;
