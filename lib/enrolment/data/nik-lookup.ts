import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { maskPhone } from "@/lib/auth/permissions";
import { penyalurOfficeOf } from "@/lib/auth/scope";
import { provinceByCode } from "@/lib/rules";
import { isoDay, otherPenyalurActiveNames } from "@/lib/enrolment/data/shared";

/** A registered participant as the e-form shows it read-only: enough to recognise the debtor, no more. */
export interface StoredParticipant {
  fullName: string;
  birthDate: string;
  sex: "L" | "P";
  birthPlace: string | null;
  /** Last digits only: "•••• 7890" (lib/auth/permissions maskPhone). */
  phoneMasked: string;
  /** Regency and province; the street stays in the database. */
  area: string | null;
}

export function storedParticipantOf(p: {
  fullName: string;
  birthDate: Date;
  sex: "L" | "P";
  birthPlace: string | null;
  phone: string;
  addressRegency: string | null;
  addressProvinceCode: string | null;
}): StoredParticipant {
  const province = p.addressProvinceCode ? provinceByCode(p.addressProvinceCode)?.name : null;
  return {
    fullName: p.fullName,
    birthDate: isoDay(p.birthDate),
    sex: p.sex,
    birthPlace: p.birthPlace,
    phoneMasked: maskPhone(p.phone),
    area: [p.addressRegency, province].filter(Boolean).join(", ") || null,
  };
}

export interface NikLookup {
  participant: StoredParticipant | null;
  /** The address province, to suggest the BPJS branch. */
  addressProvinceCode: string | null;
  otherPenyalurActive: string[];
}

/**
 * What the e-form learns about a NIK as the officer types it: whether it is a registered participant
 * (then their stored data is reused, shown read-only) and which other penyalur hold an active
 * enrolment for it (a warning: names only). Bank officers only; the NIK must be well-formed.
 */
export async function lookupNik(actor: Actor, nik: string): Promise<NikLookup> {
  const own = penyalurOfficeOf(actor);
  if (!own || !/^\d{16}$/.test(nik)) {
    return { participant: null, addressProvinceCode: null, otherPenyalurActive: [] };
  }
  const p = await db().participant.findUnique({
    where: { nik },
    select: {
      id: true,
      fullName: true,
      birthDate: true,
      sex: true,
      birthPlace: true,
      phone: true,
      addressRegency: true,
      addressProvinceCode: true,
    },
  });
  if (!p) return { participant: null, addressProvinceCode: null, otherPenyalurActive: [] };
  return {
    participant: storedParticipantOf(p),
    addressProvinceCode: p.addressProvinceCode,
    otherPenyalurActive: await otherPenyalurActiveNames(db(), p.id, own.penyalurId),
  };
}
