/**
 * The host-to-host pages in the browser (issue #14): the coverage-gap list and its export, scoped;
 * the webhook admin's delivery log and manual re-send; the reconciliation of a disbursed-debtor list
 * with its tracked import, figures and export. Each on a phone and a desk, each page scanned by axe.
 * Loans come in as a bank's system sends them: POST /api/v1/enrolments and /api/v1/loans/events with
 * the published demo key (BRI).
 */
import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { LIST_COLUMNS } from "../../lib/reconcile/columns";
import { kecilApiBody } from "../support/h2h-body";
import { expect, freshNik, query, test } from "./fixtures";

const DEMO_API_KEY = "lk_demo_bri_7Qm2VxR9pL4sT8nW3kZ6yH1c";
const auth = { Authorization: `Bearer ${DEMO_API_KEY}` };

/** Axe findings that block: serious and critical ones. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/** The calendar day in Jakarta (the Bandung office's zone), as ISO and as dd/mm/yyyy. */
function jakartaDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date(Date.now() + offsetDays * 86_400_000));
}
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A KUR kecil of Rp150.000.000 at BRI's Bandung office, enrolled through the API; returns its ids. */
async function enrolThroughApi(request: APIRequestContext, tag: string): Promise<{ enrolmentId: string; loanNumber: string; nik: string }> {
  const nik = freshNik("1985-08-17");
  const loanNumber = `${tag}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const response = await request.post("/api/v1/enrolments", {
    headers: { ...auth, "Idempotency-Key": `e2e-${loanNumber}` },
    // The debtor is a man: freshNik writes a man's birth-date segment.
    data: { ...kecilApiBody({ nik, loanNumber, plannedDisbursementDate: jakartaDay(7) }), fullName: "Dedi Integrasi", businessName: "Toko Dedi" },
  });
  expect(response.status(), await response.text()).toBe(201);
  return { enrolmentId: ((await response.json()) as { id: string }).id, loanNumber, nik };
}

/** The bank reports the loan disbursed today: KUR kecil is mandatory and not yet approved, so a gap. */
async function reportDisbursed(request: APIRequestContext, loanNumber: string) {
  const response = await request.post("/api/v1/loans/events", {
    headers: auth,
    data: { loanNumber, reference: `DISB-${loanNumber}`, kind: "DISBURSED", occurredOn: jakartaDay(), amount: 150_000_000, tenorMonths: 12 },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** A bank's webhook receiver on 127.0.0.1: answers 200 and keeps the event ids it was sent. */
async function startReceiver(): Promise<{ url: string; received: string[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      try {
        received.push((JSON.parse(body) as { id: string }).id);
      } catch {
        received.push("unreadable");
      }
      res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/webhook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

for (const device of [
  { name: "phone", viewport: { width: 360, height: 740 } },
  { name: "desk", viewport: { width: 1280, height: 800 } },
]) {
  test.describe(`host-to-host pages on a ${device.name}`, () => {
    test.use({ viewport: device.viewport });

    test("coverage gaps: the list under the dashboard's filters, its CSV export, and another branch sees none of it", async ({ page, request, asUser, pageAs }) => {
      test.setTimeout(120_000);
      const loan = await enrolThroughApi(request, `GAP-${device.name.toUpperCase()}`);
      await reportDisbursed(request, loan.loanNumber);

      await asUser("managerJabar");
      await page.goto("/celah-perlindungan?penyalur=BRI&scheme=KECIL");
      await expect(page.getByRole("heading", { name: "Celah perlindungan", level: 1 })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId("gap-filter")).toContainText("BRI");
      await expect(page.getByTestId("gaps").getByRole("link", { name: loan.loanNumber })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "Unduh CSV" }).click();
      const csv = await readFile((await (await download).path())!, "utf8");
      expect(csv.split("\r\n")[0]).toBe("\uFEFFNomor pinjaman;Penyalur;Kantor penyalur;Kantor Cabang;Kanwil;Skema;Keputusan;Status;Tanggal cair;Jumlah cair;Disetujui");
      expect(csv).toContain(`${loan.loanNumber};BRI;Kantor Cabang Bandung Asia Afrika;`);

      // Another scheme's filter leaves it out; the Semarang branch's reviewer never sees it.
      await page.goto("/celah-perlindungan?scheme=MIKRO");
      await expect(page.getByRole("link", { name: loan.loanNumber })).toHaveCount(0);
      const semarang = await pageAs("reviewerSemarang");
      await semarang.goto("/celah-perlindungan?penyalur=BRI");
      await expect(semarang.getByRole("heading", { name: "Celah perlindungan", level: 1 })).toBeVisible();
      await expect(semarang.getByRole("link", { name: loan.loanNumber })).toHaveCount(0);
      const other = await semarang.request.get("/celah-perlindungan/ekspor?penyalur=BRI");
      expect(await other.text()).not.toContain(loan.loanNumber);
    });

    test("webhook admin: a delivery to the bank's receiver in the log, sent again by hand", async ({ page, request, asUser }) => {
      test.setTimeout(150_000);
      const receiver = await startReceiver();
      try {
        await asUser("admin");
        await page.goto("/admin/webhook");
        await expect(page.getByRole("heading", { name: "Webhook penyalur", level: 1 })).toBeVisible({ timeout: 30_000 });
        await page.getByLabel("Penyalur").selectOption("BRI");
        await page.getByLabel("URL webhook").fill(receiver.url);
        await page.getByRole("button", { name: "Simpan" }).click();
        await expect(page.getByTestId("webhook-endpoints")).toContainText(receiver.url);
        expect(await seriousViolations(page)).toEqual([]);

        // The bank's system enrols a debtor; the event reaches the receiver through the worker.
        const loan = await enrolThroughApi(request, `WH-${device.name.toUpperCase()}`);
        const [event] = await query<{ id: string }>(`select id from "OutboxEvent" where "enrolmentId" = $1 and type = 'enrolment.submitted'`, [loan.enrolmentId]);
        expect(event).toBeDefined();
        await expect.poll(() => receiver.received.filter((id) => id === event!.id).length, { timeout: 60_000 }).toBe(1);

        await page.reload();
        const row = page.locator(`[data-event-id="${event!.id}"]`);
        await expect(row).toContainText("enrolment.submitted");
        await expect(row).toContainText("Terkirim");
        expect(await seriousViolations(page)).toEqual([]);

        await row.getByRole("button", { name: /Kirim ulang/ }).click();
        await expect.poll(() => receiver.received.filter((id) => id === event!.id).length, { timeout: 60_000 }).toBe(2);
        await page.reload();
        await expect(page.locator(`[data-event-id="${event!.id}"]`)).toContainText("Terkirim");

        // Stop deliveries to this receiver again, so later journeys' events do not queue retries to it.
        await page.getByTestId("webhook-endpoints").getByRole("button", { name: /Nonaktifkan/ }).first().click();
        await expect(page.getByTestId("webhook-endpoints")).toContainText("Nonaktif");
      } finally {
        await receiver.close();
      }
    });

    test("reconciliation: a head-office user uploads a debtor list, watches the import, sees the figures and exports them", async ({ page, request, asUser }) => {
      test.setTimeout(150_000);
      const enrolled = await enrolThroughApi(request, `REK-${device.name.toUpperCase()}`);
      const strangerLoan = `REK-ASING-${device.name.toUpperCase()}-${Date.now().toString(36).toUpperCase()}`;
      const rows = [
        { penyalurCode: "BRI", officeCode: "BRI-BDG-AA", nik: enrolled.nik, loanNumber: enrolled.loanNumber, scheme: "KECIL", plafon: "150000000", disbursedOn: dmy(jakartaDay()) },
        { penyalurCode: "BRI", officeCode: "BRI-BDG-AA", nik: freshNik("1979-03-02"), loanNumber: strangerLoan, scheme: "KECIL", plafon: "150000000", disbursedOn: dmy(jakartaDay()) },
      ];
      const csv = "\uFEFF" + [LIST_COLUMNS.map((c) => c.header).join(";"), ...rows.map((r) => LIST_COLUMNS.map((c) => r[c.key]).join(";"))].join("\r\n") + "\r\n";

      await asUser("headOffice");
      await page.goto("/rekonsiliasi");
      await expect(page.getByRole("heading", { name: "Rekonsiliasi daftar debitur", level: 1 })).toBeVisible({ timeout: 30_000 });
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByLabel("Berkas CSV atau XLSX").setInputFiles({ name: `sikp-${device.name}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
      await page.getByLabel("Periode dari").fill(jakartaDay(-30));
      await page.getByLabel("Periode sampai").fill(jakartaDay(30));
      await page.getByRole("button", { name: "Unggah dan cocokkan" }).click();

      // The import is a tracked job: the page shows its progress (or, already done, the report), also after a reload.
      await expect(page).toHaveURL(/\/rekonsiliasi\/[0-9a-f-]{36}$/, { timeout: 60_000 });
      await expect(page.getByTestId("reconcile-importing").or(page.getByTestId("reconcile-matched"))).toBeVisible();
      await page.reload();
      await expect(page.getByTestId("reconcile-matched")).toContainText("1 pinjaman cocok", { timeout: 60_000 });
      await expect(page.getByTestId("reconcile-unmatched-loans")).toContainText(strangerLoan);
      const table = page.getByTestId("reconcile-table");
      await expect(table).toContainText("BRI");
      expect(await seriousViolations(page)).toEqual([]);

      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "Laporan (CSV)" }).click();
      const report = (await readFile((await (await download).path())!, "utf8")).replace(/^\uFEFF/, "").split("\r\n");
      expect(report[0]).toBe("Penyalur;Debitur dalam daftar;Terlindungi;% terlindungi;Disetujui, belum terlindungi saat cair;Menunggu verifikasi;Wajib, belum terlindungi;Pinjaman tanpa pendaftaran;Pendaftaran tanpa pinjaman di daftar");
      // Both listed loans are BRI's: one enrolled and awaiting review, one with no enrolment; neither covered, both mandatory.
      expect(report.find((l) => l.startsWith("BRI;"))).toMatch(/^BRI;2;0;0,0;0;1;2;1;\d+$/);

      const loans = page.waitForEvent("download");
      await page.getByRole("link", { name: "Pinjaman tanpa pendaftaran (CSV)" }).click();
      expect(await readFile((await (await loans).path())!, "utf8")).toContain(strangerLoan);
    });
  });
}
