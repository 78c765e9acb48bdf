/**
 * Disbursement clearance (RULES.md §2, Permenko 1/2023 cover letter point 5): a debtor who must be
 * covered may not have the loan marked ready for disbursement until the enrolment is approved (KPJ
 * issued) and the first contribution is paid. Whether the portal blocks or only warns is a
 * per-penyalur setting; the default is block.
 */
import type { MandateStatus } from "./mandate";

export type DisbursementGate = "BLOCK" | "WARN";
export type EnrolmentStatus = "DRAFT" | "SUBMITTED" | "RETURNED" | "APPROVED" | "REJECTED";

export interface ClearanceInput {
  mandateStatus: MandateStatus;
  enrolmentStatus: EnrolmentStatus;
  firstMonthPaid: boolean;
  gate: DisbursementGate;
}

export type ClearanceState = "CLEARED" | "WARNING" | "BLOCKED";

export interface Clearance {
  state: ClearanceState;
  /** "Boleh dicairkan" / "Belum boleh dicairkan — <reason>": the line a teller reads. */
  headline: string;
  headlineEn: string;
  reasons: string[];
  reasonsEn: string[];
}

/** Fail closed: only these decisions let a loan go out without cover; anything else needs it. */
const COVER_NOT_REQUIRED: readonly MandateStatus[] = ["VOLUNTARY", "OUT_OF_SCOPE"];

export function disbursementClearance(input: ClearanceInput): Clearance {
  if (COVER_NOT_REQUIRED.includes(input.mandateStatus)) {
    return {
      state: "CLEARED",
      headline: "Boleh dicairkan",
      headlineEn: "May be disbursed",
      reasons: ["Kepesertaan BPJS Ketenagakerjaan tidak disyaratkan sebelum pencairan untuk debitur ini."],
      reasonsEn: ["BPJS Ketenagakerjaan cover is not a condition of disbursement for this debtor."],
    };
  }
  const reasons: string[] = [];
  const reasonsEn: string[] = [];
  if (input.enrolmentStatus === "REJECTED") {
    reasons.push("pendaftaran ditolak BPJS Ketenagakerjaan");
    reasonsEn.push("the enrolment was rejected by BPJS Ketenagakerjaan");
  } else if (input.enrolmentStatus !== "APPROVED") {
    reasons.push("menunggu persetujuan BPJS Ketenagakerjaan (KPJ belum terbit)");
    reasonsEn.push("awaiting BPJS Ketenagakerjaan approval (no KPJ yet)");
  }
  if (!input.firstMonthPaid) {
    reasons.push("iuran bulan pertama belum dibayar");
    reasonsEn.push("the first month's contribution is unpaid");
  }
  if (reasons.length === 0) {
    return { state: "CLEARED", headline: "Boleh dicairkan", headlineEn: "May be disbursed", reasons, reasonsEn };
  }
  const why = reasons.join("; ");
  const whyEn = reasonsEn.join("; ");
  if (input.gate === "WARN") {
    return {
      state: "WARNING",
      headline: `Boleh dicairkan dengan peringatan — ${why}`,
      headlineEn: `May be disbursed with a warning — ${whyEn}`,
      reasons,
      reasonsEn,
    };
  }
  return {
    state: "BLOCKED",
    headline: `Belum boleh dicairkan — ${why}`,
    headlineEn: `Not yet to be disbursed — ${whyEn}`,
    reasons,
    reasonsEn,
  };
}
