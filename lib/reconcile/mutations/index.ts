import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/action/errors";
import { db, Prisma } from "@/lib/db";
import { loadActor, type Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { translator } from "@/lib/i18n/translator";
import { KUR_SCHEMES, evaluateMandate, isIsoDate, type KurScheme, type Locale, type PhaseRule } from "@/lib/rules";
import { phaseRulesFor } from "@/lib/enrolment/data";
import { normalizeLoanNumber, parseRupiahInput } from "@/lib/enrolment/schema";
import { dateCell, estimateRows, insertRows, readRows, sniffFormat, textCell } from "@/lib/bulk";
import { LIST_COLUMNS, type ListColumnKey } from "@/lib/reconcile/columns";

const BATCH = 1000;
const MAX_STORED_ERRORS = 1000;

interface OfficePlace {
  id: string;
  kanwilId: string;
  kanwilCode: string;
  provinceCode: string;
}

/** Most bytes one list may have (the action refuses larger files on the field). */
export const MAX_LIST_BYTES = 60 * 1024 * 1024;

type Tx = Prisma.TransactionClient;

/**
 * Stores an uploaded disbursed-debtor list for a period (head office, or a Kanwil manager) with its
 * audit row; the import runs after, as a tracked job (./start.ts, lib/reconcile/jobs.ts), so a
 * 100 000-row list does not hold the request and the page's progress bar survives a reload.
 */
export async function createDebtorList(
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
  period: { from: string; to: string },
  locale: Locale,
  tx: Tx,
): Promise<string> {
  if (!can(actor, "reconciliation:run")) throw new AppError("FORBIDDEN");
  const list = await tx.reconciliationList.create({
    data: {
      uploadedById: actor.id,
      fileName: file.name.slice(0, 200),
      periodFrom: new Date(`${period.from}T00:00:00Z`),
      periodTo: new Date(`${period.to}T00:00:00Z`),
      content: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength) as Uint8Array<ArrayBuffer>,
      locale,
      status: "QUEUED",
    },
    select: { id: true },
  });
  await tx.auditEvent.create({
    data: { actorId: actor.id, action: "reconciliation.upload", entityType: "ReconciliationList", entityId: list.id, after: { fileName: file.name, period, bytes: file.bytes.byteLength } },
  });
  return list.id;
}

/**
 * Imports a stored list (the job's work): streamed, each row read as the template's cells are
 * (lib/bulk), the penyalur and its office resolved from master data read once, and each loan's
 * mandate decided on its disbursement day by the same rule the e-form uses (evaluateMandate), so
 * "mandatory and not covered" means what the regulation says. Rows that cannot be read are counted
 * and listed (the first 1 000), not stored. Then every loan is matched to its enrolment in two
 * set-based statements (`matchLoans`). Safe to retry: a retry replaces the loans a failed try wrote.
 * The uploader must still be allowed to reconcile when it runs.
 */
export async function importDebtorList(listId: string, progress?: (done: number, total: number | null) => Promise<void> | void): Promise<{ listId: string; rowCount: number; errorCount: number; matchedCount: number; matchedByNikCount: number }> {
  const stored = await db().reconciliationList.findUnique({ where: { id: listId }, select: { uploadedById: true, content: true, locale: true, fileName: true, periodFrom: true, periodTo: true } });
  if (!stored?.content) throw new AppError("NOT_FOUND");
  const actor = await loadActor(stored.uploadedById);
  if (!actor || !can(actor, "reconciliation:run")) throw new AppError("FORBIDDEN");
  const locale: Locale = stored.locale === "en" ? "en" : "id";
  const bytes = stored.content;
  await db().$transaction([
    db().reconciliationLoan.deleteMany({ where: { listId } }),
    db().reconciliationList.update({ where: { id: listId }, data: { status: "IMPORTING" } }),
  ]);
  try {
    return await importRows(listId, bytes, locale, actor, progress);
  } catch (error) {
    await db().reconciliationList.update({ where: { id: listId }, data: { status: "FAILED" } });
    throw error;
  }
}

async function importRows(listId: string, bytes: Uint8Array, locale: Locale, actor: Actor, progress?: (done: number, total: number | null) => Promise<void> | void) {
  const t = translator(locale);
  const [penyalurs, offices] = await Promise.all([
    db().penyalur.findMany({ select: { id: true, code: true } }),
    db().penyalurOffice.findMany({
      select: {
        id: true,
        penyalurId: true,
        code: true,
        provinceCode: true,
        defaultKantorCabang: { select: { kanwilId: true, kanwil: { select: { code: true } } } },
        province: { select: { kanwilId: true, kanwil: { select: { code: true } } } },
      },
    }),
  ]);
  const penyalurByCode = new Map(penyalurs.map((p) => [p.code.toUpperCase(), p.id]));
  const officeByCode = new Map<string, OfficePlace>(
    offices.map((o) => {
      const k = o.defaultKantorCabang ?? o.province;
      return [`${o.penyalurId} ${o.code.toUpperCase()}`, { id: o.id, kanwilId: k.kanwilId, kanwilCode: k.kanwil.code, provinceCode: o.provinceCode }];
    }),
  );
  const rules = new Map<string, PhaseRule[]>();
  for (const p of penyalurs) rules.set(p.id, await phaseRulesFor(p.id));

  const list = { id: listId };
  const errors: { row: number; message: string }[] = [];
  let rowCount = 0;
  let errorCount = 0;
  let columns: (ListColumnKey | null)[] | null = null;
  let batch: Record<string, unknown>[] = [];
  let seen = 0;
  const format = sniffFormat(bytes);
  const total = estimateRows(bytes, format);
  const flush = async () => {
    if (batch.length) await db().$transaction((tx) => insertRows(tx, "ReconciliationLoan", batch));
    batch = [];
    await progress?.(seen, total !== null && total >= seen ? total : null);
  };
  const refuse = (row: number, message: string) => {
    errorCount++;
    if (errors.length < MAX_STORED_ERRORS) errors.push({ row, message });
  };

  for await (const { line, cells } of readRows(bytes, format)) {
    if (!columns) {
      const byHeader = new Map<string, ListColumnKey>(LIST_COLUMNS.map((c) => [c.header.toLowerCase(), c.key]));
      columns = cells.map((c) => byHeader.get(textCell(c).replace(/^\uFEFF/, "").trim().toLowerCase()) ?? null);
      const missing = LIST_COLUMNS.filter((c) => c.required && !columns!.includes(c.key)).map((c) => c.header);
      if (missing.length) {
        refuse(1, t("reconcile.errors.columns", { columns: missing.join(", ") }));
        break;
      }
      continue;
    }
    const row = line + 1;
    seen++;
    const v: Partial<Record<ListColumnKey, string>> = {};
    columns.forEach((k, i) => {
      if (k) v[k] = k === "disbursedOn" ? dateCell(cells[i]) : textCell(cells[i]);
    });
    const penyalurId = penyalurByCode.get((v.penyalurCode ?? "").toUpperCase());
    const nik = (v.nik ?? "").replace(/\s+/g, "");
    const scheme = (v.scheme ?? "").toUpperCase().replace(/^KUR[\s_]+/, "").replace(/[\s-]+/g, "_") as KurScheme;
    const plafon = parseRupiahInput(v.plafon ?? "");
    const loanNumber = normalizeLoanNumber(v.loanNumber ?? "");
    const disbursedOn = v.disbursedOn ?? "";
    if (!penyalurId) refuse(row, t("reconcile.errors.penyalur", { code: v.penyalurCode ?? "" }));
    else if (!/^\d{16}$/.test(nik)) refuse(row, t("reconcile.errors.nik"));
    else if (!(KUR_SCHEMES as readonly string[]).includes(scheme)) refuse(row, t("reconcile.errors.scheme", { value: v.scheme ?? "" }));
    else if (typeof plafon !== "number" || !Number.isInteger(plafon) || plafon <= 0) refuse(row, t("reconcile.errors.plafon"));
    else if (!isIsoDate(disbursedOn)) refuse(row, t("reconcile.errors.date"));
    else {
      const office = v.officeCode ? officeByCode.get(`${penyalurId} ${v.officeCode.toUpperCase()}`) : undefined;
      const decision = evaluateMandate({
        scheme,
        plafon,
        date: disbursedOn,
        penyalurId,
        kanwilCode: office?.kanwilCode ?? "",
        provinceCode: office?.provinceCode ?? "",
        phaseRules: rules.get(penyalurId) ?? [],
      });
      rowCount++;
      batch.push({
        id: randomUUID(),
        listId: list.id,
        rowNumber: row,
        penyalurId,
        penyalurOfficeId: office?.id ?? null,
        kanwilId: office?.kanwilId ?? null,
        nik,
        loanNumber,
        scheme,
        plafon,
        disbursedOn,
        mandatory: decision.status === "MANDATORY" || decision.status === "PHASED_REQUIRED",
      });
      if (batch.length >= BATCH) await flush();
    }
  }
  await flush();
  const matched = await matchLoans(listId);
  await db().$transaction([
    db().reconciliationList.update({
      where: { id: listId },
      // The file is not kept once imported: it holds every debtor's NIK, and the loans are stored.
      data: { status: "IMPORTED", rowCount, errorCount, rowErrors: errors as Prisma.InputJsonValue, matchedCount: matched.total, matchedByNikCount: matched.byNik, content: null },
    }),
    db().auditEvent.create({
      data: { actorId: actor.id, action: "reconciliation.import", entityType: "ReconciliationList", entityId: listId, after: { rowCount, errorCount, matched: matched.total, matchedByNik: matched.byNik } },
    }),
  ]);
  return { listId, rowCount, errorCount, matchedCount: matched.total, matchedByNikCount: matched.byNik };
}

/**
 * Matches each listed loan to its enrolment (docs/bulk-upload.md "Matching"): first by penyalur and
 * loan number (unique per penyalur); then a loan still without one — no loan number on the list, or
 * a number no enrolment carries (the bank's system renumbered it) — by penyalur and the debtor's NIK,
 * to an enrolment no other loan of the list already matched (approved first, then the newest). Two
 * statements for the whole list, whatever its size.
 */
async function matchLoans(listId: string): Promise<{ total: number; byNik: number }> {
  const byLoanNumber = await db().$executeRaw`
    UPDATE "ReconciliationLoan" l SET "enrolmentId" = e.id, "matchedBy" = 'LOAN_NUMBER'
    FROM "Enrolment" e
    WHERE l."listId" = ${listId}::uuid AND l."loanNumber" <> '' AND e."penyalurId" = l."penyalurId" AND e."loanNumber" = l."loanNumber"`;
  const byNik = await db().$executeRaw`
    UPDATE "ReconciliationLoan" l SET "enrolmentId" = m.eid, "matchedBy" = 'NIK'
    FROM (
      SELECT DISTINCT ON (e.id) lid, e.id AS eid FROM (
        SELECT DISTINCT ON (l2.id) l2.id AS lid, e2.id AS eid
        FROM "ReconciliationLoan" l2
        JOIN "Participant" p ON p.nik = l2.nik
        JOIN "Enrolment" e2 ON e2."participantId" = p.id AND e2."penyalurId" = l2."penyalurId"
        WHERE l2."listId" = ${listId}::uuid AND l2."enrolmentId" IS NULL
          AND NOT EXISTS (SELECT 1 FROM "ReconciliationLoan" x WHERE x."listId" = ${listId}::uuid AND x."enrolmentId" = e2.id)
        ORDER BY l2.id, (e2.status = 'APPROVED') DESC, e2."submittedAt" DESC NULLS LAST, e2.id
      ) c JOIN "Enrolment" e ON e.id = c.eid
      ORDER BY e.id, c.lid
    ) m
    WHERE l.id = m.lid`;
  return { total: byLoanNumber + byNik, byNik };
}
