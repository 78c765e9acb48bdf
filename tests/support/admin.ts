/**
 * Fixtures for the administrator's tests: a penyalur of its own (so a phase rule made for it cannot
 * change another test's enrolments in the same worker database), an office served by a Kantor Cabang
 * and an officer there.
 */
import { randomUUID } from "node:crypto";
import { loadActor, type Actor } from "@/lib/auth/data";
import { db } from "@/lib/db";

export interface TestPenyalur {
  penyalurId: string;
  code: string;
  officeId: string;
  officer: Actor;
}

export async function testPenyalur(kantorCabangCode = "KC-BANDUNG-SUCI"): Promise<TestPenyalur> {
  const tag = randomUUID().slice(0, 8).toUpperCase();
  const code = `UJI-${tag}`;
  const kc = await db().kantorCabang.findUniqueOrThrow({ where: { code: kantorCabangCode }, select: { id: true, provinceCode: true, timeZone: true } });
  const penyalur = await db().penyalur.create({ data: { code, name: `Bank Uji ${tag}`, type: "BANK" }, select: { id: true } });
  const office = await db().penyalurOffice.create({
    data: { penyalurId: penyalur.id, level: "BRANCH", code: "KC-1", name: `Kantor Uji ${tag}`, provinceCode: kc.provinceCode, timeZone: kc.timeZone, defaultKantorCabangId: kc.id },
    select: { id: true },
  });
  const user = await db().user.create({
    data: { email: `petugas.${tag.toLowerCase()}@test.lindungikur.id`, name: `Petugas ${tag}`, role: "BANK_OFFICER", passwordHash: "x", penyalurOfficeId: office.id },
    select: { id: true },
  });
  const officer = await loadActor(user.id);
  if (!officer) throw new Error("test officer has no scope");
  return { penyalurId: penyalur.id, code, officeId: office.id, officer };
}

/** An e-form for a KUR mikro of Rp50.000.000 (no NPWP needed). */
export const MIKRO_FORM = { scheme: "MIKRO", plafon: "50.000.000", npwp: "", attestNpwpPresent: "" } as const;
