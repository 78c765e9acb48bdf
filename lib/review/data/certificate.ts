import "server-only";
import { isUuid } from "@/lib/search-params";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { maskNik } from "@/lib/auth/permissions";
import { enrolmentWhere } from "@/lib/auth/scope";
import { todayInZone, type CoverageStatus } from "@/lib/rules";
import { coverageFromLines, programsOf } from "@/lib/review/data/shared";

export interface CertificateData {
  kpj: string;
  fullName: string;
  nikMasked: string;
  programs: string[];
  protectedUntil: string | null;
  status: CoverageStatus;
  kantorCabangName: string;
  kanwilName: string;
  penyalurName: string;
  approvedAt: string;
  verificationCode: string;
  /** The billing code channels take (lib/rules/billing.ts), printed with how to pay (issue #15). */
  billingCode: string | null;
  issuedOn: string;
}

/**
 * The certificate's content, for the owning bank office or the reviewing branch only.
 * "not-found" when the enrolment is missing or out of scope (404), "not-approved" when it has no
 * certificate yet (409).
 */
export async function certificateFor(actor: Actor, id: string, now: Date): Promise<CertificateData | "not-found" | "not-approved"> {
  const scopeWhere = enrolmentWhere(actor, "certificate:download");
  if (!scopeWhere || !isUuid(id)) return "not-found";
  const e = await db().enrolment.findFirst({
    where: { AND: [{ id }, scopeWhere] },
    select: {
      status: true,
      kpj: true,
      billingCode: true,
      jht: true,
      approvedAt: true,
      verificationCode: true,
      coverStartMonth: true,
      participant: { select: { fullName: true, nik: true } },
      penyalur: { select: { name: true } },
      kantorCabang: { select: { name: true, timeZone: true, kanwil: { select: { name: true } } } },
      contributionLines: { select: { month: true, status: true, dueDate: true } },
    },
  });
  if (!e) return "not-found";
  if (e.status !== "APPROVED" || !e.kpj || !e.verificationCode || !e.coverStartMonth || !e.approvedAt) return "not-approved";
  const { today, coverage } = coverageFromLines(e.coverStartMonth, e.contributionLines, now, e.kantorCabang.timeZone);
  return {
    kpj: e.kpj,
    fullName: e.participant.fullName,
    nikMasked: maskNik(e.participant.nik),
    programs: programsOf(e.jht),
    protectedUntil: coverage.protectedUntil,
    status: coverage.status,
    kantorCabangName: e.kantorCabang.name,
    kanwilName: e.kantorCabang.kanwil.name,
    penyalurName: e.penyalur.name,
    approvedAt: todayInZone(e.approvedAt, e.kantorCabang.timeZone),
    verificationCode: e.verificationCode,
    billingCode: e.billingCode,
    issuedOn: today,
  };
}
