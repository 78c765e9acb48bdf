/**
 * The enrolments workspace's query string (/pendaftaran?q=…&status=…&page=…): one zod schema that
 * turns whatever is in the URL into a valid query. The URL is the state (bookmarkable, shareable,
 * works without JavaScript), so it is untrusted and often stale: every parameter that is missing,
 * unknown or malformed falls back to its default instead of failing the page.
 * Pure: no database, no framework; data.ts turns the result into a Prisma filter.
 */
import { z } from "zod";
import { single, optionalEnum } from "@/lib/search-params";
import { KUR_SCHEMES, addDays, isIsoDate, startOfDayInZone, type MandateStatus } from "@/lib/rules";
import { normalizeLoanNumber } from "@/lib/enrolment/schema/fields";

export const LIST_PATH = "/pendaftaran";
export const LIST_PAGE_SIZE = 20;

export const ENROLMENT_STATUSES = ["DRAFT", "SUBMITTED", "RETURNED", "APPROVED", "REJECTED"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** OUT_OF_SCOPE is never stored (submitEnrolment refuses it), so it is not offered as a filter. */
export const LISTED_MANDATE_STATUSES = ["MANDATORY", "PHASED_REQUIRED", "VOLUNTARY"] as const satisfies readonly MandateStatus[];

export const LIST_SORTS = ["submitted", "name", "plafon"] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** What a first click on a column means: newest, A–Z, largest first. */
export const DEFAULT_DIRECTION: Record<ListSort, SortDirection> = { submitted: "desc", name: "asc", plafon: "desc" };

const MAX_QUERY_LENGTH = 100;
const MAX_PAGE = 100_000;

/**
 * A calendar date from a date input. Years are kept to 1900–2999 so that the day after `to`
 * (the exclusive upper bound) is always a valid date too.
 */
const optionalDay = z
  .preprocess(single, z.string().regex(/^(19|2\d)\d\d-\d\d-\d\d$/).refine(isIsoDate).optional())
  .catch(undefined);

export const EnrolmentListParams = z
  .object({
    q: z
      .preprocess((v) => single(v) ?? "", z.string().transform((s) => s.replace(/\s+/g, " ")).pipe(z.string().max(MAX_QUERY_LENGTH)))
      .catch(""),
    status: optionalEnum(ENROLMENT_STATUSES),
    scheme: optionalEnum(KUR_SCHEMES),
    mandate: optionalEnum(LISTED_MANDATE_STATUSES),
    from: optionalDay,
    to: optionalDay,
    sort: z.preprocess(single, z.enum(LIST_SORTS)).catch("submitted"),
    dir: optionalEnum(["asc", "desc"]),
    page: z
      .preprocess(single, z.string().regex(/^\d{1,6}$/).transform(Number).pipe(z.number().int().min(1).max(MAX_PAGE)))
      .catch(1),
  })
  .transform((v) => {
    // A range typed backwards ("from 31/03 to 01/03") is read as the range the officer meant.
    const [from, to] = v.from && v.to && v.from > v.to ? [v.to, v.from] : [v.from, v.to];
    return { ...v, from, to, dir: v.dir ?? DEFAULT_DIRECTION[v.sort] };
  });

export type EnrolmentListQuery = z.output<typeof EnrolmentListParams>;

export const DEFAULT_LIST_QUERY: EnrolmentListQuery = EnrolmentListParams.parse({});

/** Next's `searchParams` object or a URLSearchParams, to a valid query. Never throws. */
export function parseListQuery(input: Record<string, string | string[] | undefined> | URLSearchParams | undefined | null): EnrolmentListQuery {
  let record: Record<string, unknown> = {};
  if (input instanceof URLSearchParams) {
    for (const key of new Set(input.keys())) record[key] = input.getAll(key);
  } else if (input && typeof input === "object") {
    record = input;
  }
  const parsed = EnrolmentListParams.safeParse(record);
  return parsed.success ? parsed.data : DEFAULT_LIST_QUERY;
}

/** Whether the officer narrowed the list (search or any filter), as opposed to only sorting or paging. */
export function hasFilters(query: EnrolmentListQuery): boolean {
  return Boolean(query.q || query.status || query.scheme || query.mandate || query.from || query.to);
}

/**
 * What the search box asks for, besides a loan number (see `loanNumberSearch`, tried alongside).
 *
 * A NIK is found only by all 16 digits or by its last 4. The portal never shows a NIK in full
 * (maskNik shows the first and last four); matching any other part would let a user uncover the
 * hidden digits by trying searches one digit at a time.
 */
export type ListSearch =
  | { kind: "nik"; nik: string }
  | { kind: "nikSuffix"; suffix: string }
  | { kind: "name"; text: string }
  /** Digits that are neither a whole NIK nor its last four: matches nothing. */
  | { kind: "partialNik" };

export function classifySearch(q: string): ListSearch | null {
  const text = q.trim();
  if (!text) return null;
  // NIKs are often copied as "3273 0112 0380 0001" or with dots/dashes.
  const digits = text.replace(/[\s.-]/g, "");
  if (/^\d+$/.test(digits)) {
    if (digits.length === 16) return { kind: "nik", nik: digits };
    if (digits.length === 4) return { kind: "nikSuffix", suffix: digits };
    return { kind: "partialNik" };
  }
  return { kind: "name", text };
}

/**
 * The loan application number the search text could be, normalised as the e-form stores it
 * (upper-case, no spaces), or null when it cannot be one. Loan numbers are matched exactly: they
 * are identifiers, and an exact match uses the (penyalurId, loanNumber) and loanNumber indexes.
 */
export function loanNumberSearch(q: string): string | null {
  const candidate = normalizeLoanNumber(q);
  return /\d/.test(candidate) && /^[A-Z0-9][A-Z0-9./-]{2,39}$/.test(candidate) ? candidate : null;
}

/**
 * The submitted-date filter as UTC bounds: `from` and `to` are calendar days in the office's own
 * zone (WIB/WITA/WIT), both included, so the range is [start of `from`, start of the day after `to`).
 */
export function submittedBounds(query: { from?: string; to?: string }, timeZone: string): { gte?: Date; lt?: Date } {
  const bounds: { gte?: Date; lt?: Date } = {};
  if (query.from) bounds.gte = new Date(startOfDayInZone(query.from, timeZone));
  if (query.to) bounds.lt = new Date(startOfDayInZone(addDays(query.to, 1), timeZone));
  return bounds;
}

/**
 * The link to the list with `changes` applied, omitting defaults so URLs stay short. Changing the
 * search, a filter or the sort goes back to page 1 unless a page is given.
 */
export function listHref(query: EnrolmentListQuery, changes: Partial<EnrolmentListQuery> = {}): string {
  const touchesResults = Object.keys(changes).some((k) => k !== "page");
  const next: EnrolmentListQuery = { ...query, ...(touchesResults ? { page: 1 } : {}), ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.status) params.set("status", next.status);
  if (next.scheme) params.set("scheme", next.scheme);
  if (next.mandate) params.set("mandate", next.mandate);
  if (next.from) params.set("from", next.from);
  if (next.to) params.set("to", next.to);
  if (next.sort !== DEFAULT_LIST_QUERY.sort) params.set("sort", next.sort);
  if (next.dir !== DEFAULT_DIRECTION[next.sort]) params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `${LIST_PATH}?${search}` : LIST_PATH;
}

/** Where a click on a column header leads: that column in its natural order, or the other order if it is already sorted. */
export function sortHref(query: EnrolmentListQuery, column: ListSort): string {
  const dir: SortDirection = query.sort === column ? (query.dir === "asc" ? "desc" : "asc") : DEFAULT_DIRECTION[column];
  return listHref(query, { sort: column, dir });
}

/** Page numbers worth a link: the first, the last, and the current page's neighbours; null is a gap. */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === "number" && p - last > 1) out.push(null);
    out.push(p);
  }
  return out;
}
