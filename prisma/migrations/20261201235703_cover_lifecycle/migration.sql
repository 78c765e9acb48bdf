-- AlterEnum
ALTER TYPE "ContributionStatus" ADD VALUE 'WRITTEN_OFF';

-- AlterTable
ALTER TABLE "ContributionLine" ADD COLUMN     "creditUsed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reliefCredit" INTEGER NOT NULL DEFAULT 0;


-- Cover starts at approval (docs/decisions/0011-cover-lifecycle.md §1): an enrolment that is not
-- approved has no contribution lines; its months are a plan shown from `monthsInAdvance`. The lines
-- submission used to write (all DUE — payments are recorded only after approval) go, before the
-- dashboard functions below learn the new status (PostgreSQL refuses to use a new enum value in
-- the transaction that added it, and these deletes fire the line trigger).
DELETE FROM "ContributionLine" l USING "Enrolment" e
WHERE l."enrolmentId" = e.id AND e.status <> 'APPROVED' AND l.status = 'DUE';

-- A written-off month (a lapse, docs/regulation.md §3.6) is no longer billed: it leaves the
-- contribution cells (billed, arrears) like a deleted line. Same functions as before otherwise.
CREATE OR REPLACE FUNCTION dash_add_lines(ids uuid[], sign integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DashContributionCell" AS c (month, "dueDate", "kanwilId", "kantorCabangId", "penyalurId", scheme,
                                           "enrolmentStatus", lines, gross, discount, total, "paidLines", "paidTotal")
  SELECT l.month, l."dueDate", f."kanwilId", f."kantorCabangId", f."penyalurId", f.scheme, f.status,
         sign * count(*), sign * sum(l."jkkGross" + l."jkmGross" + l."jhtGross"), sign * sum(l.discount), sign * sum(l.total),
         sign * count(*) FILTER (WHERE l.status = 'PAID'), sign * coalesce(sum(l.total) FILTER (WHERE l.status = 'PAID'), 0)
  FROM "ContributionLine" l
  JOIN "DashEnrolmentFact" f ON f."enrolmentId" = l."enrolmentId"
  WHERE l."enrolmentId" = ANY (ids) AND l.status::text <> 'WRITTEN_OFF'
  GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (month, "dueDate", "kanwilId", "kantorCabangId", "penyalurId", scheme, "enrolmentStatus")
  DO UPDATE SET lines = c.lines + excluded.lines, gross = c.gross + excluded.gross, discount = c.discount + excluded.discount,
                total = c.total + excluded.total, "paidLines" = c."paidLines" + excluded."paidLines",
                "paidTotal" = c."paidTotal" + excluded."paidTotal";
END
$$;

CREATE OR REPLACE FUNCTION dash_line_changed() RETURNS trigger
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
  WHERE l.status::text <> 'WRITTEN_OFF'
  GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (month, "dueDate", "kanwilId", "kantorCabangId", "penyalurId", scheme, "enrolmentStatus")
  DO UPDATE SET lines = c.lines + excluded.lines, gross = c.gross + excluded.gross, discount = c.discount + excluded.discount,
                total = c.total + excluded.total, "paidLines" = c."paidLines" + excluded."paidLines",
                "paidTotal" = c."paidTotal" + excluded."paidTotal";

  PERFORM dash_refresh(ids);
  RETURN NULL;
END
$$;

ALTER FUNCTION dash_add_lines(uuid[], integer) SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION dash_line_changed() SET plan_cache_mode = force_generic_plan;
