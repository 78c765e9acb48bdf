import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * The review desk and the admin lists on a 360 px phone (issue #13, docs/decisions/0026): the
 * reviewer's home with its figures and the menu's badges, the queue in the home's views, and every
 * admin list — no serious or critical axe finding, nothing wider than the screen, tap targets of at
 * least 24 px in the lists.
 */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/** Nothing scrolls sideways: the page is no wider than the viewport. */
async function expectNoSidewaysScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** Every link and button inside the page's lists is at least 24 px tall (WCAG 2.5.8). */
async function expectTapTargets(page: Page) {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll("main table a, main table button")]
      .map((el) => ({ text: (el.textContent ?? "").trim().slice(0, 40), height: el.getBoundingClientRect().height }))
      .filter((t) => t.height > 0 && t.height < 24),
  );
  expect(small).toEqual([]);
}

test.use({ viewport: { width: 360, height: 740 } });

test("the reviewer's home on a phone: four figures linked to their lists, the same counts in the menu, the queue's views", async ({ page, asUser }) => {
  await asUser("reviewerBandung");
  await expect(page.getByRole("heading", { name: "Pekerjaan cabang Anda" })).toBeVisible();
  for (const key of ["waiting", "overdue", "resubmitted", "arrears"]) await expect(page.getByTestId(`home-${key}`)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await expectNoSidewaysScroll(page);

  // The menu's badge is the home's figure, inside the link's accessible name.
  const waiting = Number((await page.getByTestId("home-waiting").locator("span").nth(1).innerText()).match(/^\d+/)![0]);
  const nav = page.getByRole("navigation", { name: "Navigasi utama" });
  if (waiting > 0) await expect(nav.getByRole("link", { name: new RegExp(`^Tinjauan\\s*\\(${waiting} menunggu\\)$`) })).toBeVisible();
  else await expect(nav.getByRole("link", { name: "Tinjauan", exact: true })).toBeVisible();
  const arrears = Number((await page.getByTestId("home-arrears").locator("span").nth(1).innerText()).match(/^\d+/)![0]);
  if (arrears > 0) await expect(nav.getByRole("link", { name: new RegExp(`^Tunggakan\\s*\\(${arrears} menunggak\\)$`) })).toBeVisible();

  // Past the service level: the queue in that view, with as many rows counted as the figure says.
  const overdue = Number((await page.getByTestId("home-overdue").locator("span").nth(1).innerText()).match(/^\d+/)![0]);
  await page.getByTestId("home-overdue").click();
  await expect(page).toHaveURL(/\/tinjauan\?view=overdue$/);
  await expect(page.getByTestId("queue-view")).toContainText("melewati batas layanan");
  await expect(page.getByTestId("queue-count")).toHaveText(overdue === 0 ? /Tidak ada/ : new RegExp(`^${overdue}\\b`));
  expect(await seriousViolations(page)).toEqual([]);
  await expectNoSidewaysScroll(page);

  // Returned and resubmitted, then the whole queue.
  await page.goto("/beranda");
  await page.getByTestId("home-resubmitted").click();
  await expect(page).toHaveURL(/view=resubmitted/);
  await page.getByRole("link", { name: "Tampilkan semua yang menunggu" }).click();
  await expect(page).toHaveURL(/\/tinjauan$/);
  await expect(page.getByTestId("queue-view")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await expectNoSidewaysScroll(page);
  await expectTapTargets(page);
});

for (const path of ["/admin/pengguna", "/admin/target", "/admin/kunci-api", "/admin/fase", "/admin/data/kanwil", "/admin/data/kantor-cabang", "/admin/audit"]) {
  test(`${path} on a phone: cards, not a sideways table; tap targets of 24 px; no serious axe finding`, async ({ page, asUser }) => {
    await asUser("admin");
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await expectNoSidewaysScroll(page);
    await expectTapTargets(page);
  });
}

test("the access list hides the integration accounts unless asked for", async ({ page, asUser }) => {
  await asUser("admin");
  await page.goto("/admin/pengguna");
  await expect(page.getByTestId("people-system-note")).toBeVisible();
  await expect(page.getByRole("link", { name: /^Integrasi H2H/ })).toHaveCount(0);
  await page.getByLabel("Status").selectOption("system");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await expect(page).toHaveURL(/status=system/);
  await expect(page.getByTestId("people-system-note")).toHaveCount(0);
});
