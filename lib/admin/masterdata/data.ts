import "server-only";
import { db } from "@/lib/db";

/** One row of a master-data list: what the list shows and what the edit form starts from. */
export interface MasterRow {
  id: string;
  code: string;
  name: string;
  retiredAt: string | null;
  /** Column values already as text (Kanwil name, zone, gate, the serving Kantor Cabang …). */
  cells: Record<string, string>;
  /** The edit form's initial values (codes of the linked records). */
  values: Record<string, string>;
}

const when = (d: Date | null) => d?.toISOString() ?? null;

export async function listKanwil(): Promise<MasterRow[]> {
  const rows = await db().kanwil.findMany({
    select: { id: true, code: true, name: true, retiredAt: true, _count: { select: { branches: true } } },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, retiredAt: when(r.retiredAt),
    cells: { branches: String(r._count.branches) },
    values: { code: r.code, name: r.name },
  }));
}

export async function listKantorCabang(): Promise<MasterRow[]> {
  const rows = await db().kantorCabang.findMany({
    select: { id: true, code: true, name: true, retiredAt: true, timeZone: true, provinceCode: true, kanwil: { select: { code: true, name: true } }, province: { select: { name: true } } },
    orderBy: [{ kanwil: { name: "asc" } }, { name: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, retiredAt: when(r.retiredAt),
    cells: { kanwil: r.kanwil.name, province: r.province.name, timeZone: r.timeZone },
    values: { code: r.code, name: r.name, kanwil: r.kanwil.code, province: r.provinceCode, timeZone: r.timeZone },
  }));
}

export async function listPenyalur(): Promise<MasterRow[]> {
  const rows = await db().penyalur.findMany({
    select: { id: true, code: true, name: true, type: true, disbursementGate: true, retiredAt: true, _count: { select: { offices: true } } },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, retiredAt: when(r.retiredAt),
    cells: { type: r.type, disbursementGate: r.disbursementGate, offices: String(r._count.offices) },
    values: { code: r.code, name: r.name, type: r.type, disbursementGate: r.disbursementGate },
  }));
}

export async function listOffices(penyalurCode?: string): Promise<MasterRow[]> {
  const rows = await db().penyalurOffice.findMany({
    where: penyalurCode ? { penyalur: { code: penyalurCode } } : {},
    select: {
      id: true, code: true, name: true, level: true, timeZone: true, provinceCode: true, retiredAt: true,
      penyalur: { select: { code: true, name: true } },
      province: { select: { name: true } },
      defaultKantorCabang: { select: { code: true, name: true } },
    },
    orderBy: [{ penyalur: { name: "asc" } }, { name: "asc" }],
    take: 500,
  });
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, retiredAt: when(r.retiredAt),
    cells: { penyalur: r.penyalur.name, level: r.level, province: r.province.name, kantorCabang: r.defaultKantorCabang?.name ?? "—", timeZone: r.timeZone },
    values: { penyalur: r.penyalur.code, code: r.code, name: r.name, level: r.level, province: r.provinceCode, timeZone: r.timeZone, kantorCabang: r.defaultKantorCabang?.code ?? "" },
  }));
}

export async function listProvinces(): Promise<MasterRow[]> {
  const rows = await db().province.findMany({
    select: { code: true, name: true, timeZone: true, retiredAt: true, kanwil: { select: { code: true, name: true } } },
    orderBy: { code: "asc" },
  });
  return rows.map((r) => ({
    id: r.code, code: r.code, name: r.name, retiredAt: when(r.retiredAt),
    cells: { kanwil: r.kanwil.name, timeZone: r.timeZone },
    values: { code: r.code, name: r.name, kanwil: r.kanwil.code, timeZone: r.timeZone },
  }));
}

/** A province's regencies/cities, or those matching a search (name or code) across provinces. */
export async function listRegencies(filter: { province?: string; search?: string }): Promise<MasterRow[]> {
  const search = filter.search?.trim();
  const rows = await db().regency.findMany({
    where: {
      ...(filter.province ? { provinceCode: filter.province } : {}),
      ...(search ? { OR: [{ name: { contains: search, mode: "insensitive" as const } }, { code: { startsWith: search } }] } : {}),
    },
    select: { code: true, name: true, provinceCode: true, retiredAt: true, province: { select: { name: true } } },
    orderBy: { code: "asc" },
    take: 600,
  });
  return rows.map((r) => ({
    id: r.code, code: r.code, name: r.name, retiredAt: when(r.retiredAt),
    cells: { province: r.province.name },
    values: { province: r.provinceCode, code: r.code, name: r.name },
  }));
}

export interface MasterOptions {
  kanwil: { code: string; name: string }[];
  provinces: { code: string; name: string }[];
  kantorCabang: { code: string; name: string }[];
  penyalur: { code: string; name: string }[];
}

/** What the forms offer to link to: records still in service. */
export async function masterOptions(): Promise<MasterOptions> {
  const live = { where: { retiredAt: null }, select: { code: true, name: true }, orderBy: { name: "asc" as const } };
  const [kanwil, provinces, kantorCabang, penyalur] = await Promise.all([
    db().kanwil.findMany(live),
    db().province.findMany(live),
    db().kantorCabang.findMany(live),
    db().penyalur.findMany(live),
  ]);
  return { kanwil, provinces, kantorCabang, penyalur };
}

/** How many of each, for the master-data home page. */
export async function masterCounts(): Promise<Record<"kanwil" | "kantorCabang" | "penyalur" | "office" | "province" | "regency", number>> {
  const [kanwil, kantorCabang, penyalur, office, province, regency] = await Promise.all([
    db().kanwil.count({ where: { retiredAt: null } }),
    db().kantorCabang.count({ where: { retiredAt: null } }),
    db().penyalur.count({ where: { retiredAt: null } }),
    db().penyalurOffice.count({ where: { retiredAt: null } }),
    db().province.count({ where: { retiredAt: null } }),
    db().regency.count({ where: { retiredAt: null } }),
  ]);
  return { kanwil, kantorCabang, penyalur, office, province, regency };
}
