import "server-only";
import { CONSENT_TEXT_VERSION } from "@/lib/enrolment/consent";
import type { Actor } from "@/lib/auth/data";
import { penyalurOfficeOf } from "@/lib/auth/scope";
import { detailRow, type EnrolmentDetail } from "@/lib/enrolment/data/detail";
import { storedParticipantOf, type StoredParticipant } from "@/lib/enrolment/data/nik-lookup";
import { isoDay, isoDayOrNull, otherPenyalurActiveFor } from "@/lib/enrolment/data/shared";

// Correction of a returned enrolment: the stored data as the form's strings.

export interface CorrectionData {
  id: string;
  version: number;
  status: EnrolmentDetail["status"];
  returnReason: string | null;
  nik: string;
  /** The stored data as the form's strings, to prefill it. */
  values: Record<string, string>;
  /** The participant's data may be corrected only when no other enrolment shares it. */
  participantEditable: boolean;
  participant: StoredParticipant;
  otherPenyalurActive: string[];
}

const rupiahText = (n: number) => new Intl.NumberFormat("id-ID").format(n);

/** A RETURNED (or any) enrolment of the officer's own office, as the correction form needs it; null outside scope. */
export async function correctionForActor(actor: Actor, id: string): Promise<CorrectionData | null> {
  if (!penyalurOfficeOf(actor, "enrolment:correct")) return null;
  const e = await detailRow(actor, id, "enrolment:correct");
  if (!e) return null;
  const p = e.participant;
  const editable = p._count.enrolments === 1;
  const values: Record<string, string> = {
    nik: p.nik,
    businessName: e.businessName ?? "",
    kbli: e.kbli ?? "",
    nib: e.nib ?? "",
    businessStartedOn: isoDayOrNull(e.businessStartedOn) ?? "",
    businessProvinceCode: e.businessProvinceCode ?? "",
    loanNumber: e.loanNumber ?? "",
    scheme: e.scheme,
    plafon: rupiahText(e.plafon),
    purpose: e.purpose ?? "",
    tenorMonths: e.tenorMonths?.toString() ?? "",
    plannedDisbursementDate: isoDayOrNull(e.plannedDisbursementDate) ?? "",
    // Older rows asked one count for every scheme: the per-scheme counts are asked again.
    priorMikroCount: e.priorMikroCount?.toString() ?? "",
    priorKecilCount: e.priorKecilCount?.toString() ?? "",
    outstandingMikro: e.outstandingMikro ? rupiahText(e.outstandingMikro) : "",
    workerCount: e.workerCount?.toString() ?? "",
    npwp: e.npwp ?? "",
    declaredIncome: rupiahText(e.declaredIncome),
    monthsInAdvance: String(e.monthsInAdvance),
    kantorCabangId: e.kantorCabangId,
    heirName: e.heirName ?? "",
    heirRelationship: e.heirRelationship ?? "",
    heirPhone: e.heirPhone ?? "",
  };
  // The attestations given at the first submission stay ticked: the form takes a tick off, and says
  // which, when the officer changes the data it vouches for (components/enrolment/attestation-basis.ts).
  // Consent stays when the debtor accepted the text the form shows now.
  for (const [field, given] of [
    ["attestNikChecked", e.attestNikChecked],
    ["attestSlikChecked", e.attestSlikChecked],
    ["attestNoOtherKur", e.attestNoOtherKur],
    ["attestNpwpPresent", e.attestNpwpPresent],
  ] as const) {
    if (given) values[field] = "on";
  }
  if (e.consentAt && e.consentTextVersion === CONSENT_TEXT_VERSION) values.consent = "on";
  if (e.jht) values.jht = "on";
  if (e.autoDebitConsent) values.autoDebitConsent = "on";
  if (e.employsWorkers) values.employsWorkers = "on";
  if (editable) {
    Object.assign(values, {
      fullName: p.fullName,
      birthPlace: p.birthPlace ?? "",
      birthDate: isoDay(p.birthDate),
      sex: p.sex,
      motherMaidenName: p.motherMaidenName ?? "",
      phone: p.phone,
      email: p.email ?? "",
      addressProvinceCode: p.addressProvinceCode ?? "",
      addressRegency: p.addressRegency ?? "",
      addressDistrict: p.addressDistrict ?? "",
      addressStreet: p.addressStreet ?? "",
    });
  }
  return {
    id: e.id,
    version: e.version,
    status: e.status,
    returnReason: e.returnReason,
    nik: p.nik,
    values,
    participantEditable: editable,
    participant: storedParticipantOf(p),
    otherPenyalurActive: await otherPenyalurActiveFor(actor, e.participantId, e.penyalurId),
  };
}
