/**
 * The enrolment server actions themselves, through the one pipeline (lib/action/client.ts) on the
 * real database: who may call them, how an expected failure reaches the form (code, message in the
 * user's language, field errors, the input kept, the stored participant shown), and where success
 * redirects. Only the request's edges are replaced, by tests/support/actions.ts: the signed-in actor,
 * the language cookie, next-intl's request-bound translator (the same catalogue) and the cache.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/data";

vi.mock("@/lib/auth/session", () => import("../support/actions").then((m) => m.sessionStub()));
vi.mock("next/headers", () => import("../support/actions").then((m) => m.headersStub()));
vi.mock("next-intl/server", () => import("../support/actions").then((m) => m.intlStub()));
vi.mock("next/cache", () => import("../support/actions").then((m) => m.cacheStub()));

const { signInAsActor, signOut, useLocale } = await import("../support/actions");
const { db } = await import("@/lib/db");
const { submitEnrolment } = await import("@/lib/enrolment/mutations");
const { validateEnrolment } = await import("@/lib/enrolment/schema");
const { todayInZone } = await import("@/lib/rules");
const { demoActors, uniqueNik } = await import("../support/db");
const { eformFields, uniqueLoanNumber } = await import("../support/eform");
const actions = await import("@/lib/enrolment/actions");

const NOW = new Date();
const TODAY = todayInZone(NOW, "Asia/Jakarta");
let officerBri: Actor;
let officerBni: Actor;
let reviewerBandung: Actor;
let kcBandungId: string;

beforeAll(async () => {
  ({ officerBri, officerBni, reviewerBandung } = await demoActors());
  kcBandungId = (await db().kantorCabang.findUniqueOrThrow({ where: { code: "KC-BANDUNG-SUCI" } })).id;
});

beforeEach(() => {
  signInAsActor(officerBri);
  useLocale("id");
});

afterAll(async () => {
  await db().$disconnect();
});

function form(overrides: Record<string, string> = {}): Record<string, string> {
  const birthDate = overrides.birthDate ?? "1984-04-14";
  return eformFields(TODAY, { nik: uniqueNik(birthDate), kantorCabangId: kcBandungId, birthDate, loanNumber: uniqueLoanNumber(), ...overrides });
}

function formData(fields: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

/** What next/navigation's redirect() and notFound() throw, which next-safe-action passes through. */
const redirectTo = (path: string | RegExp) => expect.objectContaining({ digest: expect.stringMatching(typeof path === "string" ? `^NEXT_REDIRECT;[a-z]+;${path.replace(/[?]/g, "\\?")};` : path) });
const notFoundError = expect.objectContaining({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) });

async function enrolmentsOf(nik: string): Promise<number> {
  return db().enrolment.count({ where: { participant: { nik } } });
}

describe("submitting the e-form (enrolment.submit)", () => {
  it("a valid form is written and the officer is sent to the new enrolment", async () => {
    const raw = form();
    const error = await actions.submitEnrolmentAction({}, formData(raw)).catch((e: unknown) => e);
    const enrolment = await db().enrolment.findFirstOrThrow({ where: { submissionKey: raw.submissionKey }, select: { id: true } });
    expect(error).toEqual(redirectTo(`/pendaftaran/${enrolment.id}?terkirim=1`));
  });

  it("the same form sent again (its NIK now registered, as the form then shows) redirects to the enrolment it made; no second one", async () => {
    const raw = form({ birthDate: "1984-05-15" });
    await actions.submitEnrolmentAction({}, formData(raw)).catch(() => undefined);
    const again = await actions.submitEnrolmentAction({}, formData({ ...raw, existingParticipant: "1" })).catch((e: unknown) => e);
    const enrolment = await db().enrolment.findFirstOrThrow({ where: { submissionKey: raw.submissionKey }, select: { id: true } });
    expect(again).toEqual(redirectTo(`/pendaftaran/${enrolment.id}?terkirim=1`));
    expect(await enrolmentsOf(raw.nik!)).toBe(1);
  });

  it("a refused form comes back with field errors, one message, the input kept and the attempt counted", async () => {
    const raw = form({ birthDate: "1984-06-16" });
    const state = await actions.submitEnrolmentAction({ attempt: 2 }, formData({ ...raw, birthDate: "1984-06-17", fullName: "" }));
    expect(state).toMatchObject({ code: "VALIDATION", message: "Periksa kembali isian yang ditandai.", attempt: 3 });
    expect(state.errors?.birthDate?.[0]).toMatch(/NIK/);
    expect(state.errors?.fullName).toEqual(["Nama lengkap sesuai KTP wajib diisi."]);
    expect(state.values).toMatchObject({ nik: raw.nik, birthDate: "1984-06-17", loanNumber: raw.loanNumber });
    expect(await enrolmentsOf(raw.nik!)).toBe(0);
  });

  it("the #11 checks come back on their fields in Indonesian with the input kept: NIK district, KUR mikro cap and outstanding (Pasal 24), JHT for an employer (Permenaker 5/2021)", async () => {
    const raw = form({ birthDate: "1984-06-19" });
    const typed = {
      ...raw,
      nik: `327331${raw.nik!.slice(6)}`, // Kota Bandung has 30 kecamatan: 31 never existed
      scheme: "MIKRO",
      plafon: "50.000.000",
      npwp: "",
      attestNpwpPresent: "",
      priorMikroCount: "2",
      outstandingMikro: "60.000.000",
      employsWorkers: "on",
      workerCount: "3",
      jht: "",
    };
    const state = await actions.submitEnrolmentAction({}, formData(typed));
    expect(state.code).toBe("VALIDATION");
    expect(state.errors).toEqual({
      nik: ["Kode kecamatan NIK (digit 5–6: 31) tidak ada di kabupaten/kota 32.73 menurut data wilayah Kemendagri."],
      priorMikroCount: [
        "Debitur KUR Mikro di luar sektor produksi pertanian, perkebunan, perikanan dan peternakan paling banyak menerima KUR Mikro 2 kali; debitur ini sudah menerima 2 kali (Permenko 1/2023 Pasal 24 ayat (4a)).",
      ],
      outstandingMikro: [
        "Sisa pokok KUR Mikro yang berjalan (Rp60.000.000) ditambah plafon baru melebihi total outstanding Rp100.000.000; plafon KUR Mikro tambahan paling banyak Rp40.000.000 (Permenko 1/2023 Pasal 24 ayat (1)).",
      ],
      jht: [
        "JHT wajib dipilih: usaha debitur mempekerjakan pekerja (3 orang), sehingga debitur adalah peserta BPU pemberi kerja yang wajib ikut JHT (PP 46/2015 Pasal 4 ayat (3) huruf a; Permenaker 5/2021).",
      ],
    });
    expect(state.values).toMatchObject({ priorMikroCount: "2", outstandingMikro: "60.000.000", employsWorkers: "on", workerCount: "3", nik: typed.nik });
    expect(await enrolmentsOf(typed.nik)).toBe(0);
  });

  it("an employer's form with JHT ticked is stored with the workers, and the counts per scheme", async () => {
    const raw = form({ birthDate: "1984-06-20", employsWorkers: "on", workerCount: "5", jht: "on", priorMikroCount: "2", priorKecilCount: "1" });
    const error = await actions.submitEnrolmentAction({}, formData(raw)).catch((e: unknown) => e);
    expect(error).toEqual(redirectTo(/^NEXT_REDIRECT;[a-z]+;\/pendaftaran\//));
    const stored = await db().enrolment.findFirstOrThrow({
      where: { participant: { nik: raw.nik! } },
      select: { employsWorkers: true, workerCount: true, jht: true, priorMikroCount: true, priorKecilCount: true, outstandingMikro: true, priorKurCount: true },
    });
    expect(stored).toEqual({ employsWorkers: true, workerCount: 5, jht: true, priorMikroCount: 2, priorKecilCount: 1, outstandingMikro: 0, priorKurCount: null });
  });

  it("in English the message and the field errors are English", async () => {
    useLocale("en");
    const state = await actions.submitEnrolmentAction({}, formData({ ...form({ birthDate: "1984-07-17" }), fullName: "" }));
    expect(state).toMatchObject({ code: "VALIDATION", message: "Check the marked fields." });
    expect(state.errors?.fullName).toEqual(["Full name as on the ID card is required."]);
  });

  it("a registered NIK the form did not know comes back marked registered (its data not shown to another penyalur), and nothing is written", async () => {
    const raw = form({ birthDate: "1984-08-18" });
    const valid = validateEnrolment(raw, TODAY);
    if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
    await submitEnrolment(officerBni, valid.data, NOW);

    const typedAgain = { ...raw, submissionKey: randomUUID(), loanNumber: uniqueLoanNumber(), fullName: "Nama Lain" };
    const state = await actions.submitEnrolmentAction({}, formData(typedAgain));
    expect(state.code).toBe("VALIDATION");
    expect(state.errors?.nik?.[0]).toMatch(/sudah terdaftar sebagai peserta/);
    // Registered through another penyalur: only its existence comes back (docs/decisions/0012).
    expect(state.data).toEqual({ registered: true, participant: null, addressProvinceCode: null });
    expect(await enrolmentsOf(raw.nik!)).toBe(1);
  });

  it("only bank officers may submit: a reviewer gets FORBIDDEN before anything is read", async () => {
    signInAsActor(reviewerBandung);
    const raw = form({ birthDate: "1984-09-19" });
    const state = await actions.submitEnrolmentAction({}, formData(raw));
    expect(state).toMatchObject({ code: "FORBIDDEN", message: "Anda tidak berwenang melakukan tindakan ini." });
    expect(await enrolmentsOf(raw.nik!)).toBe(0);
  });

  it("signed out, the action sends the visitor to the sign-in page", async () => {
    signOut();
    await expect(actions.submitEnrolmentAction({}, formData(form({ birthDate: "1984-10-20" })))).rejects.toEqual(redirectTo("/masuk"));
  });
});

describe("drafts (enrolment.saveDraft, enrolment.deleteDraft)", () => {
  it("'Simpan draf' saves the form as typed and opens the draft; another office cannot delete it (404)", async () => {
    const raw = { submissionKey: randomUUID(), nik: "3273011", fullName: "Dewi Lestari", intent: "draft" };
    const saved = await actions.enrolmentFormAction({}, formData(raw)).catch((e: unknown) => e);
    const draft = await db().enrolmentDraft.findFirstOrThrow({ where: { submissionKey: raw.submissionKey }, select: { id: true, label: true } });
    expect(saved).toEqual(redirectTo(`/pendaftaran/draf/${draft.id}?tersimpan=1`));
    expect(draft.label).toBe("Dewi Lestari · NIK …3011");

    signInAsActor(officerBni);
    await expect(actions.deleteDraftAction(formData({ draftId: draft.id }))).rejects.toEqual(notFoundError);
    await expect(actions.deleteDraftAction(formData({ draftId: "not-a-uuid" }))).rejects.toEqual(notFoundError);
    signInAsActor(officerBri);
    await expect(actions.deleteDraftAction(formData({ draftId: draft.id }))).rejects.toEqual(redirectTo("/pendaftaran/draf?dihapus=1"));
    expect(await db().enrolmentDraft.count({ where: { id: draft.id } })).toBe(0);
  });

  it("too large a draft is refused with its own message and nothing is saved", async () => {
    const key = randomUUID();
    // Each control character is six characters of JSON: ten such fields are over the limit.
    const huge = Object.fromEntries(["fullName", "addressStreet", "businessName", "heirName", "birthPlace", "addressRegency", "addressDistrict", "motherMaidenName", "loanNumber", "email"].map((f) => [f, "\u0001".repeat(300)]));
    const state = await actions.saveDraftAction({}, formData({ submissionKey: key, ...huge }));
    expect(state).toMatchObject({ code: "VALIDATION", message: "Draf terlalu besar untuk disimpan." });
    expect(await db().enrolmentDraft.count({ where: { submissionKey: key } })).toBe(0);
  });
});

describe("correcting a returned enrolment (enrolment.resubmit)", () => {
  async function returned(birthDate: string): Promise<Record<string, string>> {
    const raw = form({ birthDate });
    const valid = validateEnrolment(raw, TODAY);
    if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
    const { enrolmentId } = await submitEnrolment(officerBri, valid.data, NOW);
    await db().enrolment.update({ where: { id: enrolmentId }, data: { status: "RETURNED", returnReason: "Periksa penghasilan.", version: { increment: 1 } } });
    return { ...raw, enrolmentId, version: "2" };
  }

  it("a stale version is a conflict with its own message; the current one resubmits and redirects", async () => {
    const raw = await returned("1985-01-21");
    const stale = await actions.resubmitEnrolmentAction({}, formData({ ...raw, version: "1" }));
    expect(stale).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/baru saja diubah oleh orang lain/) });
    expect(stale.values?.declaredIncome).toBe(raw.declaredIncome);
    await expect(actions.resubmitEnrolmentAction({}, formData(raw))).rejects.toEqual(redirectTo(`/pendaftaran/${raw.enrolmentId}?diperbaiki=1`));
    const again = await actions.resubmitEnrolmentAction({}, formData({ ...raw, version: "3" }));
    expect(again).toMatchObject({ code: "INVALID_STATE", message: "Hanya pendaftaran berstatus Dikembalikan yang dapat diperbaiki." });
  });

  it("another office's enrolment, or a malformed id, is not found", async () => {
    const raw = await returned("1985-02-22");
    signInAsActor(officerBni);
    await expect(actions.resubmitEnrolmentAction({}, formData(raw))).rejects.toEqual(notFoundError);
    signInAsActor(officerBri);
    await expect(actions.resubmitEnrolmentAction({}, formData({ ...raw, enrolmentId: "x" }))).rejects.toEqual(notFoundError);
  });
});

describe("the NIK look-up (enrolment.lookupNik)", () => {
  it("a NIK registered through another penyalur gives only 'registered', is audited, and the name the debtor gives can be confirmed; a malformed one gives nothing; a reviewer is refused", async () => {
    const raw = form({ birthDate: "1985-03-23" });
    const valid = validateEnrolment(raw, TODAY);
    if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
    await submitEnrolment(officerBni, valid.data, NOW);

    const found = await actions.lookupNikAction(raw.nik!.replace(/(\d{4})/g, "$1 "));
    expect(found?.data).toEqual({ registered: true, participant: null, addressProvinceCode: null });
    expect(await db().auditEvent.count({ where: { action: "participant.lookup", actorId: officerBri.id } })).toBeGreaterThan(0);
    expect((await actions.confirmParticipantNameAction({ nik: raw.nik!, name: "budi santoso" }))?.data).toEqual({ matches: true });
    expect((await actions.confirmParticipantNameAction({ nik: raw.nik!, name: "Siti" }))?.data).toEqual({ matches: false });
    expect(await db().auditEvent.count({ where: { action: "participant.nameCheck", actorId: officerBri.id } })).toBeGreaterThanOrEqual(2);
    expect((await actions.lookupNikAction("123"))?.data).toBeUndefined();
    signInAsActor(reviewerBandung);
    expect((await actions.lookupNikAction(raw.nik!))?.serverError).toMatchObject({ code: "FORBIDDEN" });
  });
});
