import "server-only";
import { db } from "@/lib/db";
import { maskName } from "@/lib/review/identity";
import type { CoverageStatus } from "@/lib/rules";
import { coverageFromLines, programsOf } from "@/lib/review/data/shared";

export interface VerificationView {
  maskedName: string;
  status: CoverageStatus;
  protectedUntil: string | null;
  programs: string[];
  checkedOn: string;
}

const CODE_PATTERN = /^[A-Za-z0-9_-]{27}$/;

/**
 * The public verification of a certificate's QR code: only what a third party needs (masked name,
 * coverage status, protected until, programs), never the NIK, KPJ, phone or birth date. One indexed
 * query whether or not the code exists, so an unknown code is not obviously faster or slower.
 */
export async function verificationByCode(code: string, now: Date): Promise<VerificationView | null> {
  if (!CODE_PATTERN.test(code)) return null;
  const e = await db().enrolment.findUnique({
    where: { verificationCode: code },
    select: {
      status: true,
      jht: true,
      coverStartMonth: true,
      participant: { select: { fullName: true } },
      kantorCabang: { select: { timeZone: true } },
      contributionLines: { select: { month: true, status: true, dueDate: true } },
    },
  });
  if (!e || e.status !== "APPROVED" || !e.coverStartMonth) return null;
  const { today, coverage } = coverageFromLines(e.coverStartMonth, e.contributionLines, now, e.kantorCabang.timeZone);
  return {
    maskedName: maskName(e.participant.fullName),
    status: coverage.status,
    protectedUntil: coverage.protectedUntil,
    programs: programsOf(e.jht),
    checkedOn: today,
  };
}
