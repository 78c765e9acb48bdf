/**
 * The filters a coverage-gap count or list obeys (the dashboard's own: Kanwil, Kantor Cabang,
 * penyalur, scheme, period), as URL parameters with the dashboard's names, so the dashboard's figure
 * links to /celah-perlindungan with the same query and the list shows exactly the gaps it counted.
 * Client-safe (no database). The period is the **disbursement** month (a gap is a fact about the
 * disbursement day, docs/decisions/0019 §4), both ends included.
 */
import { z } from "zod";
import { KUR_SCHEMES, isIsoMonth, type KurScheme } from "@/lib/rules";

export interface GapFilter {
  /** YYYY-MM: first and last disbursement month, both included. */
  from?: string;
  to?: string;
  /** Master-data codes, as the dashboard's URL carries them. */
  kanwil?: string;
  kc?: string;
  penyalur?: string;
  scheme?: KurScheme;
}

const single = (v: unknown) => (Array.isArray(v) ? v[0] : v) || undefined;
const month = z.preprocess(single, z.string().refine(isIsoMonth).optional()).catch(undefined);
const code = z.preprocess(single, z.string().regex(/^[A-Z0-9_-]{2,40}$/).optional()).catch(undefined);
const Params = z.object({ from: month, to: month, kanwil: code, kc: code, penyalur: code, scheme: z.preprocess(single, z.enum(KUR_SCHEMES).optional()).catch(undefined) });

const KEYS = ["from", "to", "kanwil", "kc", "penyalur", "scheme"] as const;

/** URL parameters to a filter; anything malformed is dropped, never thrown. */
export function parseGapFilter(input: Record<string, string | string[] | undefined> | URLSearchParams | null | undefined): GapFilter {
  const record: Record<string, unknown> = {};
  if (input instanceof URLSearchParams) for (const k of KEYS) record[k] = input.get(k) ?? undefined;
  else if (input) Object.assign(record, input);
  const p = Params.parse(record);
  const out: GapFilter = {};
  for (const k of KEYS) if (p[k] !== undefined) (out as Record<string, string>)[k] = p[k];
  if (out.from && out.to && out.from > out.to) [out.from, out.to] = [out.to, out.from];
  return out;
}

/** The filter as a query string ("" when empty), for links and the export. */
export function gapFilterQuery(filter: GapFilter): string {
  const params = new URLSearchParams();
  for (const k of KEYS) if (filter[k]) params.set(k, filter[k]!);
  const s = params.toString();
  return s ? `?${s}` : "";
}

export const GAPS_PATH = "/celah-perlindungan";
