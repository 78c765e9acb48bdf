/**
 * Onboarding a bank end to end (issue #12): an administrator creates the penyalur and its office
 * served by a Kantor Cabang (master data), invites the office's officer (people), and the officer
 * sets a password through the one-time link, signs in and enrols a debtor at the new office — the
 * enrolment routed to the Kantor Cabang the administrator chose.
 */
import { randomUUID } from "node:crypto";
import { onboardBankOffice } from "./admin-data";
import { fillEform, sendEform } from "./eform";
import { expect, freshNik, query, test } from "./fixtures";
import { NEW_PASSWORD, choosePassword, inviteOfficer, signInWithForm } from "./people";

test("an administrator onboards a new bank office and its officer, who enrols a debtor there", async ({ page, asUser, browser }) => {
  await asUser("admin");
  const { penyalurCode, officeName } = await onboardBankOffice(page);
  const [office] = await query<{ id: string }>(
    `select o.id from "PenyalurOffice" o join "Penyalur" p on p.id = o."penyalurId" where p.code = $1 and o.name = $2`,
    [penyalurCode, officeName],
  );

  const email = `petugas.${penyalurCode.toLowerCase()}.${randomUUID().slice(0, 6)}@demo.lindungikur.id`;
  await page.goto("/admin/pengguna/undang");
  const link = await inviteOfficer(page, { email, name: "Rahmat Hidayat", officeId: office!.id });

  // The officer, on their own phone.
  const officer = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const p = await officer.newPage();
  await p.goto(link);
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("Selamat datang, Rahmat Hidayat");
  await choosePassword(p, NEW_PASSWORD);
  await expect(p).toHaveURL(/\/masuk\?sandi=siap$/);
  await signInWithForm(p, email, NEW_PASSWORD);
  await expect(p).toHaveURL(/\/beranda$/);
  await expect(p.getByText(officeName).first()).toBeVisible();

  const nik = freshNik("1990-06-21");
  await p.goto("/pendaftaran/baru");
  await fillEform(p, { nik });
  await sendEform(p);
  await expect(p).toHaveURL(/\/pendaftaran\/[0-9a-f-]{36}\?terkirim=1$/);
  const [enrolment] = await query<{ email: string; penyalur: string; office: string; kc: string; status: string }>(
    `select u.email, py.code as penyalur, o.name as office, k.code as kc, e.status::text as status
       from "Enrolment" e join "Participant" pt on pt.id = e."participantId" join "User" u on u.id = e."officerId"
       join "PenyalurOffice" o on o.id = e."penyalurOfficeId" join "Penyalur" py on py.id = o."penyalurId"
       join "KantorCabang" k on k.id = e."kantorCabangId" where pt.nik = $1`,
    [nik],
  );
  expect(enrolment).toEqual({ email, penyalur: penyalurCode, office: officeName, kc: "KC-BANDUNG-SUCI", status: "SUBMITTED" });
  await officer.close();
});
