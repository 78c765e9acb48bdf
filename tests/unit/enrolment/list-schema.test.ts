import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  DEFAULT_LIST_QUERY,
  ENROLMENT_STATUSES,
  LISTED_MANDATE_STATUSES,
  LIST_SORTS,
  classifySearch,
  loanNumberSearch,
  hasFilters,
  listHref,
  pageWindow,
  parseListQuery,
  sortHref,
  submittedBounds,
  type EnrolmentListQuery,
} from "@/lib/enrolment/list-schema";
import { KUR_SCHEMES, isIsoDate } from "@/lib/rules";

const FULL = {
  q: "Siti",
  status: "RETURNED",
  scheme: "MIKRO",
  mandate: "PHASED_REQUIRED",
  from: "2026-03-01",
  to: "2026-03-31",
  sort: "plafon",
  dir: "asc",
  page: "3",
};

describe("the list's query string", () => {
  it("an empty query string is the default list: newest submissions first, page 1, no filter", () => {
    expect(parseListQuery({})).toEqual({
      q: "",
      status: undefined,
      scheme: undefined,
      mandate: undefined,
      from: undefined,
      to: undefined,
      sort: "submitted",
      dir: "desc",
      page: 1,
    });
    expect(parseListQuery(undefined)).toEqual(DEFAULT_LIST_QUERY);
    expect(parseListQuery(null)).toEqual(DEFAULT_LIST_QUERY);
    expect(hasFilters(DEFAULT_LIST_QUERY)).toBe(false);
  });

  it("a complete, valid query is read as written", () => {
    expect(parseListQuery(FULL)).toEqual({ ...FULL, page: 3 });
    expect(hasFilters(parseListQuery(FULL))).toBe(true);
  });

  it("reads URLSearchParams as well as Next's searchParams object", () => {
    expect(parseListQuery(new URLSearchParams(FULL))).toEqual(parseListQuery(FULL));
  });

  it.each([
    ["status", "PENDING"],
    ["status", "returned"],
    ["scheme", "KUR_MIKRO"],
    ["mandate", "OUT_OF_SCOPE"], // never stored, so never offered
    ["mandate", "YES"],
    ["from", "2026-02-30"],
    ["from", "21/11/2026"],
    ["to", "kemarin"],
    ["to", "9999-12-31"], // the day after must still be a date
    ["sort", "nik"],
    ["sort", "participant.nik"],
    ["dir", "up"],
    ["page", "0"],
    ["page", "-2"],
    ["page", "2.5"],
    ["page", "1e3"],
    ["page", "abc"],
    ["page", "1000000"],
  ])("an invalid %s (%j) falls back to its default and keeps the other parameters", (key, value) => {
    const query = parseListQuery({ ...FULL, [key]: value });
    const expected = { ...parseListQuery(FULL), [key]: DEFAULT_LIST_QUERY[key as keyof EnrolmentListQuery] };
    if (key === "sort") expected.dir = "asc"; // dir=asc was given explicitly
    expect(query).toEqual(expected);
  });

  it("blank parameters (an untouched GET form) mean no filter", () => {
    expect(parseListQuery({ q: "", status: "", scheme: "", mandate: "", from: "", to: "", page: "" })).toEqual(DEFAULT_LIST_QUERY);
  });

  it("a repeated parameter counts by its first value", () => {
    expect(parseListQuery({ status: ["APPROVED", "REJECTED"], page: ["2", "5"] })).toMatchObject({ status: "APPROVED", page: 2 });
  });

  it("the search text is trimmed and its spaces collapsed; one over 100 characters is ignored", () => {
    expect(parseListQuery({ q: "  siti   aminah " }).q).toBe("siti aminah");
    expect(parseListQuery({ q: "a".repeat(101) }).q).toBe("");
    expect(parseListQuery({ q: "a".repeat(100) }).q).toHaveLength(100);
  });

  it("each sort column has its natural first direction: newest, A–Z, largest", () => {
    expect(parseListQuery({ sort: "submitted" }).dir).toBe("desc");
    expect(parseListQuery({ sort: "name" }).dir).toBe("asc");
    expect(parseListQuery({ sort: "plafon" }).dir).toBe("desc");
    expect(parseListQuery({ sort: "name", dir: "desc" }).dir).toBe("desc");
  });

  it("a date range typed backwards is read the right way round", () => {
    expect(parseListQuery({ from: "2026-03-31", to: "2026-03-01" })).toMatchObject({ from: "2026-03-01", to: "2026-03-31" });
  });

  it("never throws, and always yields a query within the allowed values, whatever the URL holds", () => {
    const keys = ["q", "status", "scheme", "mandate", "from", "to", "sort", "dir", "page", "other"];
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom(...ENROLMENT_STATUSES, ...KUR_SCHEMES, ...LIST_SORTS, "asc", "desc", "2026-01-01", "0", "7"),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), value), (params) => {
        const q = parseListQuery(params);
        expect(q.q.length).toBeLessThanOrEqual(100);
        expect(q.status === undefined || ENROLMENT_STATUSES.includes(q.status)).toBe(true);
        expect(q.scheme === undefined || KUR_SCHEMES.includes(q.scheme)).toBe(true);
        expect(q.mandate === undefined || LISTED_MANDATE_STATUSES.includes(q.mandate)).toBe(true);
        expect(q.from === undefined || isIsoDate(q.from)).toBe(true);
        expect(q.to === undefined || isIsoDate(q.to)).toBe(true);
        expect(LIST_SORTS).toContain(q.sort);
        expect(["asc", "desc"]).toContain(q.dir);
        expect(Number.isInteger(q.page) && q.page >= 1).toBe(true);
      }),
    );
  });
});

describe("text PostgreSQL cannot store never reaches a query (issue #16: `/pendaftaran?q=%00` was a 500)", () => {
  it("NUL characters are dropped from the search box and from every other parameter", () => {
    expect(parseListQuery({ q: "\u0000" }).q).toBe("");
    expect(parseListQuery({ q: "Ru\u0000di" }).q).toBe("Rudi");
    expect(parseListQuery({ status: "SUBMITTED\u0000" }).status).toBe("SUBMITTED");
  });

  it("property: no parsed text parameter ever holds a NUL", () => {
    fc.assert(fc.property(fc.string(), fc.string(), (q, status) => !JSON.stringify(parseListQuery({ q, status })).includes("\\u0000")));
  });
});

describe("what the search box searches (NIK or name; there is no loan-number column yet)", () => {
  it("16 digits are a whole NIK, also when copied with spaces, dots or dashes", () => {
    expect(classifySearch("3273011203800001")).toEqual({ kind: "nik", nik: "3273011203800001" });
    expect(classifySearch("3273 0112 0380 0001")).toEqual({ kind: "nik", nik: "3273011203800001" });
    expect(classifySearch("3273.0112.0380.0001")).toEqual({ kind: "nik", nik: "3273011203800001" });
  });

  it("4 digits are the NIK's last four, the part the masked NIK shows", () => {
    expect(classifySearch("0001")).toEqual({ kind: "nikSuffix", suffix: "0001" });
  });

  it("other digit strings match nothing: a masked NIK's hidden digits cannot be probed (UU 27/2022)", () => {
    for (const q of ["327", "12345", "32730112", "327301120380000", "32730112038000012"]) {
      expect(classifySearch(q)).toEqual({ kind: "partialNik" });
    }
  });

  it("anything with a letter is part of a name; blank is no search", () => {
    expect(classifySearch("siti")).toEqual({ kind: "name", text: "siti" });
    expect(classifySearch("Budi 2")).toEqual({ kind: "name", text: "Budi 2" });
    expect(classifySearch("   ")).toBeNull();
  });
});

describe("submitted-date bounds: calendar days in the office's zone, both days included", () => {
  it("WIB (Asia/Jakarta, UTC+7): a day runs from 17:00 UTC the day before", () => {
    expect(submittedBounds({ from: "2026-03-10", to: "2026-03-10" }, "Asia/Jakarta")).toEqual({
      gte: new Date("2026-03-09T17:00:00.000Z"),
      lt: new Date("2026-03-10T17:00:00.000Z"),
    });
  });

  it("WITA (Asia/Makassar, UTC+8) and WIT (Asia/Jayapura, UTC+9)", () => {
    expect(submittedBounds({ from: "2026-03-10" }, "Asia/Makassar")).toEqual({ gte: new Date("2026-03-09T16:00:00.000Z") });
    expect(submittedBounds({ to: "2026-03-10" }, "Asia/Jayapura")).toEqual({ lt: new Date("2026-03-10T15:00:00.000Z") });
  });

  it("the end of a year and of a leap February roll over to the next day", () => {
    expect(submittedBounds({ to: "2026-12-31" }, "Asia/Jakarta").lt).toEqual(new Date("2026-12-31T17:00:00.000Z"));
    expect(submittedBounds({ to: "2028-02-28" }, "Asia/Jakarta").lt).toEqual(new Date("2028-02-28T17:00:00.000Z"));
    expect(submittedBounds({ to: "2028-02-29" }, "Asia/Jakarta").lt).toEqual(new Date("2028-02-29T17:00:00.000Z"));
  });

  it("a zone with daylight saving uses the offset of that day", () => {
    // Europe/Berlin switches to UTC+2 on 29/03/2026 at 02:00 local time.
    expect(submittedBounds({ from: "2026-03-29", to: "2026-03-29" }, "Europe/Berlin")).toEqual({
      gte: new Date("2026-03-28T23:00:00.000Z"),
      lt: new Date("2026-03-29T22:00:00.000Z"),
    });
  });

  it("no dates, no bounds", () => {
    expect(submittedBounds({}, "Asia/Jakarta")).toEqual({});
  });
});

describe("links inside the list keep its state", () => {
  const full = parseListQuery(FULL);

  it("the default list is the bare path; defaults are left out of every link", () => {
    expect(listHref(DEFAULT_LIST_QUERY)).toBe("/pendaftaran");
    expect(listHref(DEFAULT_LIST_QUERY, { sort: "name", dir: "asc" })).toBe("/pendaftaran?sort=name");
  });

  it("a link round-trips to the same query", () => {
    const href = listHref(full);
    expect(parseListQuery(new URLSearchParams(href.split("?")[1]))).toEqual(full);
  });

  it("changing the page keeps the search, filters and sort", () => {
    expect(parseListQuery(new URLSearchParams(listHref(full, { page: 4 }).split("?")[1]))).toEqual({ ...full, page: 4 });
  });

  it("changing a filter or the sort goes back to page 1", () => {
    expect(listHref(full, { status: "APPROVED" })).not.toMatch(/page=/);
    expect(sortHref(full, "name")).not.toMatch(/page=/);
  });

  it("a header click sorts a new column in its natural order, and flips the current one", () => {
    expect(sortHref(DEFAULT_LIST_QUERY, "submitted")).toBe("/pendaftaran?dir=asc");
    expect(sortHref(DEFAULT_LIST_QUERY, "plafon")).toBe("/pendaftaran?sort=plafon");
    expect(sortHref(parseListQuery({ sort: "plafon" }), "plafon")).toBe("/pendaftaran?sort=plafon&dir=asc");
    expect(sortHref(parseListQuery({ sort: "name" }), "name")).toBe("/pendaftaran?sort=name&dir=desc");
  });

  it("search text is URL-encoded", () => {
    expect(listHref(parseListQuery({ q: "Siti & Co" }))).toBe("/pendaftaran?q=Siti+%26+Co");
  });
});

describe("page links", () => {
  it("show the first, the last and the current page's neighbours, with gaps", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageWindow(10, 10)).toEqual([1, null, 9, 10]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });
});

describe("loanNumberSearch: what the search box could mean as a loan application number", () => {
  it("normalises as the e-form stores it: upper-case, no spaces", () => {
    expect(loanNumberSearch(" bri-bdg 2026/0001 ")).toBe("BRI-BDG2026/0001");
  });

  it("a NIK or its last 4 digits may also be a loan number: both are searched", () => {
    expect(loanNumberSearch("3273011203800001")).toBe("3273011203800001");
    expect(loanNumberSearch("0001")).toBe("0001");
  });

  it.each(["siti", "Budi Santoso", "ab", "BRI#2026", "   "])("%j cannot be a loan number (no digit, too short or other characters)", (q) => {
    expect(loanNumberSearch(q)).toBeNull();
  });
});
