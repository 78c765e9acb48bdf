-- AlterTable
ALTER TABLE "Kanwil" ADD COLUMN     "retiredAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Province" ADD COLUMN     "retiredAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "KantorCabang" ADD COLUMN     "retiredAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Penyalur" ADD COLUMN     "retiredAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "PenyalurOffice" ADD COLUMN     "retiredAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "PhaseRule" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "endDate" DATE,
ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "legalInstrument" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "provinceCode" CHAR(2),
ADD COLUMN     "replacesId" UUID,
ADD COLUMN     "schemes" "KurScheme"[] DEFAULT ARRAY['SUPER_MIKRO', 'MIKRO']::"KurScheme"[];

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "expiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "replacedById" UUID;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "actorRole" "Role",
ADD COLUMN     "kanwilId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "PhaseRule_replacesId_key" ON "PhaseRule"("replacesId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_replacedById_key" ON "ApiKey"("replacedById");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_kanwilId_at_idx" ON "AuditEvent"("kanwilId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- AddForeignKey
ALTER TABLE "PhaseRule" ADD CONSTRAINT "PhaseRule_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhaseRule" ADD CONSTRAINT "PhaseRule_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "PhaseRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "ApiKey"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- ── Hand-written (docs/decisions/0014-admin-data-and-audit.md); tests/integration/schema-drift.test.ts
-- lists the triggers below as hand-written and checks that the migrations create them. ─────────────

-- Rules predating this migration cover both phased schemes and were announced by the demo seed.
UPDATE "PhaseRule" SET schemes = ARRAY['SUPER_MIKRO', 'MIKRO']::"KurScheme"[] WHERE schemes IS NULL;
ALTER TABLE "PhaseRule" ADD CONSTRAINT "PhaseRule_one_region_check" CHECK ("kanwilId" IS NULL OR "provinceCode" IS NULL);
ALTER TABLE "PhaseRule" ADD CONSTRAINT "PhaseRule_period_check" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");

-- A phase rule that decided an enrolment is never rewritten (docs/decisions/0014 §2): its scope and
-- start stay, it is not deleted, and it does not end before a day it decided on — so every stored
-- decision still matches it at its date. The application refuses the same first (lib/admin/phase/mutations.ts);
-- this holds for any other writer. Rules change rarely, so the scan of the decisions is affordable.
CREATE FUNCTION phase_rule_keep_decided() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND (NEW.schemes, NEW."penyalurId", NEW."kanwilId", NEW."provinceCode", NEW."startDate")
         IS NOT DISTINCT FROM (OLD.schemes, OLD."penyalurId", OLD."kanwilId", OLD."provinceCode", OLD."startDate")
     AND NEW."endDate" IS NOT DISTINCT FROM OLD."endDate" THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."mandateRuleId" = 'PHASED_MATCHED' AND e."mandateInputs"->>'phaseRuleId' = OLD.id::text
             AND (TG_OP = 'DELETE' OR NEW."endDate" IS NULL OR e."mandateInputs"->>'date' > NEW."endDate"::text
                  OR (NEW.schemes, NEW."penyalurId", NEW."kanwilId", NEW."provinceCode", NEW."startDate")
                     IS DISTINCT FROM (OLD.schemes, OLD."penyalurId", OLD."kanwilId", OLD."provinceCode", OLD."startDate"))) THEN
    RAISE EXCEPTION 'PhaseRule % decided enrolments: end it and create its successor instead (% refused)', OLD.id, TG_OP USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER phase_rule_keep_decided BEFORE UPDATE OR DELETE ON "PhaseRule"
  FOR EACH ROW EXECUTE FUNCTION phase_rule_keep_decided();

-- A text id that is a uuid, else NULL (AuditEvent.entityId is text: some entities have other keys).
CREATE FUNCTION audit_uuid(value text) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN value::uuid END
$$;

-- The Kanwil an audited record belongs to; else the acting user's own Kanwil (through its office's
-- Kantor Cabang or its branch). What a Kanwil manager's audit view is scoped by. Computed once, when
-- the row is written: a Kantor Cabang moved later to another Kanwil leaves its past events where
-- they happened.
CREATE FUNCTION audit_kanwil_of(entity_type text, entity_id text, actor uuid) RETURNS uuid
LANGUAGE plpgsql STABLE AS $$
DECLARE
  rid uuid := audit_uuid(entity_id);
  found uuid;
BEGIN
  IF rid IS NOT NULL THEN
    found := CASE entity_type
      WHEN 'Enrolment' THEN (SELECT k."kanwilId" FROM "Enrolment" e JOIN "KantorCabang" k ON k.id = e."kantorCabangId" WHERE e.id = rid)
      WHEN 'Kanwil' THEN (SELECT k.id FROM "Kanwil" k WHERE k.id = rid)
      WHEN 'KantorCabang' THEN (SELECT k."kanwilId" FROM "KantorCabang" k WHERE k.id = rid)
      WHEN 'PenyalurOffice' THEN (SELECT k."kanwilId" FROM "PenyalurOffice" o JOIN "KantorCabang" k ON k.id = o."defaultKantorCabangId" WHERE o.id = rid)
      WHEN 'DashboardTarget' THEN (SELECT t."kanwilId" FROM "DashboardTarget" t WHERE t.id = rid)
      WHEN 'PhaseRule' THEN (SELECT coalesce(r."kanwilId", p."kanwilId") FROM "PhaseRule" r LEFT JOIN "Province" p ON p.code = r."provinceCode" WHERE r.id = rid)
      WHEN 'User' THEN (SELECT coalesce(u."kanwilId", kc."kanwilId", ok."kanwilId") FROM "User" u
                          LEFT JOIN "KantorCabang" kc ON kc.id = u."kantorCabangId"
                          LEFT JOIN "PenyalurOffice" o ON o.id = u."penyalurOfficeId"
                          LEFT JOIN "KantorCabang" ok ON ok.id = o."defaultKantorCabangId" WHERE u.id = rid)
    END;
    IF found IS NOT NULL THEN
      RETURN found;
    END IF;
  END IF;
  IF actor IS NULL THEN
    RETURN NULL;
  END IF;
  RETURN (SELECT coalesce(u."kanwilId", kc."kanwilId", ok."kanwilId") FROM "User" u
            LEFT JOIN "KantorCabang" kc ON kc.id = u."kantorCabangId"
            LEFT JOIN "PenyalurOffice" o ON o.id = u."penyalurOfficeId"
            LEFT JOIN "KantorCabang" ok ON ok.id = o."defaultKantorCabangId" WHERE u.id = actor);
END
$$;

UPDATE "AuditEvent" a SET "actorRole" = u.role FROM "User" u WHERE u.id = a."actorId";
UPDATE "AuditEvent" SET "kanwilId" = audit_kanwil_of("entityType", "entityId", "actorId");

-- Fills who acted in which role and where, whichever code wrote the row.
CREATE FUNCTION audit_event_fill() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."actorRole" IS NULL AND NEW."actorId" IS NOT NULL THEN
    NEW."actorRole" := (SELECT u.role FROM "User" u WHERE u.id = NEW."actorId");
  END IF;
  IF NEW."kanwilId" IS NULL THEN
    NEW."kanwilId" := audit_kanwil_of(NEW."entityType", NEW."entityId", NEW."actorId");
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_event_fill BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_fill();

-- Append-only: the table's owner (the application's role) cannot change or remove a row either.
-- Only a superuser disabling the trigger could, and that is itself visible (ALTER TABLE in the
-- server log; the trigger gone from the catalog fails the drift test).
CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- Re-keys one Kantor Cabang's rows of a cell table that has the Kantor Cabang in its key: its rows
-- under another Kanwil are deleted and added (summed) under `kanwil`. Set-based: a few statements
-- whatever the branch's size.
CREATE FUNCTION dash_rekey_cells(tbl text, dims text[], measures text[], kc uuid, kanwil uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  d text := (SELECT string_agg(format('%I', x), ', ') FROM unnest(dims) x);
  m text := (SELECT string_agg(format('%I', x), ', ') FROM unnest(measures) x);
  s text := (SELECT string_agg(format('sum(%I)', x), ', ') FROM unnest(measures) x);
  u text := (SELECT string_agg(format('%1$I = c.%1$I + excluded.%1$I', x), ', ') FROM unnest(measures) x);
BEGIN
  EXECUTE format(
    'WITH moved AS (DELETE FROM %1$I WHERE "kantorCabangId" = $1 AND "kanwilId" <> $2 RETURNING *)
     INSERT INTO %1$I AS c ("kanwilId", %2$s, %3$s) SELECT $2, %2$s, %4$s FROM moved GROUP BY %2$s
     ON CONFLICT ("kanwilId", %2$s) DO UPDATE SET %5$s', tbl, d, m, s, u)
  USING kc, kanwil;
END
$$;

-- Moves one Kantor Cabang's share of a national roll-up (no Kantor Cabang in its key) from the
-- Kanwil(s) it was counted under to `kanwil`, computed from the branch-level source table before
-- that is re-keyed.
CREATE FUNCTION dash_rekey_rollup(rollup text, source text, dims text[], measures text[], kc uuid, kanwil uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  d text := (SELECT string_agg(format('%I', x), ', ') FROM unnest(dims) x);
  s text := (SELECT string_agg(format('sum(%1$I) AS %1$I', x), ', ') FROM unnest(measures) x);
  m text := (SELECT string_agg(format('%I', x), ', ') FROM unnest(measures) x);
  sub text := (SELECT string_agg(format('%1$I = c.%1$I - a.%1$I', x), ', ') FROM unnest(measures) x);
  add text := (SELECT string_agg(format('%1$I = c.%1$I + excluded.%1$I', x), ', ') FROM unnest(measures) x);
  eq text := (SELECT string_agg(format('c.%1$I = a.%1$I', x), ' AND ') FROM unnest(dims || ARRAY['kanwilId']) x);
BEGIN
  EXECUTE format(
    'CREATE TEMP TABLE dash_moving ON COMMIT DROP AS
     SELECT "kanwilId", %1$s, %2$s FROM %3$I WHERE "kantorCabangId" = $1 AND "kanwilId" <> $2 GROUP BY "kanwilId", %1$s',
    d, s, source) USING kc, kanwil;
  EXECUTE format('UPDATE %1$I AS c SET %2$s FROM dash_moving a WHERE %3$s', rollup, sub, eq);
  EXECUTE format(
    'INSERT INTO %1$I AS c ("kanwilId", %2$s, %3$s) SELECT $1, %2$s, %4$s FROM dash_moving GROUP BY %2$s
     ON CONFLICT ("kanwilId", %2$s) DO UPDATE SET %5$s',
    rollup, d, m, (SELECT string_agg(format('sum(%I)', x), ', ') FROM unnest(measures) x), add) USING kanwil;
  DROP TABLE dash_moving;
END
$$;

-- A Kantor Cabang moved to another Kanwil takes its enrolments' dashboard facts and cells with it,
-- in the mover's transaction (docs/decisions/0007, 0014): no manual dash_rebuild(). A move re-keys
-- the rows set-based (the Kanwil is a key column, nothing else changes); a new time zone changes the
-- submission days, so it recomputes the branch's facts through the aggregates' own dash_refresh.
-- Its targets follow it.
CREATE FUNCTION dash_kantor_cabang_moved() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."timeZone" IS DISTINCT FROM NEW."timeZone" THEN
    PERFORM dash_refresh(ARRAY(SELECT e.id FROM "Enrolment" e WHERE e."kantorCabangId" = NEW.id));
  ELSE
    PERFORM dash_rekey_rollup('DashKanwilCell', 'DashEnrolmentCell',
      ARRAY['month', 'penyalurId', 'scheme', 'sectorGroup', 'provinceCode', 'mandateStatus', 'status'], ARRAY['enrolments', 'firstMonthPaid'], NEW.id, NEW."kanwilId");
    PERFORM dash_rekey_rollup('DashDecisionKanwilCell', 'DashDecisionCell',
      ARRAY['month', 'penyalurId', 'scheme', 'hoursBucket'], ARRAY['decisions'], NEW.id, NEW."kanwilId");
    PERFORM dash_rekey_cells('DashEnrolmentCell', ARRAY['month', 'kantorCabangId', 'penyalurId', 'scheme', 'sectorGroup', 'provinceCode', 'mandateStatus', 'status'], ARRAY['enrolments', 'firstMonthPaid'], NEW.id, NEW."kanwilId");
    PERFORM dash_rekey_cells('DashWeekCell', ARRAY['week', 'kantorCabangId', 'penyalurId', 'scheme', 'status'], ARRAY['enrolments'], NEW.id, NEW."kanwilId");
    PERFORM dash_rekey_cells('DashOfficeCell', ARRAY['kantorCabangId', 'month', 'penyalurOfficeId', 'penyalurId', 'scheme', 'mandateStatus', 'status'], ARRAY['enrolments', 'firstMonthPaid'], NEW.id, NEW."kanwilId");
    PERFORM dash_rekey_cells('DashCoverageCell', ARRAY['month', 'kantorCabangId', 'penyalurId', 'scheme', 'paidThroughMonth'], ARRAY['debtors'], NEW.id, NEW."kanwilId");
    PERFORM dash_rekey_cells('DashDecisionCell', ARRAY['month', 'kantorCabangId', 'penyalurId', 'scheme', 'hoursBucket'], ARRAY['decisions'], NEW.id, NEW."kanwilId");
    PERFORM dash_rekey_cells('DashContributionCell', ARRAY['month', 'dueDate', 'kantorCabangId', 'penyalurId', 'scheme', 'enrolmentStatus'], ARRAY['lines', 'gross', 'discount', 'total', 'paidLines', 'paidTotal'], NEW.id, NEW."kanwilId");
    UPDATE "DashEnrolmentFact" SET "kanwilId" = NEW."kanwilId" WHERE "kantorCabangId" = NEW.id AND "kanwilId" <> NEW."kanwilId";
  END IF;
  UPDATE "DashboardTarget" SET "kanwilId" = NEW."kanwilId" WHERE "kantorCabangId" = NEW.id AND "kanwilId" <> NEW."kanwilId";
  RETURN NULL;
END
$$;

CREATE TRIGGER dash_kantor_cabang_moved AFTER UPDATE OF "kanwilId", "timeZone" ON "KantorCabang"
  FOR EACH ROW WHEN (OLD."kanwilId" IS DISTINCT FROM NEW."kanwilId" OR OLD."timeZone" IS DISTINCT FROM NEW."timeZone")
  EXECUTE FUNCTION dash_kantor_cabang_moved();
