import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/data";
import { db } from "@/lib/db";
import { CSV_BOM, csvDialect, csvRow, csvText } from "@/lib/csv";
import { LIST_COLUMNS } from "@/lib/reconcile/columns";
import { uploadDebtorList } from "@/lib/reconcile/mutations/start";
import { reconciliationExport, reconciliationReport } from "@/lib/reconcile/data";
import { reportCsv, unmatchedEnrolmentsCsv, unmatchedLoansCsv } from "@/lib/reconcile/export";
import { translator } from "@/lib/i18n/translator";
import { jobRunFor } from "@/lib/jobs";
import { approveEnrolment, recordPayment } from "@/lib/review/mutations";
import { contributionForMonth, monthOf } from "@/lib/rules";
import { runQueuedJobs } from "../support/jobs";
import { submittedEnrolment } from "../support/review";
import { GET as exportReconciliation } from "@/app/(portal)/rekonsiliasi/[id]/ekspor/route";
import { signInAs } from "../support/actions";
import { DEMO_ACCOUNTS } from "../support/db";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));
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

/** Uploads the list as the page does and runs its tracked import job, as the worker would. */
async function importDebtorList(actor: Actor, file: { name: string; bytes: Uint8Array }, period: { from: string; to: string }, locale: "id" | "en") {
  const listId = await uploadDebtorList(actor, file, period, locale);
  await runQueuedJobs({ names: ["reconcile.import"] });
  const list = await db().reconciliationList.findUniqueOrThrow({ where: { id: listId }, select: { rowCount: true, errorCount: true, status: true, importRunId: true, content: true } });
  return { listId, ...list };
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
    expect(result).toMatchObject({ rowCount: 5, errorCount: 1, status: "IMPORTED", content: null });
    // A tracked run (lib/jobs): the uploader's, finished, its progress on the run.
    const run = await jobRunFor(result.importRunId!, headOffice.id);
    expect(run).toMatchObject({ status: "SUCCEEDED", kind: "reconcile.import" });
    expect(await jobRunFor(result.importRunId!, managerJabar.id)).toBeNull();

    const byScheme = await reconciliationReport(headOffice, result.listId, "scheme");
    const kecil = byScheme!.rows.find((r) => r.key === "KECIL")!;
    // Approved without the first month paid is not covered on the disbursement day (docs/regulation.md §2.2).
    expect(kecil).toMatchObject({ debtors: 3, covered: 0, approvedNotCovered: 1, pending: 1, mandatoryUncovered: 3, unmatchedLoans: 1 });
    const superMikro = byScheme!.rows.find((r) => r.key === "SUPER_MIKRO")!;
    expect(superMikro).toMatchObject({ debtors: 2, covered: 0, mandatoryUncovered: 1 });
    expect(byScheme!.unmatched.map((u) => u.loanNumber)).toContain(offList.loanNumber);
    expect(byScheme!.unmatched.map((u) => u.loanNumber)).not.toContain(approved.loanNumber);
    expect(byScheme!.list.rowErrors).toEqual([{ row: 7, message: 'Kode penyalur "XYZ" tidak dikenal.' }]);

    const byPenyalur = await reconciliationReport(headOffice, result.listId, "penyalur");
    expect(byPenyalur!.rows.find((r) => r.label.includes("BRI") || r.label.includes("Rakyat"))).toMatchObject({ debtors: 4, covered: 0, approvedNotCovered: 1 });

    // The Kanwil manager of Jawa Barat sees the Bandung office's loans, not BNI's head office in Jakarta; the officer sees nothing.
    const byKanwil = await reconciliationReport(managerJabar, result.listId, "kanwil");
    expect(byKanwil!.total.debtors).toBe(4);
    expect((await reconciliationReport(headOffice, result.listId, "kanwil"))!.total.debtors).toBe(5);
    expect(await reconciliationReport(officerBri, result.listId, "kanwil")).toBeNull();
    await expect(uploadDebtorList(officerBri, { name: "x.csv", bytes: listFile(rows) }, { from: today, to: today }, "id")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await reconciliationExport(officerBri, result.listId, "kanwil")).toBeNull();
  });

  it("covered means approved and first month paid on or before disbursement (docs/regulation.md §2.2, cover letter of Permenko 1/2023 point 5); a loan whose number is missing or differs is matched by NIK", async () => {
    const total = contributionForMonth({ declaredIncome: 1_000_000, jht: false, sector: "OTHER", month: monthOf(today) }).total;
    const approvedAndPaid = async () => {
      const e = await submittedEnrolment(officerBri);
      await approveEnrolment(reviewerBandung, { enrolmentId: e.id, version: e.version }, NOW);
      await recordPayment(reviewerBandung, { enrolmentId: e.id, amount: total, paidOn: today, channel: "BANK_TELLER", reference: `P-${e.id}` }, NOW);
      return db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { id: true, loanNumber: true, participant: { select: { nik: true } } } });
    };
    const paidToday = await approvedAndPaid();
    const paidBeforeDisbursed = await approvedAndPaid();
    const noLoanNumber = await approvedAndPaid();
    const renumbered = await approvedAndPaid();
    const office = await db().penyalurOffice.findFirstOrThrow({ where: { id: (officerBri.scope as { penyalurOfficeId: string }).penyalurOfficeId }, select: { code: true } });
    const line = (e: typeof paidToday, loanNumber: string | null, disbursedOn: string) => ({
      penyalurCode: "BRI",
      officeCode: office.code,
      nik: e.participant.nik,
      loanNumber: loanNumber ?? "",
      scheme: "KECIL",
      plafon: "150000000",
      disbursedOn: dmy(disbursedOn),
    });
    const strangerNik = uniqueNik();
    const rows = [
      line(paidToday, paidToday.loanNumber, today),
      // Disbursed the day before it was approved and paid: not covered on that day, a gap.
      line(paidBeforeDisbursed, paidBeforeDisbursed.loanNumber, addDays(today, -1)),
      line(noLoanNumber, null, today),
      line(renumbered, "LAIN-12345", today),
      { penyalurCode: "BRI", officeCode: office.code, nik: strangerNik, loanNumber: uniqueLoanNumber("ASING"), scheme: "KECIL", plafon: "150000000", disbursedOn: dmy(today) },
    ];
    const result = await importDebtorList(headOffice, { name: "sikp-2.csv", bytes: listFile(rows) }, { from: addDays(today, -1), to: today }, "id");
    expect(result).toMatchObject({ rowCount: 5, errorCount: 0, status: "IMPORTED" });
    const loans = await db().reconciliationLoan.findMany({ where: { listId: result.listId }, orderBy: { rowNumber: "asc" }, select: { enrolmentId: true, matchedBy: true } });
    expect(loans).toEqual([
      { enrolmentId: paidToday.id, matchedBy: "LOAN_NUMBER" },
      { enrolmentId: paidBeforeDisbursed.id, matchedBy: "LOAN_NUMBER" },
      { enrolmentId: noLoanNumber.id, matchedBy: "NIK" },
      { enrolmentId: renumbered.id, matchedBy: "NIK" },
      { enrolmentId: null, matchedBy: null },
    ]);

    const report = (await reconciliationReport(headOffice, result.listId, "scheme"))!;
    expect(report.list).toMatchObject({ matchedCount: 4, matchedByNikCount: 2 });
    expect(report.rows.find((r) => r.key === "KECIL")).toMatchObject({ debtors: 5, covered: 3, approvedNotCovered: 1, mandatoryUncovered: 2, unmatchedLoans: 1 });
    expect(report.unmatchedLoans.map((l) => l.rowNumber)).toEqual([6]);

    // The exports, in the reader's CSV dialect (docs/platform.md §8), the page's words.
    const data = (await reconciliationExport(headOffice, result.listId, "scheme"))!;
    const t = translator("id");
    const csv = reportCsv(t, "scheme", data.rows, data.total, "id").replace(/^\uFEFF/, "").split("\r\n");
    expect(csv[0]).toBe("Skema;Debitur dalam daftar;Terlindungi;% terlindungi;Disetujui, belum terlindungi saat cair;Menunggu verifikasi;Wajib, belum terlindungi;Pinjaman tanpa pendaftaran;Pendaftaran tanpa pinjaman di daftar");
    // The last column counts enrolments planned in the period that other tests made too: only its presence is ours.
    expect(csv.find((l) => l.startsWith("KUR Kecil;"))).toMatch(/^KUR Kecil;5;3;60,0;1;0;2;1;\d+$/);
    expect(csv.find((l) => l.startsWith("Jumlah;"))).toMatch(/^Jumlah;5;3;60,0;1;0;2;1;\d+$/);
    const loansCsv = unmatchedLoansCsv(t, data.unmatchedLoans, "id");
    expect(loansCsv.split("\r\n")).toHaveLength(3);
    expect(loansCsv).toContain(`;150000000;${dmy(today)};Ya`);
    expect(loansCsv).not.toContain(strangerNik);
    const enCsv = unmatchedEnrolmentsCsv(translator("en"), data.unmatchedEnrolments, "en");
    expect(enCsv.split("\r\n")[0]).toBe("\uFEFFLoan number,Office,Scheme,Status");
  });

  it("the export route answers the reader's scope: head office every Kanwil, a Kanwil manager their own, a bank officer 403, another list or table 404", async () => {
    const bri = { penyalurCode: "BRI", officeCode: "BRI-BDG-AA", nik: uniqueNik(), loanNumber: uniqueLoanNumber("EXP-BRI"), scheme: "KECIL", plafon: "150000000", disbursedOn: dmy(today) };
    const bni = { penyalurCode: "BNI", officeCode: "BNI-KP", nik: uniqueNik(), loanNumber: uniqueLoanNumber("EXP-BNI"), scheme: "KECIL", plafon: "150000000", disbursedOn: dmy(today) };
    const { listId } = await importDebtorList(headOffice, { name: "ekspor.csv", bytes: listFile([bri, bni]) }, { from: today, to: today }, "id");
    const get = (query: string, id = listId) => exportReconciliation(new Request(`http://127.0.0.1/rekonsiliasi/${id}/ekspor?${query}`), { params: Promise.resolve({ id }) });

    await signInAs(DEMO_ACCOUNTS.headOffice);
    const all = await get("tabel=pinjaman-tanpa-pendaftaran");
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const allText = await all.text();
    expect(allText).toContain(bri.loanNumber);
    expect(allText).toContain(bni.loanNumber);
    expect((await (await get("tabel=laporan&menurut=kanwil")).text()).split("\r\n").filter(Boolean)).toHaveLength(4);

    await signInAs(DEMO_ACCOUNTS.managerJabar);
    const own = await (await get("tabel=pinjaman-tanpa-pendaftaran")).text();
    expect(own).toContain(bri.loanNumber);
    expect(own).not.toContain(bni.loanNumber);
    const ownReport = await (await get("tabel=laporan&menurut=kanwil")).text();
    expect(ownReport).toContain("Kanwil Jawa Barat;1;0;0,0;0;0;1;1;");
    expect(ownReport).not.toContain("DKI");

    expect((await get("tabel=rahasia")).status).toBe(404);
    expect((await get("tabel=laporan", randomUUID())).status).toBe(404);
    await signInAs(DEMO_ACCOUNTS.officerBri);
    expect((await get("tabel=laporan")).status).toBe(403);
  });
});
