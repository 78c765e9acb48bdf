import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/data";
import { db } from "@/lib/db";
import { listEnrolments, type EnrolmentListPage } from "@/lib/enrolment/data";
import { maskNik } from "@/lib/auth/permissions";
import { enrolmentWhere } from "@/lib/auth/scope";
import { DEFAULT_LIST_QUERY, LIST_PAGE_SIZE, parseListQuery } from "@/lib/enrolment/list-schema";
import { submitEnrolment } from "@/lib/enrolment/mutations";
import { validateEnrolment, type EnrolmentInput } from "@/lib/enrolment/schema";
import { todayInZone, type KurScheme } from "@/lib/rules";
import { demoActors, uniqueNik } from "../support/db";
import { eformFields } from "../support/eform";

/**
 * The enrolments workspace (/pendaftaran) against the real database. Every case searches for a
 * surname no other test uses (MARK), so the seeded demo data and the other test files' enrolments
 * (one database is shared by all integration files) cannot disturb the counts.
 */
const NOW = new Date();
const MARK = `Q${Array.from({ length: 7 }, () => "bcdfghjklmnpqrstvwxz"[Math.floor(Math.random() * 20)]).join("")}`;

const FIRST_NAMES = [
  "Adi", "Bayu", "Cahya", "Dewi", "Eka", "Fitri", "Gilang", "Hadi", "Indah", "Joko", "Kartika", "Lukman",
  "Maya", "Nanda", "Oki", "Putri", "Rahmat", "Sari", "Taufik", "Umar", "Vina", "Wawan", "Yanti",
] as const;
type FirstName = (typeof FIRST_NAMES)[number];

interface Fixture {
  id: string;
  first: FirstName;
  nik: string;
  scheme: KurScheme;
  plafon: number;
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "REJECTED";
  submittedAt: Date | null;
  mandateStatus: string;
}

/** The reviewer's verdicts and a draft, set directly: there is no review workflow yet. */
const STATUS_OF: Partial<Record<FirstName, Fixture["status"]>> = {
  Cahya: "RETURNED",
  Wawan: "RETURNED",
  Bayu: "APPROVED",
  Eka: "APPROVED",
  Maya: "APPROVED",
  Oki: "REJECTED",
  Yanti: "DRAFT",
};

/** Instants around the WIB (UTC+7) day 10/03/2025, to test the date filter's edges. */
const SUBMITTED_AT: Partial<Record<FirstName, string | null>> = {
  Adi: "2025-03-09T16:59:59.999Z", // 09/03/2025 23:59:59.999 WIB
  Bayu: "2025-03-09T17:00:00.000Z", // 10/03/2025 00:00 WIB
  Dewi: "2025-03-10T16:59:59.999Z", // 10/03/2025 23:59:59.999 WIB
  Eka: "2025-03-10T17:00:00.000Z", // 11/03/2025 00:00 WIB
  Yanti: null, // a draft has not been submitted
};

let officerBri: Actor;
let officerBni: Actor;
let reviewerBandung: Actor;
let reviewerSemarang: Actor;
let managerJabar: Actor;
let headOffice: Actor;
let admin: Actor;
let kcBandungId: string;
const fixtures: Fixture[] = [];
let bniFixture: { id: string; nik: string };

function valid(raw: Record<string, string>): EnrolmentInput {
  const result = validateEnrolment(raw, todayInZone(NOW, "Asia/Jakarta"));
  if (!result.ok) throw new Error(`fixture invalid: ${JSON.stringify(result.errors)}`);
  return result.data;
}

function form(fullName: string, birthDate: string, scheme: KurScheme, plafon: number): Record<string, string> {
  return eformFields(todayInZone(NOW, "Asia/Jakarta"), {
    nik: uniqueNik(birthDate),
    fullName,
    birthDate,
    scheme,
    plafon: String(plafon),
    declaredIncome: "2.500.000",
    jht: "",
    kantorCabangId: kcBandungId,
  });
}

/** Every plafon is different and inside its scheme's band, so sorting by plafon has one right answer. */
function loanOf(i: number): { scheme: KurScheme; plafon: number } {
  if (i % 3 === 0) return { scheme: "KECIL", plafon: 150_000_000 + i * 1_000_000 };
  if (i % 3 === 1) return { scheme: "MIKRO", plafon: 20_000_000 + i * 1_000_000 };
  return { scheme: "SUPER_MIKRO", plafon: 1_000_000 + i * 100_000 };
}

const list = (actor: Actor, params: Record<string, string | string[] | undefined> = {}) =>
  listEnrolments(actor, parseListQuery({ q: MARK, ...params }));
const firstNames = (page: EnrolmentListPage) => page.rows.map((r) => r.fullName.replace(` ${MARK}`, ""));
const byFirst = (first: FirstName) => fixtures.find((f) => f.first === first)!;
/** The first names matching `pred` as a list sorted by name shows them: RETURNED first, then A–Z. */
const namesWhere = (pred: (f: Fixture) => boolean) => {
  const matching = fixtures.filter(pred);
  const names = (returned: boolean) => matching.filter((f) => (f.status === "RETURNED") === returned).map((f) => f.first).sort();
  return [...names(true), ...names(false)];
};

/** What the list must show: RETURNED first, each part in the given order. */
function expectedOrder(compare: (a: Fixture, b: Fixture) => number): FirstName[] {
  const returned = fixtures.filter((f) => f.status === "RETURNED").sort(compare);
  const rest = fixtures.filter((f) => f.status !== "RETURNED").sort(compare);
  return [...returned, ...rest].map((f) => f.first);
}

async function allPages(actor: Actor, params: Record<string, string> = {}): Promise<EnrolmentListPage["rows"]> {
  const first = await list(actor, params);
  const rows = [...first.rows];
  for (let page = 2; page <= first.pageCount; page++) rows.push(...(await list(actor, { ...params, page: String(page) })).rows);
  return rows;
}

beforeAll(async () => {
  ({ officerBri, officerBni, reviewerBandung, reviewerSemarang, managerJabar, headOffice, admin } = await demoActors());
  kcBandungId = (await db().kantorCabang.findUniqueOrThrow({ where: { code: "KC-BANDUNG-SUCI" } })).id;

  for (const [i, first] of FIRST_NAMES.entries()) {
    const { scheme, plafon } = loanOf(i);
    const raw = form(`${first} ${MARK}`, `${1970 + i}-05-${String(10 + (i % 9))}`, scheme, plafon);
    const { enrolmentId } = await submitEnrolment(officerBri, valid(raw), NOW);
    const status = STATUS_OF[first] ?? "SUBMITTED";
    const at = first in SUBMITTED_AT ? SUBMITTED_AT[first]! : new Date(Date.UTC(2025, 0, 1 + i, 5)).toISOString();
    const submittedAt = at === null ? null : new Date(at);
    const stored = await db().enrolment.update({
      where: { id: enrolmentId },
      data: { status, submittedAt },
      select: { mandateStatus: true },
    });
    fixtures.push({ id: enrolmentId, first, nik: raw.nik!, scheme, plafon, status, submittedAt, mandateStatus: stored.mandateStatus });
  }

  const bniRaw = form(`Zaenal ${MARK}`, "1969-09-09", "SUPER_MIKRO", 3_000_000);
  const { enrolmentId } = await submitEnrolment(officerBni, valid(bniRaw), NOW);
  bniFixture = { id: enrolmentId, nik: bniRaw.nik! };
}, 120_000);

afterAll(async () => {
  await db().$disconnect();
});

describe("the list is scoped like every read (docs/regulation.md §7)", () => {
  it("an officer sees only their own office's enrolments", async () => {
    const bri = await allPages(officerBri);
    expect(bri).toHaveLength(FIRST_NAMES.length);
    expect(bri.map((r) => r.id)).not.toContain(bniFixture.id);
    const bni = await list(officerBni);
    expect(bni.rows.map((r) => r.id)).toEqual([bniFixture.id]);
    expect(bni.total).toBe(1);
  });

  it("another bank's officer never sees them, even when searching their exact NIK or its last 4 digits", async () => {
    const target = byFirst("Sari");
    expect(await list(officerBni, { q: target.nik })).toMatchObject({ rows: [], total: 0 });
    expect((await listEnrolments(officerBni, parseListQuery({ q: target.nik.slice(12) }))).rows.map((r) => r.id)).not.toContain(target.id);
    expect((await listEnrolments(officerBri, parseListQuery({ q: bniFixture.nik }))).total).toBe(0);
  });

  it("an officer's unfiltered list holds no other bank's enrolment", async () => {
    const all = await listEnrolments(officerBni, DEFAULT_LIST_QUERY);
    expect(all.total).toBeGreaterThan(0);
    for (const row of all.rows) expect(row.officeName).toMatch(/^BNI — /);
  });

  it("the holding Kantor Cabang's reviewer, the Kanwil's manager and head office see every bank's; another branch sees none", async () => {
    for (const actor of [reviewerBandung, managerJabar, headOffice]) {
      expect((await list(actor)).total).toBe(FIRST_NAMES.length + 1);
    }
    expect((await list(reviewerSemarang)).total).toBe(0);
    expect((await list(reviewerSemarang, { q: byFirst("Sari").nik })).total).toBe(0);
  });

  it("an administrator lists nothing at all (fail closed)", async () => {
    expect(await listEnrolments(admin, DEFAULT_LIST_QUERY)).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
  });
});

describe("search", () => {
  it("by the whole NIK, also typed with spaces", async () => {
    const target = byFirst("Lukman");
    const spaced = target.nik.replace(/(\d{4})(?=\d)/g, "$1 ");
    for (const q of [target.nik, spaced]) {
      const found = await listEnrolments(officerBri, parseListQuery({ q }));
      expect(found.rows.map((r) => r.id)).toEqual([target.id]);
    }
  });

  it("by the NIK's last 4 digits", async () => {
    const target = byFirst("Nanda");
    const found = await listEnrolments(officerBri, parseListQuery({ q: target.nik.slice(12) }));
    expect(found.rows.map((r) => r.id)).toContain(target.id);
    for (const row of found.rows) expect(row.nikMasked.endsWith(target.nik.slice(12))).toBe(true);
  });

  it("a NIK's middle digits find nothing, so hidden digits cannot be probed", async () => {
    const target = byFirst("Nanda");
    expect((await listEnrolments(officerBri, parseListQuery({ q: target.nik.slice(4, 12) }))).total).toBe(0);
    expect((await listEnrolments(officerBri, parseListQuery({ q: target.nik.slice(0, 15) }))).total).toBe(0);
  });

  it("by part of the name, ignoring case", async () => {
    expect((await list(officerBri)).total).toBe(FIRST_NAMES.length);
    expect((await listEnrolments(officerBri, parseListQuery({ q: MARK.toLowerCase() }))).total).toBe(FIRST_NAMES.length);
    // "adi" is inside "Adi" and "Hadi".
    const found = await listEnrolments(officerBri, parseListQuery({ q: `ADI ${MARK.toUpperCase()}`, sort: "name" }));
    expect(firstNames(found)).toEqual(["Adi", "Hadi"]);
  });

  it("% and _ are searched as text, not as wildcards", async () => {
    for (const q of ["%", "_", `${MARK.slice(0, 3)}_`, `%${MARK}`]) {
      expect((await list(officerBri, { q })).total).toBe(0);
    }
  });

  it("NIKs are masked in the list and the full NIK is nowhere in its result", async () => {
    const page = await list(officerBri);
    for (const row of page.rows) expect(row.nikMasked).toMatch(/^\d{4}\*{8}\d{4}$/);
    const json = JSON.stringify(page);
    for (const f of fixtures) expect(json).not.toContain(f.nik);
    expect(page.rows.find((r) => r.id === byFirst("Adi").id)?.nikMasked).toBe(maskNik(byFirst("Adi").nik));
  });
});

describe("filters", () => {
  it.each(["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "REJECTED"] as const)("status %s", async (status) => {
    const page = await list(officerBri, { status, sort: "name" });
    expect(firstNames(page)).toEqual(namesWhere((f) => f.status === status));
    expect(page.rows.every((r) => r.status === status)).toBe(true);
  });

  it.each(["SUPER_MIKRO", "MIKRO", "KECIL"] as const)("scheme %s", async (scheme) => {
    const rows = await allPages(officerBri, { scheme, sort: "name" });
    expect(rows.map((r) => r.fullName.replace(` ${MARK}`, ""))).toEqual(namesWhere((f) => f.scheme === scheme));
  });

  it("mandate decision", async () => {
    const decisions = new Set(fixtures.map((f) => f.mandateStatus));
    expect(decisions.size).toBeGreaterThan(1);
    for (const mandate of decisions) {
      const rows = await allPages(officerBri, { mandate, sort: "name" });
      expect(rows.map((r) => r.fullName.replace(` ${MARK}`, ""))).toEqual(namesWhere((f) => f.mandateStatus === mandate));
    }
  });

  it("submitted dates are WIB calendar days for a Bandung office, both ends included", async () => {
    expect(officerBri.timeZone).toBe("Asia/Jakarta");
    expect(firstNames(await list(officerBri, { from: "2025-03-10", to: "2025-03-10", sort: "name" }))).toEqual(["Bayu", "Dewi"]);
    expect(firstNames(await list(officerBri, { from: "2025-03-10", sort: "name" }))).toEqual(["Bayu", "Dewi", "Eka"]);
    expect(firstNames(await list(officerBri, { from: "2025-03-09", to: "2025-03-09" }))).toEqual(["Adi"]);
    expect(firstNames(await list(officerBri, { from: "2025-03-11", to: "2025-03-11" }))).toEqual(["Eka"]);
    // Backwards range, read the right way round.
    expect(firstNames(await list(officerBri, { from: "2025-03-10", to: "2025-03-09", sort: "name" }))).toEqual(["Adi", "Bayu", "Dewi"]);
    // Drafts have no submission date: any date filter leaves them out.
    const upTo = await allPages(officerBri, { to: "2025-03-31" });
    expect(upTo).toHaveLength(FIRST_NAMES.length - 1);
    expect(upTo.map((r) => r.id)).not.toContain(byFirst("Yanti").id);
  });

  it("search and filters combine", async () => {
    const page = await list(officerBri, { status: "APPROVED", scheme: "MIKRO", sort: "name" });
    expect(firstNames(page)).toEqual(namesWhere((f) => f.status === "APPROVED" && f.scheme === "MIKRO"));
  });
});

describe("pagination", () => {
  it(`pages of ${LIST_PAGE_SIZE}: totals, page count and no row twice or missing`, async () => {
    expect(LIST_PAGE_SIZE).toBe(20);
    const one = await list(officerBri);
    const two = await list(officerBri, { page: "2" });
    expect(one).toMatchObject({ total: 23, page: 1, pageCount: 2 });
    expect(two).toMatchObject({ total: 23, page: 2, pageCount: 2 });
    expect(one.rows).toHaveLength(20);
    expect(two.rows).toHaveLength(3);
    const ids = [...one.rows, ...two.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(23);
    expect(new Set(ids)).toEqual(new Set(fixtures.map((f) => f.id)));
  });

  it("a page past the end shows the last page", async () => {
    const far = await list(officerBri, { page: "99" });
    expect(far).toMatchObject({ page: 2, pageCount: 2 });
    expect(far.rows).toEqual((await list(officerBri, { page: "2" })).rows);
  });

  it("an empty result is page 1 of 1", async () => {
    expect(await list(officerBri, { status: "REJECTED", scheme: "KHUSUS" })).toEqual({ rows: [], total: 0, page: 1, pageCount: 1 });
  });
});

describe("sorting, with RETURNED enrolments always first", () => {
  const byName = (a: Fixture, b: Fixture) => a.first.localeCompare(b.first);
  const byPlafon = (a: Fixture, b: Fixture) => a.plafon - b.plafon;
  // Nulls (drafts) last in both directions.
  const bySubmitted = (dir: 1 | -1) => (a: Fixture, b: Fixture) =>
    a.submittedAt && b.submittedAt ? dir * (a.submittedAt.getTime() - b.submittedAt.getTime()) : a.submittedAt ? -1 : b.submittedAt ? 1 : 0;

  it.each([
    ["name", "asc", byName],
    ["name", "desc", (a: Fixture, b: Fixture) => byName(b, a)],
    ["plafon", "asc", byPlafon],
    ["plafon", "desc", (a: Fixture, b: Fixture) => byPlafon(b, a)],
    ["submitted", "asc", bySubmitted(1)],
    ["submitted", "desc", bySubmitted(-1)],
  ] as const)("by %s %s, across both pages", async (sort, dir, compare) => {
    const rows = await allPages(officerBri, { sort, dir });
    expect(rows.map((r) => r.fullName.replace(` ${MARK}`, ""))).toEqual(expectedOrder(compare));
  });

  it("the default order is newest submission first, returned ones before it, drafts last", async () => {
    const rows = await allPages(officerBri);
    const names = rows.map((r) => r.fullName.replace(` ${MARK}`, ""));
    expect(names.slice(0, 2)).toEqual(["Wawan", "Cahya"]);
    expect(names.at(-1)).toBe("Yanti");
    expect(names).toEqual(expectedOrder(bySubmitted(-1)));
  });

  it("when returned enrolments fill more than a page, they still all come first and pages still join up", async () => {
    const extra = fixtures.filter((f) => f.status !== "RETURNED").slice(0, 19);
    await db().enrolment.updateMany({ where: { id: { in: extra.map((f) => f.id) } }, data: { status: "RETURNED" } });
    try {
      const [one, two] = [await list(officerBri, { sort: "name" }), await list(officerBri, { sort: "name", page: "2" })];
      expect(one.rows.every((r) => r.status === "RETURNED")).toBe(true);
      expect(two.rows.map((r) => r.status)).toEqual(["RETURNED", expect.not.stringMatching("RETURNED"), expect.not.stringMatching("RETURNED")]);
      expect(new Set([...one.rows, ...two.rows].map((r) => r.id)).size).toBe(23);
    } finally {
      for (const f of extra) await db().enrolment.update({ where: { id: f.id }, data: { status: f.status } });
    }
  });
});

describe("a bad query string never breaks the list", () => {
  it("unknown and malformed parameters fall back to the default list", async () => {
    const bad = parseListQuery({
      status: "HACKED",
      scheme: "'; drop table \"Enrolment\"; --",
      mandate: "OUT_OF_SCOPE",
      from: "2025-02-30",
      to: "not-a-date",
      sort: "participant.nik",
      dir: "sideways",
      page: "-1",
      extra: "ignored",
    });
    expect(bad).toEqual(DEFAULT_LIST_QUERY);
    expect(await listEnrolments(officerBri, bad)).toEqual(await listEnrolments(officerBri, DEFAULT_LIST_QUERY));
  });

  it("a valid search survives next to invalid parameters", async () => {
    const page = await list(officerBri, { status: "nope", page: "x", sort: "name" });
    expect(page.total).toBe(FIRST_NAMES.length);
    expect(page.page).toBe(1);
  });
});

describe("counts without a search come from the dashboard cells, and agree with the enrolments", () => {
  it("for a branch, a Kanwil and head office, with and without a status, scheme or mandate filter, the total and the returned-first split equal a count over Enrolment", async () => {
    const returnedOne = fixtures.find((f) => f.status !== "RETURNED")!;
    // A status change after submission moves the enrolment between cells in its own transaction.
    await db().enrolment.update({ where: { id: returnedOne.id }, data: { status: "RETURNED" } });
    try {
      for (const actor of [reviewerBandung, reviewerSemarang, managerJabar, headOffice]) {
        for (const params of [{}, { status: "RETURNED" }, { status: "SUBMITTED" }, { scheme: "MIKRO" }, { mandate: "MANDATORY" }, { status: "SUBMITTED", scheme: "KECIL" }]) {
          const query = parseListQuery(params);
          const scope = enrolmentWhere(actor)!;
          const where = {
            AND: [scope, query.status ? { status: query.status } : {}, query.scheme ? { scheme: query.scheme } : {}, query.mandate ? { mandateStatus: query.mandate } : {}],
          };
          const [total, returned] = await Promise.all([
            db().enrolment.count({ where }),
            db().enrolment.count({ where: { AND: [where, { status: "RETURNED" }] } }),
          ]);
          const page = await listEnrolments(actor, query);
          expect(page.total).toBe(total);
          expect(page.pageCount).toBe(Math.max(1, Math.ceil(total / LIST_PAGE_SIZE)));
          expect(page.rows.filter((r) => r.status === "RETURNED")).toHaveLength(Math.min(returned, LIST_PAGE_SIZE));
        }
      }
    } finally {
      await db().enrolment.update({ where: { id: returnedOne.id }, data: { status: returnedOne.status } });
    }
  });
});
