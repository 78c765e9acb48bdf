import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import type { Scope } from "@/lib/auth/roles";
import type { KurScheme, MandateStatus, PhaseRule } from "@/lib/rules";

/**
 * The enrolments a scope may read, as a Prisma filter; null means none at all (fail closed).
 * Mirrors lib/auth/roles.ts scopeCovers, which is the rule; tests check the two agree.
 */
export function enrolmentScopeWhere(scope: Scope): Prisma.EnrolmentWhereInput | null {
  switch (scope.kind) {
    case "PENYALUR_OFFICE":
      return { penyalurOfficeId: scope.penyalurOfficeId };
    case "KANTOR_CABANG":
      return { kantorCabangId: scope.kantorCabangId };
    case "KANWIL":
      return { kantorCabang: { kanwilId: scope.kanwilId } };
    case "ALL":
      return {};
    default:
      return null;
  }
}

export interface KantorCabangOption {
  id: string;
  name: string;
  kanwilName: string;
  kanwilCode: string;
}

export interface EnrolmentFormOptions {
  kantorCabang: KantorCabangOption[];
  suggestedKantorCabangId: string | null;
  officeName: string;
  penyalurId: string;
  /** Phase rules that can apply to this penyalur, for the live preview (the server decides again). */
  phaseRules: PhaseRule[];
}

/** Phase rules that can apply to a penyalur (its own and the ones for every penyalur). */
export async function phaseRulesFor(penyalurId: string): Promise<PhaseRule[]> {
  const rows = await db().phaseRule.findMany({
    where: { OR: [{ penyalurId: null }, { penyalurId }] },
    select: {
      id: true,
      penyalurId: true,
      startDate: true,
      kanwil: { select: { code: true, name: true } },
      penyalur: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    penyalurId: r.penyalurId,
    kanwilCode: r.kanwil?.code ?? null,
    startDate: r.startDate.toISOString().slice(0, 10),
    scopeLabel: [r.penyalur?.name ?? "semua penyalur", r.kanwil ? `di ${r.kanwil.name}` : "di seluruh Indonesia"].join(" "),
  }));
}

/** What the e-form needs: the BPJS branches, with the one serving the officer's office first. */
export async function enrolmentFormOptions(actor: Actor): Promise<EnrolmentFormOptions | null> {
  if (actor.scope.kind !== "PENYALUR_OFFICE") return null;
  const [office, branches, phaseRules] = await Promise.all([
    db().penyalurOffice.findUnique({
      where: { id: actor.scope.penyalurOfficeId },
      select: { name: true, defaultKantorCabangId: true, provinceCode: true, penyalur: { select: { name: true } } },
    }),
    db().kantorCabang.findMany({
      select: { id: true, name: true, provinceCode: true, kanwil: { select: { name: true, code: true } } },
      orderBy: [{ kanwil: { name: "asc" } }, { name: "asc" }],
    }),
    phaseRulesFor(actor.scope.penyalurId),
  ]);
  if (!office) return null;
  const suggested =
    office.defaultKantorCabangId ?? branches.find((b) => b.provinceCode === office.provinceCode)?.id ?? null;
  return {
    kantorCabang: branches.map((b) => ({ id: b.id, name: b.name, kanwilName: b.kanwil.name, kanwilCode: b.kanwil.code })),
    suggestedKantorCabangId: suggested,
    officeName: `${office.penyalur.name} — ${office.name}`,
    penyalurId: actor.scope.penyalurId,
    phaseRules,
  };
}

export interface ContributionLineDto {
  month: string;
  tierBasis: number;
  jkkGross: number;
  jkmGross: number;
  jhtGross: number;
  jkk: number;
  jkm: number;
  jht: number;
  discount: number;
  reliefRuleId: string | null;
  total: number;
  dueDate: string;
  status: "DUE" | "PAID";
}

export interface EnrolmentDetail {
  id: string;
  status: "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "REJECTED";
  scheme: KurScheme;
  plafon: number;
  declaredIncome: number;
  tierIndex: number;
  tierBasis: number;
  tierTableVersion: string;
  jht: boolean;
  kpj: string | null;
  submittedAt: string | null;
  createdAt: string;
  mandate: {
    status: MandateStatus;
    ruleId: string;
    ruleVersion: string;
    legalBasis: string;
    explanation: string;
    requiredFrom: string | null;
    inputs: Record<string, unknown>;
  };
  participant: { nik: string; fullName: string; birthDate: string; sex: "L" | "P"; phone: string };
  office: { name: string; penyalurName: string; disbursementGate: "BLOCK" | "WARN"; timeZone: string };
  kantorCabang: { name: string; kanwilName: string; timeZone: string };
  officerName: string;
  contributionLines: ContributionLineDto[];
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** One enrolment, only if the actor's scope covers it; null otherwise (the caller shows 404). */
export async function enrolmentForActor(actor: Actor, id: string): Promise<EnrolmentDetail | null> {
  const scopeWhere = enrolmentScopeWhere(actor.scope);
  if (!scopeWhere || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const e = await db().enrolment.findFirst({
    where: { AND: [{ id }, scopeWhere] },
    select: {
      id: true,
      status: true,
      scheme: true,
      plafon: true,
      declaredIncome: true,
      tierIndex: true,
      tierBasis: true,
      tierTableVersion: true,
      jht: true,
      kpj: true,
      submittedAt: true,
      createdAt: true,
      mandateStatus: true,
      mandateRuleId: true,
      mandateRuleVersion: true,
      mandateLegalBasis: true,
      mandateExplanation: true,
      mandateRequiredFrom: true,
      mandateInputs: true,
      participant: { select: { nik: true, fullName: true, birthDate: true, sex: true, phone: true } },
      penyalurOffice: {
        select: { name: true, timeZone: true, penyalur: { select: { name: true, disbursementGate: true } } },
      },
      kantorCabang: { select: { name: true, timeZone: true, kanwil: { select: { name: true } } } },
      officer: { select: { name: true } },
      contributionLines: {
        orderBy: { month: "asc" },
        select: {
          month: true,
          tierBasis: true,
          jkkGross: true,
          jkmGross: true,
          jhtGross: true,
          jkk: true,
          jkm: true,
          jht: true,
          discount: true,
          reliefRuleId: true,
          total: true,
          dueDate: true,
          status: true,
        },
      },
    },
  });
  if (!e) return null;
  return {
    id: e.id,
    status: e.status,
    scheme: e.scheme,
    plafon: e.plafon,
    declaredIncome: e.declaredIncome,
    tierIndex: e.tierIndex,
    tierBasis: e.tierBasis,
    tierTableVersion: e.tierTableVersion,
    jht: e.jht,
    kpj: e.kpj,
    submittedAt: e.submittedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    mandate: {
      status: e.mandateStatus,
      ruleId: e.mandateRuleId,
      ruleVersion: e.mandateRuleVersion,
      legalBasis: e.mandateLegalBasis,
      explanation: e.mandateExplanation,
      requiredFrom: e.mandateRequiredFrom ? isoDay(e.mandateRequiredFrom) : null,
      inputs: (e.mandateInputs ?? {}) as Record<string, unknown>,
    },
    participant: {
      nik: e.participant.nik,
      fullName: e.participant.fullName,
      birthDate: isoDay(e.participant.birthDate),
      sex: e.participant.sex,
      phone: e.participant.phone,
    },
    office: {
      name: e.penyalurOffice.name,
      penyalurName: e.penyalurOffice.penyalur.name,
      disbursementGate: e.penyalurOffice.penyalur.disbursementGate,
      timeZone: e.penyalurOffice.timeZone,
    },
    kantorCabang: { name: e.kantorCabang.name, kanwilName: e.kantorCabang.kanwil.name, timeZone: e.kantorCabang.timeZone },
    officerName: e.officer.name,
    contributionLines: e.contributionLines.map((l) => ({
      month: isoDay(l.month).slice(0, 7),
      tierBasis: l.tierBasis,
      jkkGross: l.jkkGross,
      jkmGross: l.jkmGross,
      jhtGross: l.jhtGross,
      jkk: l.jkk,
      jkm: l.jkm,
      jht: l.jht,
      discount: l.discount,
      reliefRuleId: l.reliefRuleId,
      total: l.total,
      dueDate: isoDay(l.dueDate),
      status: l.status,
    })),
  };
}

export interface EnrolmentListItem {
  id: string;
  fullName: string;
  nikMasked: string;
  scheme: KurScheme;
  plafon: number;
  mandateStatus: MandateStatus;
  status: EnrolmentDetail["status"];
  submittedAt: string | null;
  officeName: string;
  kantorCabangName: string;
}

/** "3201********0001": enough to tell debtors apart, not enough to misuse (UU 27/2022). */
export function maskNik(nik: string): string {
  return nik.length === 16 ? `${nik.slice(0, 4)}********${nik.slice(12)}` : "****************";
}

/** The newest enrolments the actor may read. */
export async function recentEnrolments(actor: Actor, take = 20): Promise<EnrolmentListItem[]> {
  const scopeWhere = enrolmentScopeWhere(actor.scope);
  if (!scopeWhere) return [];
  const rows = await db().enrolment.findMany({
    where: scopeWhere,
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      scheme: true,
      plafon: true,
      mandateStatus: true,
      status: true,
      submittedAt: true,
      participant: { select: { fullName: true, nik: true } },
      penyalurOffice: { select: { name: true, penyalur: { select: { name: true } } } },
      kantorCabang: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    fullName: r.participant.fullName,
    nikMasked: maskNik(r.participant.nik),
    scheme: r.scheme,
    plafon: r.plafon,
    mandateStatus: r.mandateStatus,
    status: r.status,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    officeName: `${r.penyalurOffice.penyalur.name} — ${r.penyalurOffice.name}`,
    kantorCabangName: r.kantorCabang.name,
  }));
}
