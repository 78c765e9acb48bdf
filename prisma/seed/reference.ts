/**
 * Master data: the 11 Kanwil, the 38 provinces (from lib/rules' copy of the shared reference), and
 * the demo's BPJS branches and penyalur offices. Upserts by natural key, so running it again changes
 * nothing; an administrator's later edits to names are left as they are.
 */
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { PROVINCES } from "../../lib/rules";
import { REGENCIES } from "./regencies";

export const KANWIL_NAMES: Record<string, string> = {
  SUMBAGUT: "Kanwil Sumbagut",
  SUMBARRIAU: "Kanwil Sumbarriau",
  SUMBAGSEL: "Kanwil Sumbagsel",
  BANTEN: "Kanwil Banten",
  DKI_JAKARTA: "Kanwil DKI Jakarta",
  JAWA_BARAT: "Kanwil Jawa Barat",
  JATENG_DIY: "Kanwil Jawa Tengah & DIY",
  JAWA_TIMUR: "Kanwil Jawa Timur",
  KALIMANTAN: "Kanwil Kalimantan",
  SULAMA: "Kanwil Sulama",
  BANUSPA: "Kanwil Banuspa",
};

/** code, name, province code (the Kanwil and zone follow from the province). */
export const KANTOR_CABANG: ReadonlyArray<[string, string, string]> = [
  ["KC-MEDAN", "KC Medan Kota", "12"],
  ["KC-PEKANBARU", "KC Pekanbaru Kota", "14"],
  ["KC-PALEMBANG", "KC Palembang", "16"],
  ["KC-SERANG", "KC Serang", "36"],
  ["KC-JAKARTA", "KC Jakarta Menara Jamsostek", "31"],
  ["KC-BANDUNG-SUCI", "KC Bandung Suci", "32"],
  ["KC-BANDUNG-SOETTA", "KC Bandung Soekarno Hatta", "32"],
  ["KC-SEMARANG", "KC Semarang Majapahit", "33"],
  ["KC-SURABAYA", "KC Surabaya Rungkut", "35"],
  ["KC-BALIKPAPAN", "KC Balikpapan", "64"],
  ["KC-MAKASSAR", "KC Makassar", "73"],
  ["KC-DENPASAR", "KC Denpasar", "51"],
  ["KC-JAYAPURA", "KC Jayapura", "91"],
];

export const PENYALUR: ReadonlyArray<{ code: string; name: string; type: "BANK"; gate: "BLOCK" | "WARN" }> = [
  { code: "BRI", name: "BRI", type: "BANK", gate: "BLOCK" },
  { code: "BNI", name: "BNI", type: "BANK", gate: "BLOCK" },
  { code: "MANDIRI", name: "Bank Mandiri", type: "BANK", gate: "BLOCK" },
  // A regional bank that chose "warn" for the disbursement gate (docs/regulation.md §2), to show both settings.
  { code: "BJB", name: "bank bjb", type: "BANK", gate: "WARN" },
];

/** penyalur, code, parent code, level, name, province, default BPJS branch. */
export const OFFICES: ReadonlyArray<[string, string, string | null, "HEAD_OFFICE" | "BRANCH" | "UNIT", string, string, string | null]> = [
  ["BRI", "BRI-KP", null, "HEAD_OFFICE", "Kantor Pusat", "31", "KC-JAKARTA"],
  ["BRI", "BRI-BDG-AA", "BRI-KP", "BRANCH", "Kantor Cabang Bandung Asia Afrika", "32", "KC-BANDUNG-SUCI"],
  ["BRI", "BRI-BDG-CCD", "BRI-BDG-AA", "UNIT", "Unit Cicadas", "32", "KC-BANDUNG-SUCI"],
  ["BRI", "BRI-SMG", "BRI-KP", "BRANCH", "Kantor Cabang Semarang Pattimura", "33", "KC-SEMARANG"],
  ["BNI", "BNI-KP", null, "HEAD_OFFICE", "Kantor Pusat", "31", "KC-JAKARTA"],
  ["BNI", "BNI-BDG", "BNI-KP", "BRANCH", "Kantor Cabang Bandung", "32", "KC-BANDUNG-SUCI"],
  ["MANDIRI", "MDR-KP", null, "HEAD_OFFICE", "Kantor Pusat", "31", "KC-JAKARTA"],
  ["MANDIRI", "MDR-SBY", "MDR-KP", "BRANCH", "Kantor Cabang Surabaya Basuki Rahmat", "35", "KC-SURABAYA"],
  ["BJB", "BJB-KP", null, "HEAD_OFFICE", "Kantor Pusat", "32", "KC-BANDUNG-SOETTA"],
  ["BJB", "BJB-BDG", "BJB-KP", "BRANCH", "Kantor Cabang Utama Bandung", "32", "KC-BANDUNG-SOETTA"],
];

export async function seedReference(prisma: PrismaClient): Promise<void> {
  const kanwilIds = new Map<string, string>();
  for (const [code, name] of Object.entries(KANWIL_NAMES)) {
    const k = await prisma.kanwil.upsert({ where: { code }, create: { code, name }, update: {}, select: { id: true } });
    kanwilIds.set(code, k.id);
  }
  for (const p of PROVINCES) {
    await prisma.province.upsert({
      where: { code: p.code },
      create: { code: p.code, name: p.name, timeZone: p.timeZone, kanwilId: kanwilIds.get(p.kanwil)! },
      update: {},
    });
  }
  // Kemendagri's regencies/cities (generated, ./regencies.ts): added when missing, never overwritten,
  // so a name an administrator corrected or a regency they retired stays as they left it.
  await prisma.regency.createMany({
    data: REGENCIES.map(([code, name]) => ({ code, provinceCode: code.slice(0, 2), name })),
    skipDuplicates: true,
  });
  const kcIds = new Map<string, string>();
  for (const [code, name, provinceCode] of KANTOR_CABANG) {
    const province = PROVINCES.find((p) => p.code === provinceCode)!;
    const kc = await prisma.kantorCabang.upsert({
      where: { code },
      create: { code, name, provinceCode, timeZone: province.timeZone, kanwilId: kanwilIds.get(province.kanwil)! },
      update: {},
      select: { id: true },
    });
    kcIds.set(code, kc.id);
  }
  const penyalurIds = new Map<string, string>();
  for (const p of PENYALUR) {
    const row = await prisma.penyalur.upsert({
      where: { code: p.code },
      create: { code: p.code, name: p.name, type: p.type, disbursementGate: p.gate },
      update: {},
      select: { id: true },
    });
    penyalurIds.set(p.code, row.id);
  }
  const officeIds = new Map<string, string>();
  for (const [penyalur, code, parent, level, name, provinceCode, kc] of OFFICES) {
    const penyalurId = penyalurIds.get(penyalur)!;
    const province = PROVINCES.find((p) => p.code === provinceCode)!;
    const row = await prisma.penyalurOffice.upsert({
      where: { penyalurId_code: { penyalurId, code } },
      create: {
        penyalurId,
        code,
        level,
        name,
        provinceCode,
        timeZone: province.timeZone,
        parentId: parent ? officeIds.get(parent)! : null,
        defaultKantorCabangId: kc ? kcIds.get(kc)! : null,
      },
      update: {},
      select: { id: true },
    });
    officeIds.set(code, row.id);
  }
}
