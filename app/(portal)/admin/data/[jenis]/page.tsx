import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MasterDataForm, RetireButton, type MasterField } from "@/components/admin/master-data-form";
import { DataTable, cellLink, type DataColumn } from "@/components/ui/data-table";
import { listKanwil, listKantorCabang, listOffices, listPenyalur, listProvinces, listRegencies, masterOptions, type MasterOptions, type MasterRow } from "@/lib/admin/masterdata/data";
import { ENTITY_SEGMENTS, GATES, MASTER_ENTITIES, OFFICE_LEVELS, PENYALUR_TYPES, TIME_ZONES, type MasterEntity } from "@/lib/admin/masterdata/schema";
import { requirePermission } from "@/lib/auth/session";
import { formatInstant } from "@/lib/format";
import { single } from "@/lib/search-params";

type Params = { params: Promise<{ jenis: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const entityOf = (segment: string): MasterEntity | undefined => MASTER_ENTITIES.find((e) => ENTITY_SEGMENTS[e] === segment);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const entity = entityOf((await params).jenis);
  const t = await getTranslations("adminData.master");
  return { title: entity ? t(`entities.${entity}.title`) : t("metaTitle") };
}

/** The extra columns each list shows, by MasterRow.cells key. */
const COLUMNS: Record<MasterEntity, string[]> = {
  kanwil: ["branches"],
  kantorCabang: ["kanwil", "province", "timeZone"],
  penyalur: ["type", "disbursementGate", "offices"],
  office: ["penyalur", "level", "kantorCabang", "timeZone"],
  province: ["kanwil", "timeZone"],
  regency: ["province"],
};

/** One kind of master data (administrators): the list with retire/reactivate, a new record, ?ubah=id to edit. */
export default async function MasterEntityPage({ params, searchParams }: Params) {
  const actor = await requirePermission("masterData:manage");
  const entity = entityOf((await params).jenis);
  if (!entity) notFound();
  const [t, query, options] = await Promise.all([getTranslations("adminData"), searchParams, masterOptions()]);
  const penyalurFilter = single(query.penyalur);
  // Regencies (514) are listed by province or found by a search, never all at once.
  const provinceFilter = options.provinces.find((p) => p.code === single(query.provinsi))?.code;
  const search = single(query.cari)?.trim().slice(0, 60) || undefined;
  const regencyQuery = new URLSearchParams({ ...(provinceFilter ? { provinsi: provinceFilter } : {}), ...(search ? { cari: search } : {}) }).toString();
  const rows: MasterRow[] =
    entity === "kanwil" ? await listKanwil()
    : entity === "kantorCabang" ? await listKantorCabang()
    : entity === "penyalur" ? await listPenyalur()
    : entity === "office" ? await listOffices(penyalurFilter && /^[A-Z0-9_-]{2,40}$/.test(penyalurFilter) ? penyalurFilter : undefined)
    : entity === "province" ? await listProvinces()
    : provinceFilter || search ? await listRegencies({ province: provinceFilter, search })
    : [];
  const editId = single(query.ubah);
  // One province's list needs no province column (room for the actions on a phone).
  const columns = entity === "regency" && provinceFilter ? [] : COLUMNS[entity];
  const editing = editId ? rows.find((r) => r.id === editId) : undefined;
  if (editId && !editing) notFound();
  const fields = fieldsFor(entity, Boolean(editing), options, (k) => t(k as never));
  const cell = (key: string, value: string) => {
    if (key === "type") return t(`master.enums.type.${value}` as never);
    if (key === "disbursementGate") return t(`master.enums.gate.${value}` as never);
    if (key === "level") return t(`master.enums.level.${value}` as never);
    return value;
  };
  const path = `/admin/data/${ENTITY_SEGMENTS[entity]}`;
  const listHref = entity === "regency" && regencyQuery ? `${path}?${regencyQuery}` : path;
  const editHref = (rowId: string) => `${path}?${entity === "regency" && regencyQuery ? `${regencyQuery}&` : ""}ubah=${encodeURIComponent(rowId)}`;
  const title = t(`master.entities.${entity}.title`);
  const masterColumns: DataColumn<MasterRow>[] = [
    { key: "name", header: t("master.fields.name"), primary: true, cell: (r) => r.name },
    { key: "code", header: t("master.fields.code"), cell: (r) => <span className="font-mono text-xs">{r.code}</span> },
    ...columns.map((c): DataColumn<MasterRow> => ({ key: c, header: t(`master.fields.${c}` as never), cell: (r) => cell(c, r.cells[c] ?? "") })),
    { key: "status", header: t("common.status"), cell: (r) => (r.retiredAt ? t("common.retired", { date: formatInstant(r.retiredAt, actor.timeZone) }) : t("common.active")) },
    {
      key: "actions",
      header: t("common.actions"),
      cell: (r) => (
        <div className="flex flex-wrap gap-x-3 gap-y-1">
          <Link className={cellLink} href={editHref(r.id)} aria-label={`${t("common.edit")}: ${r.name}`}>{t("common.edit")}</Link>
          <RetireButton entity={entity} id={r.id} retired={Boolean(r.retiredAt)} label={r.name} />
        </div>
      ),
    },
  ];
  return (
    <div className="space-y-6">
      <nav aria-label={t("common.back")} className="text-sm"><Link className="text-brand-700 underline" href="/admin/data">‹ {t("master.title")}</Link></nav>
      <h1 className="text-2xl font-semibold">{title}</h1>
      {query.tersimpan ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{t("common.saved")}</p> : null}
      <MasterDataForm
        key={editing?.id ?? "new"}
        entity={entity}
        id={entity === "province" || entity === "regency" ? editing?.code : editing?.id}
        title={editing ? `${t(`master.entities.${entity}.edit`)}: ${editing.name}` : t(`master.entities.${entity}.new`)}
        fields={fields}
        initial={editing?.values ?? (entity === "office" && penyalurFilter ? { penyalur: penyalurFilter } : entity === "regency" && provinceFilter ? { province: provinceFilter } : {})}
        cancelHref={editing ? listHref : undefined}
      />
      {entity === "office" ? (
        <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
          <label htmlFor="filter-penyalur" className="font-medium">{t("master.filterPenyalur")}</label>
          <select id="filter-penyalur" name="penyalur" defaultValue={penyalurFilter ?? ""} className="rounded border border-slate-400 px-2 py-1">
            <option value="">{t("common.all")}</option>
            {options.penyalur.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
          </select>
          <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-700">{t("master.filter")}</button>
        </form>
      ) : null}
      {entity === "regency" ? (
        <form method="get" role="search" aria-label={t("master.regencySearch")} className="flex flex-wrap items-end gap-2 text-sm">
          <div className="flex flex-col gap-1">
            <label htmlFor="filter-province" className="font-medium">{t("master.filterProvince")}</label>
            <select id="filter-province" name="provinsi" defaultValue={provinceFilter ?? ""} className="rounded border border-slate-400 px-2 py-1">
              <option value="">{t("common.all")}</option>
              {options.provinces.map((p) => <option key={p.code} value={p.code}>{`${p.code} ${p.name}`}</option>)}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="filter-search" className="font-medium">{t("master.searchRegency")}</label>
            <input id="filter-search" name="cari" type="search" defaultValue={search ?? ""} maxLength={60} className="rounded border border-slate-400 px-2 py-1" />
          </div>
          <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-700">{t("master.filter")}</button>
        </form>
      ) : null}
      <DataTable
        caption={entity === "regency" && provinceFilter ? t("master.regencyCaption", { province: options.provinces.find((p) => p.code === provinceFilter)!.name }) : t("master.caption", { entity: title })}
        captionVisible
        rowHeaders
        columns={masterColumns}
        rows={rows}
        rowKey={(r) => r.id}
        rowClassName={(r) => (r.retiredAt ? "text-slate-500" : "")}
        empty={<p className="rounded border border-slate-200 bg-white px-3 py-2 text-slate-600">{entity === "regency" && !regencyQuery ? t("master.regencyPrompt") : t("common.none")}</p>}
      />
    </div>
  );
}

function fieldsFor(entity: MasterEntity, editing: boolean, o: MasterOptions, t: (key: string) => string): MasterField[] {
  const f = (name: string, extra: Partial<MasterField> = {}): MasterField => ({ name, label: t(`master.fields.${name}`), ...extra });
  const code = f("code", { hint: t(entity === "province" ? "master.hints.provinceCode" : "master.hints.code"), readOnly: editing, inputMode: entity === "province" ? "numeric" : "text" });
  const zones = TIME_ZONES.map((z) => ({ value: z, label: t(`master.enums.timeZone.${z}`) }));
  const list = (items: { code: string; name: string }[]) => items.map((i) => ({ value: i.code, label: i.name }));
  const kanwil = f("kanwil", { options: list(o.kanwil) });
  switch (entity) {
    case "kanwil":
      return [code, f("name")];
    case "kantorCabang":
      return [code, f("name"), { ...kanwil, hint: editing ? t("master.hints.moveKanwil") : undefined }, f("province", { options: o.provinces.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })) }), f("timeZone", { options: zones, hint: editing ? t("master.hints.timeZone") : undefined })];
    case "penyalur":
      return [
        code,
        f("name"),
        f("type", { options: PENYALUR_TYPES.map((v) => ({ value: v, label: t(`master.enums.type.${v}`) })) }),
        f("disbursementGate", { options: GATES.map((v) => ({ value: v, label: t(`master.enums.gate.${v}`) })), hint: t("master.hints.gate") }),
      ];
    case "office":
      return [
        f("penyalur", editing ? { readOnly: true } : { options: list(o.penyalur) }),
        code,
        f("name"),
        f("level", { options: OFFICE_LEVELS.map((v) => ({ value: v, label: t(`master.enums.level.${v}`) })) }),
        f("province", { options: o.provinces.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })) }),
        f("timeZone", { options: zones }),
        f("kantorCabang", { options: list(o.kantorCabang), hint: t("master.hints.kantorCabang") }),
      ];
    case "province":
      return [code, f("name"), kanwil, f("timeZone", { options: zones })];
    case "regency":
      return [
        f("province", editing ? { readOnly: true } : { options: o.provinces.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })) }),
        f("code", { hint: t("master.hints.regencyCode"), readOnly: editing, inputMode: "numeric" }),
        f("name", { hint: t("master.hints.regencyName") }),
      ];
  }
}
