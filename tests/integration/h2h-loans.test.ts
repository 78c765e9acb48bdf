/**
 * Loan events in (POST /api/v1/loans/events) and coverage gaps, against the real database: loans
 * generated through the portal's own submit, approval and payment, then reported disbursed.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/loans/events/route";
import { createApiKey } from "@/lib/api/mutations";
import { db } from "@/lib/db";
import { coverageGapSummary, coverageGaps, gapsCsv, parseGapFilter, type GapFilter } from "@/lib/loans";
import { translator } from "@/lib/i18n/translator";
import { approveEnrolment, recordPayment } from "@/lib/review/mutations";
import { addMonths, contributionForMonth, monthOf, todayInZone } from "@/lib/rules";
import { DEMO_API_KEY } from "../../prisma/seed/api-keys";
import { DEMO_ACCOUNTS, demoActors, type DemoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";
import { eformFields } from "../support/eform";
import { GET as exportGaps } from "@/app/(portal)/celah-perlindungan/ekspor/route";
import { signInAs } from "../support/actions";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const NOW = new Date();
const TODAY = todayInZone(NOW, "Asia/Jakarta");
let actors: DemoActors;
let bniKey: string;

beforeAll(async () => {
  actors = await demoActors();
  bniKey = (await createApiKey({ penyalurCode: "BNI", name: "uji pinjaman BNI" })).key;
});
afterAll(async () => {
  await db().$disconnect();
});

async function report(body: Record<string, unknown>, key = DEMO_API_KEY) {
  const response = await POST(
    new Request("http://127.0.0.1/api/v1/loans/events", { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify(body) }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function loanNumberOf(id: string) {
  return (await db().enrolment.findUniqueOrThrow({ where: { id }, select: { loanNumber: true } })).loanNumber!;
}

const disbursed = (loanNumber: string, extra: Record<string, unknown> = {}) => ({ loanNumber, reference: `D-${randomUUID()}`, kind: "DISBURSED", occurredOn: TODAY, amount: 150_000_000, tenorMonths: 12, ...extra });

async function approvedAndPaid() {
  const e = await submittedEnrolment(actors.officerBri);
  await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, NOW);
  const total = contributionForMonth({ declaredIncome: 1_000_000, jht: false, sector: "OTHER", month: monthOf(TODAY) }).total;
  await recordPayment(actors.reviewerBandung, { enrolmentId: e.id, amount: total, paidOn: TODAY, channel: "BANK_TELLER", reference: `P-${randomUUID()}` }, NOW);
  return e;
}

describe("loan events: cover aligned to the loan (docs/decisions/0019 §3)", () => {
  it("a disbursement sets the expected cover end from the tenor; a restructuring moves it; an early repayment ends the obligation", async () => {
    const e = await submittedEnrolment(actors.officerBri);
    const loanNumber = await loanNumberOf(e.id);
    const d = await report(disbursed(loanNumber, { tenorMonths: 12 }));
    expect(d.status).toBe(201);
    expect(d.body.loan).toMatchObject({ disbursedOn: TODAY, disbursedAmount: 150_000_000, tenorMonths: 12, expectedCoverEndMonth: addMonths(monthOf(TODAY), 11) });
    const r = await report({ loanNumber, reference: `R-${randomUUID()}`, kind: "RESTRUCTURED", occurredOn: TODAY, tenorMonths: 24 });
    expect(r.status).toBe(201);
    expect(r.body.loan).toMatchObject({ tenorMonths: 24, expectedCoverEndMonth: addMonths(monthOf(TODAY), 23) });
    const p = await report({ loanNumber, reference: `L-${randomUUID()}`, kind: "EARLY_REPAYMENT", occurredOn: TODAY });
    expect(p.status).toBe(201);
    expect(p.body.loan).toMatchObject({ obligationEndedOn: TODAY, obligationEndReason: "EARLY_REPAYMENT", expectedCoverEndMonth: monthOf(TODAY) });
    // Nothing after the end.
    const w = await report({ loanNumber, reference: `W-${randomUUID()}`, kind: "WRITE_OFF", occurredOn: TODAY });
    expect(w.status).toBe(409);
    const stored = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { obligationEndReason: true, loanEvents: { select: { kind: true } } } });
    expect(stored.obligationEndReason).toBe("EARLY_REPAYMENT");
    expect(stored.loanEvents.map((x) => x.kind).sort()).toEqual(["DISBURSED", "EARLY_REPAYMENT", "RESTRUCTURED"]);
    expect(await db().auditEvent.count({ where: { entityId: e.id, action: { startsWith: "loan." } } })).toBe(3);
  });

  it("rule expectedCoverEnd (docs/decisions/0019 §3; cover required by Permenko 1/2023 Pasal 26 ayat (8) for KUR kecil): a restructuring shortens or extends the end, a write-off ends the obligation that month, and the months still billed beyond the end are recomputed and audited", async () => {
    const e = await submittedEnrolment(actors.officerBri, { monthsInAdvance: 6 });
    await approveEnrolment(actors.reviewerBandung, { enrolmentId: e.id, version: e.version }, NOW);
    const start = monthOf(TODAY);
    const planned = [0, 1, 2, 3, 4, 5].map((n) => addMonths(start, n));
    const lines = await db().contributionLine.findMany({ where: { enrolmentId: e.id, status: "DUE" }, select: { month: true }, orderBy: { month: "asc" } });
    expect(lines.map((l) => l.month.toISOString().slice(0, 7))).toEqual(planned);
    const loanNumber = await loanNumberOf(e.id);
    const audit = async () =>
      (await db().auditEvent.findMany({ where: { entityId: e.id, action: { startsWith: "loan." } }, orderBy: { id: "asc" }, select: { action: true, before: true, after: true } })).at(-1)!;

    expect((await report(disbursed(loanNumber, { tenorMonths: 12 }))).body.loan).toMatchObject({ expectedCoverEndMonth: addMonths(start, 11) });
    expect((await audit()).after).toMatchObject({ dueMonthsBeyondCoverEnd: [] });

    // Restructured to 3 months from disbursement: the end moves back; three billed months lie beyond it.
    const shorter = await report({ loanNumber, reference: `R-${randomUUID()}`, kind: "RESTRUCTURED", occurredOn: TODAY, tenorMonths: 3 });
    expect(shorter.status).toBe(201);
    expect(shorter.body.loan).toMatchObject({ tenorMonths: 3, expectedCoverEndMonth: addMonths(start, 2) });
    expect(await audit()).toMatchObject({
      action: "loan.restructured",
      before: { expectedCoverEndMonth: addMonths(start, 11), dueMonthsBeyondCoverEnd: [] },
      after: { expectedCoverEndMonth: addMonths(start, 2), dueMonthsBeyondCoverEnd: planned.slice(3) },
    });
    const stored = await db().enrolment.findUniqueOrThrow({ where: { id: e.id }, select: { expectedCoverEndMonth: true, loanTenorMonths: true } });
    expect([stored.expectedCoverEndMonth!.toISOString().slice(0, 7), stored.loanTenorMonths]).toEqual([addMonths(start, 2), 3]);

    // Restructured longer again: nothing billed lies beyond the end.
    const longer = await report({ loanNumber, reference: `R-${randomUUID()}`, kind: "RESTRUCTURED", occurredOn: TODAY, tenorMonths: 18 });
    expect(longer.body.loan).toMatchObject({ tenorMonths: 18, expectedCoverEndMonth: addMonths(start, 17) });
    expect((await audit()).after).toMatchObject({ dueMonthsBeyondCoverEnd: [] });

    // Written off: the obligation ends today, the end is this month, five billed months lie beyond it.
    const w = await report({ loanNumber, reference: `W-${randomUUID()}`, kind: "WRITE_OFF", occurredOn: TODAY });
    expect(w.status).toBe(201);
    expect(w.body.loan).toMatchObject({ obligationEndedOn: TODAY, obligationEndReason: "WRITE_OFF", expectedCoverEndMonth: start });
    expect((await audit()).after).toMatchObject({ obligationEndReason: "WRITE_OFF", dueMonthsBeyondCoverEnd: planned.slice(1) });
    // The bank hears it with the same recomputed months.
    const event = await db().outboxEvent.findFirstOrThrow({ where: { enrolmentId: e.id, type: "loan.written-off" }, select: { payload: true } });
    expect(event.payload).toMatchObject({ obligationEndReason: "WRITE_OFF", expectedCoverEndMonth: start, dueMonthsBeyondCoverEnd: planned.slice(1) });
    // The lines are the debtor's BPU membership: not written off with the loan (docs/decisions/0019 §3).
    expect(await db().contributionLine.count({ where: { enrolmentId: e.id, status: "DUE" } })).toBe(6);
  });

  it("the same reference and body is recorded once (200 replayed); the same reference with another body is 409", async () => {
    const loanNumber = await loanNumberOf((await submittedEnrolment(actors.officerBri)).id);
    const body = disbursed(loanNumber);
    expect((await report(body)).status).toBe(201);
    const again = await report(body);
    expect(again).toMatchObject({ status: 200, body: { replayed: true } });
    expect((await report({ ...body, amount: 100_000_000 })).status).toBe(409);
    expect(await db().loanEvent.count({ where: { reference: body.reference } })).toBe(1);
  });

  it("422 for an unknown loan, another penyalur's loan, a future date, an amount above the plafon, a missing tenor", async () => {
    const loanNumber = await loanNumberOf((await submittedEnrolment(actors.officerBri)).id);
    expect((await report(disbursed("TIDAK-ADA-1"))).status).toBe(422);
    expect(await report(disbursed(loanNumber), bniKey)).toMatchObject({ status: 422, body: { errors: { loanNumber: [expect.any(String)] } } });
    expect(await report(disbursed(loanNumber, { occurredOn: "2999-01-01" }))).toMatchObject({ status: 422, body: { errors: { occurredOn: [expect.any(String)] } } });
    expect(await report(disbursed(loanNumber, { amount: 900_000_000 }))).toMatchObject({ status: 422, body: { errors: { amount: [expect.any(String)] } } });
    expect(await report(disbursed(loanNumber, { tenorMonths: null }))).toMatchObject({ status: 422, body: { errors: { tenorMonths: [expect.any(String)] } } });
    expect(await db().loanEvent.count({ where: { enrolment: { loanNumber } } })).toBe(0);
  });
});

describe("coverage gaps on generated loans (docs/regulation.md §2.2: disbursed only once mandatory cover is approved and paid)", () => {
  it("only mandatory loans disbursed before approval and payment are gaps, listed and counted per office, Kantor Cabang and Kanwil in each scope", async () => {
    const before = await coverageGapSummary(actors.headOffice);
    const pending = await Promise.all([1, 2, 3].map(() => submittedEnrolment(actors.officerBri)));
    const unpaid = await submittedEnrolment(actors.officerBri);
    await approveEnrolment(actors.reviewerBandung, { enrolmentId: unpaid.id, version: unpaid.version }, NOW);
    const covered = await Promise.all([1, 2].map(() => approvedAndPaid()));
    // A BNI KUR mikro outside any phase rule is voluntary: never a gap.
    const kc = await db().kantorCabang.findUniqueOrThrow({ where: { code: "KC-BANDUNG-SUCI" }, select: { id: true } });
    const voluntary = await submittedEnrolment(actors.officerBni, { form: { ...mikro(kc.id) } });
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: voluntary.id }, select: { mandateStatus: true } })).mandateStatus).toBe("VOLUNTARY");

    for (const e of [...pending, unpaid, ...covered]) expect((await report(disbursed(await loanNumberOf(e.id)))).status).toBe(201);
    expect((await report(disbursed(await loanNumberOf(voluntary.id), { amount: 50_000_000 }), bniKey)).status).toBe(201);

    const gapIds = new Set((await coverageGaps(actors.headOffice)).map((g) => g.enrolmentId));
    for (const e of [...pending, unpaid]) expect(gapIds.has(e.id), e.id).toBe(true);
    for (const e of [...covered, voluntary]) expect(gapIds.has(e.id), e.id).toBe(false);

    const after = await coverageGapSummary(actors.headOffice);
    expect(after.total - before.total).toBe(4);
    const count = (list: { name: string; count: number }[], name: string) => list.find((x) => x.name === name)?.count ?? 0;
    expect(count(after.byKanwil, "Kanwil Jawa Barat") - count(before.byKanwil, "Kanwil Jawa Barat")).toBe(4);
    expect(count(after.byKantorCabang, "KC Bandung Suci") - count(before.byKantorCabang, "KC Bandung Suci")).toBe(4);

    // Each scope sees its own: the BRI office, the branch reviewer, the Kanwil manager — BNI's office none of BRI's.
    for (const actor of [actors.officerBri, actors.reviewerBandung, actors.managerJabar]) {
      const ids = new Set((await coverageGaps(actor)).map((g) => g.enrolmentId));
      expect(ids.has(pending[0]!.id)).toBe(true);
    }
    expect((await coverageGaps(actors.officerBni)).some((g) => gapIds.has(g.enrolmentId) && g.penyalurName === "BRI")).toBe(false);
    expect((await coverageGaps(actors.reviewerSemarang)).some((g) => g.enrolmentId === pending[0]!.id)).toBe(false);

    // The export: the page's headings, one line per gap, the reader's CSV dialect.
    const csv = gapsCsv(translator("id"), await coverageGaps(actors.reviewerBandung), "id", "Asia/Jakarta");
    expect(csv.split("\r\n")[0]).toBe("\uFEFFNomor pinjaman;Penyalur;Kantor penyalur;Kantor Cabang;Kanwil;Skema;Keputusan;Status;Tanggal cair;Jumlah cair;Disetujui");
    expect(csv).toContain(`${await loanNumberOf(pending[0]!.id)};BRI;Kantor Cabang Bandung Asia Afrika;KC Bandung Suci;Kanwil Jawa Barat;`);
    expect(csv).not.toContain(await loanNumberOf(covered[0]!.id));
  });
});

describe("the gap count obeys the dashboard's filters, and matches the gaps listed under them (docs/decisions/0019 §4)", () => {
  it("a count narrowed by penyalur, Kantor Cabang, Kanwil, scheme or disbursement period is the number of gaps the same filter lists, within the reader's scope", async () => {
    // Three gaps — KUR kecil is mandatory (Permenko 1/2023 Pasal 26 ayat (8)), disbursed unapproved:
    // BRI in Bandung this month, BRI in Semarang two months ago, BNI in Bandung this month.
    const earlier = `${addMonths(monthOf(TODAY), -2)}-15`;
    const briBandung = await submittedEnrolment(actors.officerBri);
    const briSemarang = await submittedEnrolment(actors.officerBri, { kantorCabangCode: "KC-SEMARANG" });
    const bniBandung = await submittedEnrolment(actors.officerBni);
    expect((await report(disbursed(await loanNumberOf(briBandung.id)))).status).toBe(201);
    expect((await report(disbursed(await loanNumberOf(briSemarang.id), { occurredOn: earlier }))).status).toBe(201);
    expect((await report(disbursed(await loanNumberOf(bniBandung.id)), bniKey)).status).toBe(201);
    const mine = [briBandung.id, briSemarang.id, bniBandung.id];

    const all = await coverageGapSummary(actors.headOffice);
    const check = async (filter: GapFilter, expected: string[], actor = actors.headOffice) => {
      const summary = await coverageGapSummary(actor, filter);
      const listed = await coverageGaps(actor, { filter });
      expect(summary.total, JSON.stringify(filter)).toBe(listed.length);
      expect(listed.map((g) => g.enrolmentId).filter((id) => mine.includes(id)).sort(), JSON.stringify(filter)).toEqual([...expected].sort());
      return summary.total;
    };
    expect(await check({ penyalur: "BNI" }, [bniBandung.id])).toBeLessThan(all.total);
    expect(await check({ penyalur: "BRI", kc: "KC-BANDUNG-SUCI" }, [briBandung.id])).toBeLessThan(all.total);
    expect(await check({ kanwil: "JATENG_DIY" }, [briSemarang.id])).toBeLessThan(all.total);
    expect(await check({ from: monthOf(earlier), to: monthOf(earlier) }, [briSemarang.id])).toBeLessThan(all.total);
    await check({ scheme: "KECIL", from: monthOf(TODAY), to: monthOf(TODAY) }, [briBandung.id, bniBandung.id]);
    await check({ scheme: "KHUSUS" }, []);
    await check({}, mine);
    // Scoped: a filter never widens the reader's scope. Jawa Barat's manager asking for Jawa Tengah
    // gets nothing; the BNI office asking for BRI gets nothing.
    expect(await check({ kanwil: "JATENG_DIY" }, [], actors.managerJabar)).toBe(0);
    expect(await check({ penyalur: "BRI" }, [], actors.officerBni)).toBe(0);
    // The export route reads the same parameters and the reader's scope.
    const csvFor = async (account: string, query: string) => {
      await signInAs(account);
      return (await exportGaps(new Request(`http://127.0.0.1/celah-perlindungan/ekspor?${query}`))).text();
    };
    const loans = await Promise.all(mine.map(loanNumberOf));
    const bniOnly = await csvFor(DEMO_ACCOUNTS.headOffice, "penyalur=BNI");
    expect([bniOnly.includes(loans[0]!), bniOnly.includes(loans[1]!), bniOnly.includes(loans[2]!)]).toEqual([false, false, true]);
    const jatengForJabar = await csvFor(DEMO_ACCOUNTS.managerJabar, "kanwil=JATENG_DIY");
    expect(loans.some((l) => jatengForJabar.includes(l))).toBe(false);
    // The dashboard's URL parameters, as the link carries them (malformed ones dropped).
    expect(parseGapFilter(new URLSearchParams("kanwil=JAWA_BARAT&scheme=KECIL&from=2026-13&penyalur=bri"))).toEqual({ kanwil: "JAWA_BARAT", scheme: "KECIL" });
  });
});

/** The fields that make the fixture a KUR mikro of Rp50.000.000 (24 months). */
function mikro(kantorCabangId: string): Record<string, string> {
  const f = eformFields(TODAY, { kantorCabangId, scheme: "MIKRO", plafon: "50.000.000", tenorMonths: "24" });
  return { scheme: f.scheme!, plafon: f.plafon!, tenorMonths: f.tenorMonths! };
}
