import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { expect, query, test } from "./fixtures";

test("five wrong passwords lock the account for 15 minutes, and the form says so (not 'wrong password')", async ({ page }) => {
  const email = `uji.kunci.${randomUUID().slice(0, 8)}@demo.lindungikur.id`;
  const password = "Benar-Sekali-2026";
  await query(
    `insert into "User" (id, email, name, "passwordHash", role) values (gen_random_uuid(), $1, 'Uji Kunci', $2, 'HEAD_OFFICE')`,
    [email, await bcrypt.hash(password, 4)],
  );
  // Each attempt waits for its answer: React resets the form when an action settles, so typing the
  // next attempt during the previous one would be lost.
  const submit = () =>
    Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/masuk")),
      page.getByRole("button", { name: "Masuk" }).click(),
    ]);
  await page.goto("/masuk");
  for (let i = 0; i < 4; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi").fill(`salah-${i}`);
    await submit();
    await expect(page.locator("#login-error")).toHaveText("Email atau kata sandi salah.");
  }
  await page.getByLabel("Kata sandi").fill("salah-lagi");
  await submit();
  await expect(page.locator("#login-error")).toContainText("dikunci sementara; coba lagi dalam 15 menit");

  // The right password is refused while the lock lasts.
  await page.getByLabel("Kata sandi").fill(password);
  await submit();
  await expect(page.locator("#login-error")).toContainText("dikunci sementara");
  await expect(page).toHaveURL(/\/masuk/);
});
