/**
 * Likely duplicates across NIKs (issue #13, lib/enrolment/data/duplicates.ts): the same person under
 * another NIK is flagged by trigram name similarity with the birth date or phone, or by the loan
 * number at another penyalur; what another bank's enrolment shows is only that it exists.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { likelyDuplicates } from "@/lib/enrolment/data";
import { uniqueLoanNumber } from "../support/eform";
import { demoActors, uniqueNik, type DemoActors } from "../support/db";
import { submittedEnrolment } from "../support/review";

let actors: DemoActors;
beforeAll(async () => {
  actors = await demoActors();
});
afterAll(async () => {
  await db().$disconnect();
});

/** Letters only (names allow no digits): a surname no other test uses. */
const stamp = () => Array.from({ length: 7 }, () => "abcdefghijklmnopqrstuvwxyz"[Math.floor(Math.random() * 26)]).join("");
/** A phone nobody else in the test database has. */
const freshPhone = () => `0812${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

describe("likelyDuplicates", () => {
  it("the embedded PostgreSQL has pg_trgm (created by the migrations)", async () => {
    const [ext] = await db().$queryRaw<{ extname: string }[]>`SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'`;
    expect(ext?.extname).toBe("pg_trgm");
  });

  it("same name, birth date and phone under a different NIK is flagged, with name, masked NIK and link inside the officer's own office", async () => {
    const name = `Yayan Ruhiyat ${stamp()}`;
    const phone = freshPhone();
    const first = await submittedEnrolment(actors.officerBri, { form: { fullName: name, phone } });
    const stored = await db().participant.findFirstOrThrow({ where: { enrolments: { some: { id: first.id } } }, select: { birthDate: true } });
    const found = await likelyDuplicates(actors.officerBri, { nik: uniqueNik(), fullName: name.replace("Yayan", "Yayan "), birthDate: stored.birthDate.toISOString().slice(0, 10), phone });
    expect(found).toEqual([
      expect.objectContaining({ enrolmentId: first.id, inScope: true, fullName: name, nikMasked: `${first.nik.slice(0, 4)}********${first.nik.slice(12)}`, reasons: ["name", "birthDate", "phone"] }),
    ]);
  });

  it("one shared trait alone is not a likely duplicate; the same NIK is not one either (that is the same participant)", async () => {
    const name = `Cecep Gorbacep ${stamp()}`;
    const phone = freshPhone();
    const first = await submittedEnrolment(actors.officerBri, { form: { fullName: name, phone } });
    expect(await likelyDuplicates(actors.officerBri, { nik: uniqueNik(), fullName: name, birthDate: "1999-01-01", phone: freshPhone() })).toEqual([]);
    expect(await likelyDuplicates(actors.officerBri, { nik: first.nik, fullName: name, birthDate: "", phone })).toEqual([]);
  });

  it("another bank's enrolment shows only that it exists, its branch, status and what agrees — no name, NIK or id", async () => {
    const name = `Dadang Sumarna ${stamp()}`;
    const phone = freshPhone();
    await submittedEnrolment(actors.officerBri, { form: { fullName: name, phone } });
    const [seen] = await likelyDuplicates(actors.officerBni, { nik: uniqueNik(), fullName: name, birthDate: "", phone });
    expect(seen).toMatchObject({ inScope: false, enrolmentId: null, fullName: null, nikMasked: null, reasons: ["name", "phone"], status: "SUBMITTED" });
    expect(JSON.stringify(seen)).not.toContain(name);
  });

  it("the same loan number at another penyalur is flagged; at one's own penyalur it is the idempotent resubmit, not a duplicate", async () => {
    const loanNumber = uniqueLoanNumber("DUP");
    const first = await submittedEnrolment(actors.officerBri, { form: { loanNumber, fullName: `Engkos Kosasih ${stamp()}`, phone: freshPhone() } });
    const bni = await db().penyalurOffice.findFirstOrThrow({ where: { users: { some: { id: actors.officerBni.id } } }, select: { penyalurId: true } });
    const [other] = await likelyDuplicates(actors.reviewerBandung, { nik: uniqueNik(), fullName: "Orang Lain Sekali", birthDate: "", phone: "", loanNumber, penyalurId: bni.penyalurId });
    expect(other).toMatchObject({ enrolmentId: first.id, inScope: true, reasons: ["loanNumber"] });
    const bri = await db().enrolment.findUniqueOrThrow({ where: { id: first.id }, select: { penyalurId: true } });
    expect(await likelyDuplicates(actors.reviewerBandung, { nik: uniqueNik(), fullName: "Orang Lain Sekali", birthDate: "", phone: "", loanNumber, penyalurId: bri.penyalurId })).toEqual([]);
  });
});
