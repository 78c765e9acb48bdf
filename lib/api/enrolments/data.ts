import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";

/** A penyalur office as the API names it: by code, within the key's penyalur only. */
export interface ApiOffice {
  id: string;
  penyalurId: string;
  penyalurCode: string;
  code: string;
  name: string;
  timeZone: string;
  defaultKantorCabangId: string | null;
}

const OFFICE_SELECT = {
  id: true,
  penyalurId: true,
  code: true,
  name: true,
  timeZone: true,
  defaultKantorCabangId: true,
  penyalur: { select: { code: true } },
} as const;

type OfficeRow = { id: string; penyalurId: string; code: string; name: string; timeZone: string; defaultKantorCabangId: string | null; penyalur: { code: string } };
const officeOf = (o: OfficeRow): ApiOffice => ({
  id: o.id,
  penyalurId: o.penyalurId,
  penyalurCode: o.penyalur.code,
  code: o.code,
  name: o.name,
  timeZone: o.timeZone,
  defaultKantorCabangId: o.defaultKantorCabangId,
});

/** The office with `code` at the key's penyalur; null for another penyalur's or a retired office. */
export async function apiOfficeByCode(penyalurId: string, code: string): Promise<ApiOffice | null> {
  const o = await db().penyalurOffice.findFirst({ where: { penyalurId, code, retiredAt: null }, select: OFFICE_SELECT });
  return o ? officeOf(o) : null;
}

/** The office an enrolment of the key's penyalur belongs to; null when it is not the penyalur's (404). */
export async function apiEnrolmentOffice(penyalurId: string, enrolmentId: string): Promise<ApiOffice | null> {
  const e = await db().enrolment.findFirst({
    where: { id: enrolmentId, penyalurId },
    select: { penyalurOffice: { select: OFFICE_SELECT } },
  });
  return e ? officeOf(e.penyalurOffice) : null;
}

/** Whether the NIK is a registered participant: then the stored data is used, as on the e-form. */
export async function participantRegistered(nik: string): Promise<boolean> {
  return (await db().participant.count({ where: { nik } })) > 0;
}

/**
 * The actor an API call reads as: the enrolment's own penyalur office, as its officers read it, so the
 * API's reads go through the same scoped readers as the officer's record page (lib/auth/scope.ts).
 * `id` is the office's integration user when one exists (writes use lib/api/enrolments/mutations.ts).
 */
export function officeReader(office: ApiOffice, userId: string): Actor {
  return {
    id: userId,
    name: `H2H ${office.penyalurCode} ${office.code}`,
    email: integrationEmail(office),
    role: "BANK_OFFICER",
    scope: { kind: "PENYALUR_OFFICE", penyalurId: office.penyalurId, penyalurOfficeId: office.id },
    officeName: office.name,
    timeZone: office.timeZone,
    secondFactor: "off",
  };
}

/** The integration user's address: under the reserved .invalid domain, so no mail can ever reach it. */
/** The domain of every integration account's address (`.invalid`: no mail can reach it). */
export const INTEGRATION_EMAIL_DOMAIN = "@integrasi.lindungikur.invalid";

export function integrationEmail(office: Pick<ApiOffice, "penyalurCode" | "code">): string {
  return `h2h.${office.penyalurCode}.${office.code}${INTEGRATION_EMAIL_DOMAIN}`.toLowerCase();
}

/** The loan columns of an enrolment (lib/api/enrolments-schema.ts `loan`). */
export async function loanColumns(enrolmentId: string) {
  return db().enrolment.findUniqueOrThrow({
    where: { id: enrolmentId },
    select: {
      loanNumber: true,
      rejectReason: true,
      disbursedOn: true,
      disbursedAmount: true,
      loanTenorMonths: true,
      tenorMonths: true,
      expectedCoverEndMonth: true,
      obligationEndedOn: true,
      obligationEndReason: true,
      coverageGap: true,
    },
  });
}

/** The first request's body hash under an Idempotency-Key, or null when the key is new. */
export async function idempotencyClaim(penyalurId: string, key: string) {
  return db().apiIdempotencyKey.findUnique({ where: { penyalurId_key: { penyalurId, key } }, select: { requestHash: true, submissionKey: true } });
}
