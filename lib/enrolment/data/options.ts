// What the e-form needs to render: the BPJS branches, the office, the provinces, the phase rules.
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { penyalurOfficeOf } from "@/lib/auth/scope";
import { PROVINCES, type KurScheme, type PhaseRule } from "@/lib/rules";

export interface KantorCabangOption {
  id: string;
  name: string;
  kanwilName: string;
  kanwilCode: string;
  provinceCode: string;
}

export interface EnrolmentFormOptions {
  kantorCabang: KantorCabangOption[];
  suggestedKantorCabangId: string | null;
  officeName: string;
  penyalurId: string;
  /** The office's province: the default for the business province. */
  officeProvinceCode: string;
  provinces: { code: string; name: string }[];
  /** Phase rules that can apply to this penyalur, for the live preview (the server decides again). */
  phaseRules: PhaseRule[];
}

/** The columns a PhaseRule row is read with to become a lib/rules PhaseRule (phaseRuleOf). */
export const PHASE_RULE_SELECT = {
  id: true,
  penyalurId: true,
  startDate: true,
  endDate: true,
  schemes: true,
  provinceCode: true,
  kanwil: { select: { code: true, name: true } },
  province: { select: { name: true } },
  penyalur: { select: { name: true } },
} as const;

type PhaseRuleRow = {
  id: string;
  penyalurId: string | null;
  startDate: Date;
  endDate: Date | null;
  schemes: KurScheme[];
  provinceCode: string | null;
  kanwil: { code: string; name: string } | null;
  province: { name: string } | null;
  penyalur: { name: string } | null;
};

/** A stored phase rule as the mandate rule reads it, with the scope label a decision quotes. */
export function phaseRuleOf(r: PhaseRuleRow): PhaseRule {
  return {
    id: r.id,
    penyalurId: r.penyalurId,
    kanwilCode: r.kanwil?.code ?? null,
    provinceCode: r.provinceCode,
    schemes: r.schemes,
    startDate: r.startDate.toISOString().slice(0, 10),
    endDate: r.endDate?.toISOString().slice(0, 10) ?? null,
    scopeLabel: [
      r.penyalur?.name ?? "semua penyalur",
      r.kanwil ? `di ${r.kanwil.name}` : r.province ? `di Provinsi ${r.province.name}` : "di seluruh Indonesia",
    ].join(" "),
  };
}

/**
 * Phase rules that can apply to a penyalur (its own and the ones for every penyalur), ended ones
 * included: matchPhaseRule decides by the decision date which of them are in force.
 */
export async function phaseRulesFor(penyalurId: string, client: Pick<ReturnType<typeof db>, "$queryRaw"> = db()): Promise<PhaseRule[]> {
  // One statement (Prisma's nested select is four): every submit, quote and clearance reads this.
  const rows = await client.$queryRaw<(Omit<PhaseRuleRow, "kanwil" | "province" | "penyalur"> & { kanwilCode: string | null; kanwilName: string | null; provinceName: string | null; penyalurName: string | null })[]>`
    select r.id, r."penyalurId", r."startDate", r."endDate", r.schemes::text[] as schemes, r."provinceCode",
           k.code as "kanwilCode", k.name as "kanwilName", pv.name as "provinceName", py.name as "penyalurName"
      from "PhaseRule" r
      left join "Kanwil" k on k.id = r."kanwilId"
      left join "Province" pv on pv.code = r."provinceCode"
      left join "Penyalur" py on py.id = r."penyalurId"
     where r."penyalurId" is null or r."penyalurId" = ${penyalurId}::uuid`;
  return rows.map((r) =>
    phaseRuleOf({
      ...r,
      kanwil: r.kanwilCode === null ? null : { code: r.kanwilCode, name: r.kanwilName! },
      province: r.provinceName === null ? null : { name: r.provinceName },
      penyalur: r.penyalurName === null ? null : { name: r.penyalurName },
    }),
  );
}

/** What the e-form needs: the BPJS branches, with the one serving the officer's office first. */
export async function enrolmentFormOptions(actor: Actor): Promise<EnrolmentFormOptions | null> {
  const own = penyalurOfficeOf(actor);
  if (!own) return null;
  const [office, branches, phaseRules] = await Promise.all([
    db().penyalurOffice.findUnique({
      where: { id: own.penyalurOfficeId },
      select: { name: true, defaultKantorCabangId: true, provinceCode: true, penyalur: { select: { name: true } } },
    }),
    db().kantorCabang.findMany({
      // A retired Kantor Cabang serves no new enrolment (docs/decisions/0014).
      where: { retiredAt: null },
      select: { id: true, name: true, provinceCode: true, kanwil: { select: { name: true, code: true } } },
      orderBy: [{ kanwil: { name: "asc" } }, { name: "asc" }],
    }),
    phaseRulesFor(own.penyalurId),
  ]);
  if (!office) return null;
  const suggested =
    office.defaultKantorCabangId ?? branches.find((b) => b.provinceCode === office.provinceCode)?.id ?? null;
  return {
    kantorCabang: branches.map((b) => ({
      id: b.id,
      name: b.name,
      kanwilName: b.kanwil.name,
      kanwilCode: b.kanwil.code,
      provinceCode: b.provinceCode,
    })),
    suggestedKantorCabangId: suggested,
    officeName: `${office.penyalur.name} — ${office.name}`,
    penyalurId: own.penyalurId,
    officeProvinceCode: office.provinceCode,
    provinces: PROVINCES.map((p) => ({ code: p.code, name: p.name })),
    phaseRules,
  };
}
