/**
 * The audit viewer's query string (/admin/audit?actor=…&record=…&action=…&from=…&to=…&before=…):
 * untrusted, so anything malformed is dropped rather than refused. Pure.
 */
import { z } from "zod";
import { single } from "@/lib/search-params";
import { isIsoDate } from "@/lib/rules";

export const AUDIT_PAGE_SIZE = 50;

const text = z.preprocess(single, z.string().trim().max(120).optional()).catch(undefined).transform((v) => (v ? v : undefined));
const day = z.preprocess(single, z.string().refine(isIsoDate).optional()).catch(undefined);
const cursor = z.preprocess(single, z.string().regex(/^\d{1,18}$/).optional()).catch(undefined);

const Params = z.object({ actor: text, record: text, action: text, from: day, to: day, before: cursor });

export interface AuditQuery {
  /** Part of the actor's name or e-mail. */
  actor?: string;
  /** A record's id, or a kind of record (Enrolment, KantorCabang …). */
  record?: string;
  /** Part of the action's name (enrolment.submit, phaseRule.create …). */
  action?: string;
  /** First and last day (YYYY-MM-DD, in the viewer's zone), both included. */
  from?: string;
  to?: string;
  /** Keyset page: events with a smaller id than this. */
  before?: string;
}

export function parseAuditQuery(input: Record<string, string | string[] | undefined> | URLSearchParams): AuditQuery {
  const record: Record<string, unknown> = {};
  if (input instanceof URLSearchParams) for (const key of new Set(input.keys())) record[key] = input.getAll(key);
  else Object.assign(record, input);
  const p = Params.parse(record);
  const q: AuditQuery = {};
  for (const key of ["actor", "record", "action", "from", "to", "before"] as const) if (p[key]) q[key] = p[key];
  if (q.from && q.to && q.from > q.to) [q.from, q.to] = [q.to, q.from];
  return q;
}

/** The query as URL parameters (without the page cursor unless asked). */
export function auditParams(q: AuditQuery, withCursor = false): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["actor", "record", "action", "from", "to"] as const) if (q[key]) params.set(key, q[key]!);
  if (withCursor && q.before) params.set("before", q.before);
  return params;
}
