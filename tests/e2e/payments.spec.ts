/**
 * Issue #15's journey: the officer prints the billing instruction, a simulated channel pays against the
 * billing code (a signed notification with the demo channel's key), the record turns "Boleh dicairkan"
 * without anyone typing the payment, and the debtor's approval message is in the local mail catcher.
 */
import { createHmac } from "node:crypto";
import { fillEform } from "./eform";
import { expect, freshNik, query, test } from "./fixtures";
import { DEMO_CHANNEL } from "../../prisma/seed/demo-channel";
import { todayInZone } from "../../lib/rules";

const MAILDEV = process.env.E2E_MAILDEV_URL ?? "http://127.0.0.1:1080";

test("print billing → a channel pays → Boleh dicairkan; the approval mail reaches the mail catcher", async ({ page, asUser }) => {
  await asUser("officerBri");
  await page.goto("/pendaftaran/baru");
  await fillEform(page, { nik: freshNik("1981-06-12"), fullName: "Euis Komalasari", plafon: "175.000.000", income: "2.000.000" });
  // The debtor agrees that the lending bank debits the contribution (docs/decisions/0025 §1): the box, with
  // its plain explanation, and its answer on the check-your-answers step.
  const autoDebit = page.getByLabel("Debitur setuju iuran dipotong otomatis (autodebet) dari rekeningnya oleh bank penyalur");
  await expect(autoDebit).toHaveAccessibleDescription(/selama jangka waktu kredit/);
  await autoDebit.check();
  await page.getByRole("button", { name: "Periksa isian" }).click();
  const checkStep = page.getByTestId("check-answers");
  const answer = checkStep.locator("dt", { hasText: "Debitur setuju iuran dipotong otomatis (autodebet)" });
  await expect(answer.locator("xpath=following-sibling::dd[1]")).toHaveText("Ya");
  await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
  await expect(page).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const email = `euis.${Date.now()}@contoh.id`;
  // The debtor's e-mail address (the e-form's optional field), so the approval can be mailed.
  await query(`update "Participant" set email = $1 where id = (select "participantId" from "Enrolment" where id = $2)`, [email, id]);

  await asUser("reviewerBandung");
  await page.goto(`/tinjauan/${id}`);
  await page.getByRole("button", { name: "Setujui dan terbitkan KPJ" }).click();
  await page.getByRole("alertdialog", { name: "Setujui pendaftaran Euis Komalasari?" }).getByRole("button", { name: "Ya, setujui" }).click();
  await expect(page.getByTestId("kpj")).toBeVisible();
  const kpj = (await page.getByTestId("kpj").textContent())!.trim();

  // The officer prints the billing instruction: its button prints the block alone.
  await asUser("officerBri");
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void ((window as unknown as { printed: number }).printed += 1);
  });
  await page.goto(`/pendaftaran/${id}`);
  await expect(page.getByTestId("clearance").locator("p")).toHaveText(/Belum boleh dicairkan/);
  await expect(page.getByTestId("auto-debit-consent")).toHaveText("Ya");
  // The debtor asks for no SMS: the officer stops that channel on the record; e-mail keeps going.
  const sms = page.getByTestId("opt-out-SMS");
  await expect(sms.getByTestId("opt-out-state")).toHaveText("pesan dikirim");
  await sms.getByRole("button", { name: "Hentikan pesan SMS" }).click();
  await expect(sms.getByRole("status")).toHaveText("Pesan lewat saluran ini dihentikan.");
  await expect(sms.getByTestId("opt-out-state")).toHaveText(/^dihentikan atas permintaan debitur sejak/);
  await expect(page.getByTestId("opt-out-EMAIL").getByTestId("opt-out-state")).toHaveText("pesan dikirim");
  const [row] = await query<{ billing_code: string }>(`select "billingCode" as billing_code from "Enrolment" where id = $1`, [id]);
  const billingCode = row!.billing_code;
  await expect(page.getByText(billingCode.replace(/(\d{4})(?=\d)/g, "$1 ")).first()).toBeVisible();
  await page.getByRole("button", { name: "Cetak instruksi bayar" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // A simulated channel pays: it asks with a wrong amount first and takes the accepted one from the answer.
  const notify = async (amount: number) => {
    // Today in Jakarta, the day the enrolment was approved: after 17:00 UTC the UTC date is the day before.
    const paidOn = todayInZone(new Date(), "Asia/Jakarta");
    const body = JSON.stringify({ billingCode, amount, paidOn, reference: `E2E-${Date.now()}` });
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${createHmac("sha256", DEMO_CHANNEL.signingSecret).update(`${ts}.${body}`).digest("hex")}`;
    return page.request.post("/api/v1/payments/notifications", {
      headers: { authorization: `Bearer ${DEMO_CHANNEL.key}`, "content-type": "application/json", "x-lindungikur-timestamp": ts, "x-lindungikur-signature": signature },
      data: body,
    });
  };
  const refused = await notify(1);
  expect(refused.status()).toBe(422);
  const accepted = ((await refused.json()) as { acceptedAmounts: { amount: number }[] }).acceptedAmounts[0]!.amount;
  const paid = await notify(accepted);
  expect(paid.status()).toBe(200);

  await page.reload();
  await expect(page.getByTestId("clearance").locator("p")).toHaveText("Boleh dicairkan");

  // The approval message, delivered by the worker through the outbox, is in the mail catcher.
  await expect
    .poll(async () => {
      const mails = (await (await fetch(`${MAILDEV}/api/email`)).json()) as { subject: string; to: { address: string }[] }[];
      return mails.filter((m) => m.to.some((t) => t.address === email)).map((m) => m.subject);
    }, { timeout: 30_000 })
    .toContain(`Kepesertaan BPJS Ketenagakerjaan Anda aktif — KPJ ${kpj}`);
});
