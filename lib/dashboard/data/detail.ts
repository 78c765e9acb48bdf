import "server-only";
import pg from "pg";
import { serverEnv } from "@/lib/env";
import { firstDay } from "@/lib/dashboard/data/cells";
import type { ResolvedFilter } from "@/lib/dashboard/data/filter";
import type { DetailSource } from "@/lib/dashboard/tables";

/** The enrolment-level detail export: the only read that goes past the aggregates, through a cursor. */

/** One enrolment of the detail export: the shape tables.ts labels (its `DetailSource`). */
export type DetailRow = DetailSource;

const globalForPool = globalThis as unknown as { dashboardPool?: pg.Pool };

/** A small pool of plain pg connections for cursors (Prisma has none). */
function cursorPool(): pg.Pool {
  globalForPool.dashboardPool ??= new pg.Pool({ connectionString: serverEnv().DATABASE_URL, max: 4 });
  return globalForPool.dashboardPool;
}

/**
 * The enrolments behind a view, one row each, in batches of `batchSize` through a server-side
 * cursor, so a national export of millions of rows never sits in memory. No personal data: the
 * debtor is identified by the enrolment id only. Stop early by breaking out of the loop.
 */
export async function* detailRows(f: ResolvedFilter, batchSize = 5_000): AsyncGenerator<DetailRow[]> {
  const client = await cursorPool().connect();
  const params: unknown[] = [firstDay(f.from), firstDay(f.to)];
  const conditions = [`f."submittedMonth" >= $1::date`, `f."submittedMonth" <= $2::date`];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace("?", `$${params.length}`));
  };
  if (f.kanwil) add(`f."kanwilId" = ?::uuid`, f.kanwil.id);
  if (f.kc) add(`f."kantorCabangId" = ?::uuid`, f.kc.id);
  if (f.penyalur) add(`f."penyalurId" = ?::uuid`, f.penyalur.id);
  if (f.scheme) add(`f.scheme = ?`, f.scheme);
  let open = false;
  try {
    await client.query("begin isolation level repeatable read read only");
    open = true;
    await client.query(
      `declare dashboard_detail no scroll cursor for
       select f."enrolmentId"::text as "enrolmentId", to_char(f."submittedDay", 'YYYY-MM-DD') as "submittedDay",
              k.name as kanwil, kc.name as "kantorCabang", p.name as penyalur, o.name as "penyalurOffice",
              f.scheme, e.plafon, f."sectorGroup", f."provinceCode", f."mandateStatus", f.status,
              case when f."decisionMonth" is not null then to_char(e."reviewedAt" at time zone kc."timeZone", 'YYYY-MM-DD') end as "decidedOn",
              f."firstMonthPaid", to_char(f."paidThroughMonth", 'YYYY-MM') as "paidThroughMonth"
       from "DashEnrolmentFact" f
       join "Enrolment" e on e.id = f."enrolmentId"
       join "Kanwil" k on k.id = f."kanwilId"
       join "KantorCabang" kc on kc.id = f."kantorCabangId"
       join "Penyalur" p on p.id = f."penyalurId"
       join "PenyalurOffice" o on o.id = f."penyalurOfficeId"
       where ${conditions.join(" and ")}
       order by f."submittedDay", f."enrolmentId"`,
      params,
    );
    for (;;) {
      const batch = await client.query<DetailRow>(`fetch ${Math.max(1, Math.floor(batchSize))} from dashboard_detail`);
      if (!batch.rows.length) break;
      yield batch.rows;
      if (batch.rows.length < batchSize) break;
    }
  } finally {
    if (open) await client.query("rollback").catch(() => undefined);
    client.release();
  }
}
