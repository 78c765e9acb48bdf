import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { expect, query, test } from "./fixtures";

test("after four wrong passwords the next attempt waits 15 seconds and the form says so; after the wait the right password signs in", async ({ page }) => {
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
  // The 5th attempt within the delay is not checked, whatever the password.
  await page.getByLabel("Kata sandi").fill(password);
  await submit();
  await expect(page.locator("#login-error")).toContainText("Tunggu");
  await expect(page.locator("#login-error")).toContainText("detik");
  await expect(page).toHaveURL(/\/masuk/);

  // When the delay has run out (its counter row expires), the right password signs in.
  await query(`update "RateLimit" set expire = now() - interval '1 second' where key = $1`, [`signin-gate:${email}`]);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/beranda/);
});
