/**
 * Issue #13, "likely duplicates across NIKs" (docs/decisions/0017): a second enrolment with the same
 * name, birth date and phone but another NIK is flagged to the officer before submit, as a warning
 * that does not block, and to the reviewer on the review page. Another bank's officer typing the same
 * debtor is warned too, but sees neither the name, the NIK nor the bank: only the BPJS branch, what
 * agrees and the status. Axe scans the form with the warning.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { fillDebtor, fillEform, sendEform } from "./eform";
import { expect, freshNik, test } from "./fixtures";

async function axe(page: Page, what: string) {
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), what).toEqual([]);
}

const VIEWPORTS = [
  { name: "phone", viewport: { width: 360, height: 740 } },
  { name: "desk", viewport: { width: 1280, height: 900 } },
] as const;

for (const { name, viewport } of VIEWPORTS) {
  test.describe(name, () => {
    test.use({ viewport });
    test.setTimeout(180_000);

    test(`${name}: the same debtor under another NIK is flagged to the officer before submit and to the reviewer; another bank sees no name`, async ({ page, asUser }) => {
      // A birth date no other journey uses, and a name of this run: only the first enrolment matches.
      const birthDate = name === "phone" ? "1969-10-23" : "1968-09-22";
      // Letters only (a name takes no digits): the run's time spelled in letters.
      const tag = [...Date.now().toString(26)].map((c) => String.fromCharCode(65 + parseInt(c, 26))).join("");
      // Each viewport its own debtor, unlike the other's by name (the phone of every e2e debtor is the
      // same, so a similar name would make the two runs each other's likely duplicates).
      const fullName = name === "phone" ? `Wawan Kembar ${tag}` : `Dadang Sukarya ${tag}`;
      const firstNik = freshNik(birthDate);
      let secondNik = freshNik(birthDate);
      while (secondNik === firstNik) secondNik = freshNik(birthDate);

      await asUser("officerBri");
      await page.goto("/pendaftaran/baru");
      await fillEform(page, { nik: firstNik, fullName });
      await sendEform(page);
      await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
      const firstId = new URL(page.url()).pathname.split("/").pop()!;

      // The same name, birth date and phone under another NIK: warned while typing, before any submit.
      await page.goto("/pendaftaran/baru");
      await fillEform(page, { nik: secondNik, fullName });
      const warning = page.getByTestId("duplicate-warning");
      await expect(warning).toBeVisible();
      await expect(warning).toContainText("Kemungkinan pendaftaran ganda");
      await expect(warning).toContainText("tanggal lahir sama");
      await expect(warning).toContainText("nomor HP sama");
      const own = warning.getByTestId("likely-duplicate");
      await expect(own).toHaveCount(1);
      // Inside the officer's own office: the name links to the other enrolment.
      await expect(own.getByRole("link", { name: fullName })).toHaveAttribute("href", `/pendaftaran/${firstId}`);
      await axe(page, "e-form with the likely-duplicate warning");

      // A warning, not a gate: the officer may still send it.
      await sendEform(page);
      await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
      const secondId = new URL(page.url()).pathname.split("/").pop()!;

      // The reviewer sees the same flag on the review page, with the other enrolment named.
      await asUser("reviewerBandung");
      await page.goto(`/tinjauan/${secondId}`);
      const flagged = page.getByTestId("likely-duplicates");
      await expect(flagged.getByTestId("likely-duplicate")).toHaveCount(1);
      await expect(flagged.getByRole("link", { name: fullName })).toHaveAttribute("href", `/tinjauan/${firstId}`);

      // Another bank's officer typing the same debtor: warned, but no name, NIK or bank of BRI's debtor.
      await asUser("officerBni");
      await page.goto("/pendaftaran/baru");
      const label = (text: string) => page.getByLabel(text, { exact: true });
      let thirdNik = freshNik(birthDate);
      while (thirdNik === firstNik || thirdNik === secondNik) thirdNik = freshNik(birthDate);
      await label("NIK").fill(thirdNik);
      await label("NIK").blur();
      await page.getByText("NIK belum terdaftar sebagai peserta").waitFor();
      await fillDebtor(page, { nik: thirdNik, fullName });
      const outside = page.getByTestId("duplicate-warning");
      await expect(outside).toBeVisible();
      await expect(outside.getByTestId("likely-duplicate").first()).toContainText("Penyalur lain");
      await expect(outside).not.toContainText(fullName);
      await expect(outside).not.toContainText(firstNik.slice(-4));
      await expect(outside).not.toContainText("BRI");
      await expect(outside.getByRole("link")).toHaveCount(0);
    });
  });
}
