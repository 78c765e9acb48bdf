import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/data";
import { db } from "@/lib/db";
import { CSV_BOM, csvDialect, csvRow, csvText } from "@/lib/csv";
import { LIST_COLUMNS } from "@/lib/reconcile/columns";
import { importDebtorList } from "@/lib/reconcile/mutations";
import { reconciliationReport } from "@/lib/reconcile/data";
import { submitEnrolment } from "@/lib/enrolment/mutations";
import { validateEnrolment } from "@/lib/enrolment/schema";
import { addDays, todayInZone } from "@/lib/rules";
import { demoActors, uniqueNik } from "../support/db";
import { eformFields, uniqueLoanNumber } from "../support/eform";

const NOW = new Date();
let officerBri: Actor;
let managerJabar: Actor;
let headOffice: Actor;
let reviewerBandung: Actor;
let kcBandungId: string;
let today: string;

beforeAll(async () => {
  ({ officerBri, managerJabar, headOffice, reviewerBandung } = await demoActors());
  kcBandungId = (await db().kantorCabang.findUniqueOrThrow({ where: { code: "KC-BANDUNG-SUCI" } })).id;
  today = todayInZone(NOW, officerBri.timeZone);
});
afterAll(async () => {
  await db().$disconnect();
});

async function enrol(overrides: Record<string, string> = {}) {
  const raw = eformFields(today, { nik: uniqueNik(), kantorCabangId: kcBandungId, ...overrides });
  const v = validateEnrolment(raw, today);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  const r = await submitEnrolment(officerBri, v.data, NOW);
  return { ...r, nik: v.data.nik, loanNumber: v.data.loanNumber };
}

function listFile(rows: Record<string, string>[]): Uint8Array {
  const d = csvDialect("id");
  let text = CSV_BOM + csvRow(LIST_COLUMNS.map((c) => csvText(c.header, d)), d);
  for (const r of rows) text += csvRow(LIST_COLUMNS.map((c) => csvText(r[c.key] ?? "", d)), d);
  return new TextEncoder().encode(text);
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

describe("reconciliation of a bank's disbursed-debtor list against the enrolments (issue #14)", () => {
  it("counts covered, mandatory-not-covered and enrolments whose loan is not on the list, per penyalur and scheme", async () => {
    const approved = await enrol();
    await db().enrolment.update({ where: { id: approved.enrolmentId }, data: { status: "APPROVED", approvedAt: NOW, reviewedById: reviewerBandung.id } });
    const pending = await enrol();
    const offList = await enrol({ plannedDisbursementDate: addDays(today, 3) });
    const disbursed = dmy(today);
    const office = await db().penyalurOffice.findFirstOrThrow({ where: { id: (officerBri.scope as { penyalurOfficeId: string }).penyalurOfficeId }, select: { code: true } });
    const rows = [
      { penyalurCode: "BRI", officeCode: office.code, nik: approved.nik, loanNumber: approved.loanNumber, scheme: "KECIL", plafon: "150.000.000", disbursedOn: disbursed },
      { penyalurCode: "BRI", officeCode: office.code, nik: pending.nik, loanNumber: pending.loanNumber, scheme: "KECIL", plafon: "150000000", disbursedOn: disbursed },
      // KUR kecil is mandatory (Permenko 1/2023 Pasal 26 ayat (8)): never enrolled, so a gap.
      { penyalurCode: "BRI", officeCode: office.code, nik: uniqueNik(), loanNumber: uniqueLoanNumber("NOENROL"), scheme: "KECIL", plafon: "120000000", disbursedOn: disbursed },
      // BRI in Jawa Barat is phased in from 01/07/2026 (the demo phase rule, docs/regulation.md §2): a gap.
      { penyalurCode: "BRI", officeCode: office.code, nik: uniqueNik(), loanNumber: uniqueLoanNumber("SUPER"), scheme: "SUPER_MIKRO", plafon: "8000000", disbursedOn: disbursed },
      // A BNI KUR super mikro is voluntary (Permenko 1/2023 Pasal 26): not enrolled, yet no gap.
      { penyalurCode: "BNI", officeCode: "BNI-KP", nik: uniqueNik(), loanNumber: uniqueLoanNumber("SUPER"), scheme: "SUPER_MIKRO", plafon: "8000000", disbursedOn: disbursed },
      { penyalurCode: "XYZ", officeCode: "", nik: uniqueNik(), loanNumber: "L-1", scheme: "KECIL", plafon: "1", disbursedOn: disbursed },
    ];
    const result = await importDebtorList(headOffice, { name: "sikp.csv", bytes: listFile(rows) }, { from: today, to: addDays(today, 30) }, "id");
    expect(result).toMatchObject({ rowCount: 5, errorCount: 1 });

    const byScheme = await reconciliationReport(headOffice, result.listId, "scheme");
    const kecil = byScheme!.rows.find((r) => r.key === "KECIL")!;
    expect(kecil).toMatchObject({ debtors: 3, covered: 1, pending: 1, mandatoryUncovered: 2 });
    const superMikro = byScheme!.rows.find((r) => r.key === "SUPER_MIKRO")!;
    expect(superMikro).toMatchObject({ debtors: 2, covered: 0, mandatoryUncovered: 1 });
    expect(byScheme!.unmatched.map((u) => u.loanNumber)).toContain(offList.loanNumber);
    expect(byScheme!.unmatched.map((u) => u.loanNumber)).not.toContain(approved.loanNumber);
    expect(byScheme!.list.rowErrors).toEqual([{ row: 7, message: 'Kode penyalur "XYZ" tidak dikenal.' }]);

    const byPenyalur = await reconciliationReport(headOffice, result.listId, "penyalur");
    expect(byPenyalur!.rows.find((r) => r.label.includes("BRI") || r.label.includes("Rakyat"))).toMatchObject({ debtors: 4, covered: 1 });

    // The Kanwil manager of Jawa Barat sees the Bandung office's loans, not BNI's head office in Jakarta; the officer sees nothing.
    const byKanwil = await reconciliationReport(managerJabar, result.listId, "kanwil");
    expect(byKanwil!.total.debtors).toBe(4);
    expect((await reconciliationReport(headOffice, result.listId, "kanwil"))!.total.debtors).toBe(5);
    expect(await reconciliationReport(officerBri, result.listId, "kanwil")).toBeNull();
    await expect(importDebtorList(officerBri, { name: "x.csv", bytes: listFile(rows) }, { from: today, to: today }, "id")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
