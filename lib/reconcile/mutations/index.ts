import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/action/errors";
import { db, Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { translator } from "@/lib/i18n/translator";
import { KUR_SCHEMES, evaluateMandate, isIsoDate, type KurScheme, type Locale, type PhaseRule } from "@/lib/rules";
import { phaseRulesFor } from "@/lib/enrolment/data";
import { normalizeLoanNumber, parseRupiahInput } from "@/lib/enrolment/schema";
import { dateCell, insertRows, readRows, sniffFormat, textCell } from "@/lib/bulk";
import { LIST_COLUMNS, type ListColumnKey } from "@/lib/reconcile/columns";

const BATCH = 1000;
const MAX_STORED_ERRORS = 1000;

interface OfficePlace {
  id: string;
  kanwilId: string;
  kanwilCode: string;
  provinceCode: string;
}

/**
 * Stores a bank's disbursed-debtor list for a period (head office, or a Kanwil manager): streamed,
 * each row read as the template's cells are (lib/bulk), the penyalur and its office resolved from
 * master data read once, and each loan's mandate decided on its disbursement day by the same rule
 * the e-form uses (evaluateMandate), so "mandatory and not covered" means what the regulation says.
 * Rows that cannot be read are counted and listed (the first 1 000), not stored.
 */
export async function importDebtorList(
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
  period: { from: string; to: string },
  locale: Locale,
): Promise<{ listId: string; rowCount: number; errorCount: number }> {
  if (!can(actor, "reconciliation:run")) throw new AppError("FORBIDDEN");
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

  const list = await db().reconciliationList.create({
    data: { uploadedById: actor.id, fileName: file.name.slice(0, 200), periodFrom: new Date(`${period.from}T00:00:00Z`), periodTo: new Date(`${period.to}T00:00:00Z`) },
    select: { id: true },
  });
  const errors: { row: number; message: string }[] = [];
  let rowCount = 0;
  let errorCount = 0;
  let columns: (ListColumnKey | null)[] | null = null;
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length) await db().$transaction((tx) => insertRows(tx, "ReconciliationLoan", batch));
    batch = [];
  };
  const refuse = (row: number, message: string) => {
    errorCount++;
    if (errors.length < MAX_STORED_ERRORS) errors.push({ row, message });
  };

  for await (const { line, cells } of readRows(file.bytes, sniffFormat(file.bytes))) {
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
    else if (loanNumber === "") refuse(row, t("reconcile.errors.loanNumber"));
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
  await db().$transaction([
    db().reconciliationList.update({ where: { id: list.id }, data: { rowCount, errorCount, rowErrors: errors as Prisma.InputJsonValue } }),
    db().auditEvent.create({
      data: { actorId: actor.id, action: "reconciliation.upload", entityType: "ReconciliationList", entityId: list.id, after: { fileName: file.name, period, rowCount, errorCount } },
    }),
  ]);
  return { listId: list.id, rowCount, errorCount };
}
