import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { fillEform, sendEform } from "./eform";
import { expect, freshNik, query, test } from "./fixtures";

/**
 * The e-form loses nothing (issue #13): a database outage during the submit, a lost connection and a
 * reload all leave the officer's input in the browser, the form says "not sent yet, your input is
 * kept", and sending again once things are back creates exactly one enrolment (the form's submission
 * key makes a resend harmless). The database is switched off through the relay the e2e server
 * reaches it by (scripts/test-all.ts, E2E_DB_SWITCH_URL).
 */

async function database(state: "down" | "up"): Promise<void> {
  const base = process.env.E2E_DB_SWITCH_URL;
  if (!base) throw new Error("E2E_DB_SWITCH_URL is not set: run the journeys through scripts/test-all.ts");
  const res = await fetch(`${base}/${state}`);
  expect(res.ok).toBe(true);
}

async function enrolmentsOf(nik: string): Promise<number> {
  const [row] = await query<{ n: number }>(`select count(*)::int as n from "Enrolment" e join "Participant" p on p.id = e."participantId" where p.nik = $1`, [nik]);
  return row!.n;
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

test.describe("the e-form keeps its input", () => {
  test.afterEach(async () => {
    // Never leave the next journey without its database.
    await database("up");
  });

  test("a database outage during the submit keeps the input and says so; the retry after the database returns creates exactly one enrolment", async ({ page, asUser, allowConsoleError }) => {
    // The browser's own line for the refused request while the database is down.
    allowConsoleError(/status of 5\d\d/);
    const nik = freshNik("1983-04-12");
    await asUser("officerBri");
    await page.goto("/pendaftaran/baru");
    await fillEform(page, { nik, fullName: "Cecep Padam", birthDate: "1983-04-12" });
    await page.getByRole("button", { name: "Periksa isian" }).click();
    await expect(page.getByTestId("check-answers")).toContainText("Cecep Padam");

    await database("down");
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    const notSent = page.getByTestId("not-sent");
    await expect(notSent).toContainText("Belum terkirim — isian Anda tersimpan");
    await expect(notSent).toBeFocused();
    // Every field still holds what was typed; nothing reached the database.
    await expect(page.getByLabel("Nama lengkap sesuai KTP")).toHaveValue("Cecep Padam");
    await expect(page.getByLabel("NIK", { exact: true })).toHaveValue(nik);
    await expect(page.getByLabel("Debitur menyetujui teks di atas")).toBeChecked();
    expect(await enrolmentsOf(nik)).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await database("up");
    await notSent.getByRole("button", { name: "Coba kirim lagi" }).click();
    // The server's pool reconnects on this request; on the shared test machine that can take a while.
    await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/, { timeout: 30_000 });
    await expect(page.getByTestId("sent-confirmation")).toContainText(/Nomor referensi LK-\d{6,}-\d/);
    expect(await enrolmentsOf(nik)).toBe(1);
  });

  test("a lost connection keeps the input through a reload; sending it then creates exactly one enrolment", async ({ page, asUser, allowConsoleError }) => {
    allowConsoleError(/ERR_INTERNET_DISCONNECTED|Failed to fetch/);
    const nik = freshNik("1979-11-03");
    await asUser("officerBri");
    await page.goto("/pendaftaran/baru");
    await fillEform(page, { nik, fullName: "Ujang Luring", birthDate: "1979-11-03" });
    await page.getByRole("button", { name: "Periksa isian" }).click();

    await page.context().setOffline(true);
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    await expect(page.getByTestId("not-sent")).toContainText("Koneksi internet terputus");
    await page.context().setOffline(false);

    // The tab is reloaded (or the browser restarted): the input comes back from this browser.
    page.on("dialog", (dialog) => void dialog.accept());
    await page.reload();
    await expect(page.getByTestId("restored")).toContainText("Isian yang belum terkirim dipulihkan");
    await expect(page.getByLabel("Nama lengkap sesuai KTP")).toHaveValue("Ujang Luring");
    await sendEform(page);
    await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
    expect(await enrolmentsOf(nik)).toBe(1);

    // Sent: a new form starts empty.
    await page.goto("/pendaftaran/baru");
    await expect(page.getByLabel("NIK", { exact: true })).toHaveValue("");
    await expect(page.getByTestId("restored")).toHaveCount(0);
  });

  test("leaving a form with input asks first; staying keeps everything", async ({ page, asUser }) => {
    await asUser("officerBri");
    await page.goto("/pendaftaran/baru");
    await page.getByLabel("Nama usaha").fill("Warung Tinggal");
    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Beranda" }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain("Isian belum dikirim");
    await expect(page).toHaveURL(/\/pendaftaran\/baru$/);
    await expect(page.getByLabel("Nama usaha")).toHaveValue("Warung Tinggal");
  });
});
