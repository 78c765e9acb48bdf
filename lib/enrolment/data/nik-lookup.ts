import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { maskPhone } from "@/lib/auth/permissions";
import { penyalurOfficeOf } from "@/lib/auth/scope";
import { provinceByCode } from "@/lib/rules";
import { isoDay } from "@/lib/enrolment/data/shared";

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

/**
 * What the e-form learns about a NIK (docs/decisions/0012-nik-lookup-disclosure.md):
 * - not registered: nothing more;
 * - registered and already enrolled by the officer's own penyalur (the bank holds this debtor's data
 *   already): the stored data, read-only, to recognise the debtor;
 * - registered, but only through other penyalur: that a participant exists, nothing else. The
 *   officer asks the debtor's full name and confirms it (confirmParticipantName); no name, birth
 *   date, area, phone digits, nor which banks lend to the person.
 */
export interface NikLookup {
  registered: boolean;
  /** Only when the officer's own penyalur already enrols this participant. */
  participant: StoredParticipant | null;
  /** The address province, to suggest the BPJS branch; with `participant` only. */
  addressProvinceCode: string | null;
}

const NOT_REGISTERED: NikLookup = { registered: false, participant: null, addressProvinceCode: null };

/** Bank officers only (their penyalur decides what they see); the NIK must be well-formed. */
export async function lookupNik(actor: Actor, nik: string): Promise<NikLookup> {
  const own = penyalurOfficeOf(actor);
  if (!own || !/^\d{16}$/.test(nik)) return NOT_REGISTERED;
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
      enrolments: { where: { penyalurId: own.penyalurId }, select: { id: true }, take: 1 },
    },
  });
  if (!p) return NOT_REGISTERED;
  if (!p.enrolments.length) return { registered: true, participant: null, addressProvinceCode: null };
  return { registered: true, participant: storedParticipantOf(p), addressProvinceCode: p.addressProvinceCode };
}

/** Case, spacing and punctuation do not count: "Siti  Rahmawati," is "SITI RAHMAWATI". */
export function comparableName(name: string): string {
  return name
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Whether `name` (as the debtor gives it) is the stored full name of the participant with `nik`;
 * null when the NIK is not registered or the actor is no bank officer.
 */
export async function participantNameMatches(actor: Actor, nik: string, name: string): Promise<boolean | null> {
  if (!penyalurOfficeOf(actor) || !/^\d{16}$/.test(nik)) return null;
  const p = await db().participant.findUnique({ where: { nik }, select: { fullName: true } });
  if (!p) return null;
  return comparableName(p.fullName) === comparableName(name);
}
