/**
 * Demo accounts (one per role, listed in the README) and a few demo enrolments, written through
 * the same mutation the e-form uses. Idempotent: users are matched by e-mail, enrolments by their
 * fixed submission keys, the phase rule by its note.
 */
import bcrypt from "bcryptjs";
import type { PrismaClient } from "../../lib/generated/prisma/client";

export const DEMO_PASSWORD = "LindungiKUR-2026";

type DemoUser = {
  email: string;
  name: string;
  role: "BANK_OFFICER" | "BRANCH_REVIEWER" | "REGIONAL_MANAGER" | "HEAD_OFFICE" | "ADMIN";
  office?: [penyalurCode: string, officeCode: string];
  kantorCabang?: string;
  kanwil?: string;
};

export const DEMO_USERS: readonly DemoUser[] = [
  { email: "petugas.bri@demo.lindungikur.id", name: "Rina Marlina", role: "BANK_OFFICER", office: ["BRI", "BRI-BDG-AA"] },
  { email: "petugas.bni@demo.lindungikur.id", name: "Agus Salim", role: "BANK_OFFICER", office: ["BNI", "BNI-BDG"] },
  { email: "petugas.bjb@demo.lindungikur.id", name: "Yuni Kartika", role: "BANK_OFFICER", office: ["BJB", "BJB-BDG"] },
  { email: "verifikator.bandung@demo.lindungikur.id", name: "Dewi Lestari", role: "BRANCH_REVIEWER", kantorCabang: "KC-BANDUNG-SUCI" },
  { email: "verifikator.semarang@demo.lindungikur.id", name: "Bambang Wijaya", role: "BRANCH_REVIEWER", kantorCabang: "KC-SEMARANG" },
  { email: "manajer.jabar@demo.lindungikur.id", name: "Hendra Gunawan", role: "REGIONAL_MANAGER", kanwil: "JAWA_BARAT" },
  { email: "pusat@demo.lindungikur.id", name: "Siti Rahmawati", role: "HEAD_OFFICE" },
  { email: "admin@demo.lindungikur.id", name: "Admin Portal", role: "ADMIN" },
];

export const DEMO_PHASE_RULE_NOTE = "Contoh demo: perluasan bertahap BRI di wilayah Kanwil Jawa Barat";

export async function seedDemoUsers(prisma: PrismaClient): Promise<void> {
  const hash = await bcrypt.hash(DEMO_PASSWORD, 12);
  for (const u of DEMO_USERS) {
    const penyalurOffice = u.office
      ? await prisma.penyalurOffice.findFirstOrThrow({
          where: { code: u.office[1], penyalur: { code: u.office[0] } },
          select: { id: true },
        })
      : null;
    const kantorCabang = u.kantorCabang
      ? await prisma.kantorCabang.findUniqueOrThrow({ where: { code: u.kantorCabang }, select: { id: true } })
      : null;
    const kanwil = u.kanwil ? await prisma.kanwil.findUniqueOrThrow({ where: { code: u.kanwil }, select: { id: true } }) : null;
    await prisma.user.upsert({
      where: { email: u.email },
      create: {
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash: hash,
        penyalurOfficeId: penyalurOffice?.id ?? null,
        kantorCabangId: kantorCabang?.id ?? null,
        kanwilId: kanwil?.id ?? null,
      },
      update: {},
    });
  }

  const exists = await prisma.phaseRule.findFirst({ where: { note: DEMO_PHASE_RULE_NOTE }, select: { id: true } });
  if (!exists) {
    const [bri, jabar] = await Promise.all([
      prisma.penyalur.findUniqueOrThrow({ where: { code: "BRI" }, select: { id: true } }),
      prisma.kanwil.findUniqueOrThrow({ where: { code: "JAWA_BARAT" }, select: { id: true } }),
    ]);
    await prisma.phaseRule.create({
      data: { penyalurId: bri.id, kanwilId: jabar.id, startDate: new Date("2026-07-01T00:00:00Z"), note: DEMO_PHASE_RULE_NOTE },
    });
  }
}

/** Raw e-form submissions, as an officer would type them. */
export const DEMO_ENROLMENTS: ReadonlyArray<{ officer: string; form: Record<string, string> }> = [
  {
    officer: "petugas.bri@demo.lindungikur.id",
    form: {
      submissionKey: "00000000-0000-4000-8000-000000000001",
      nik: "3273011203800001",
      fullName: "Ujang Suryana",
      birthDate: "1980-03-12",
      sex: "L",
      phone: "0812 2233 4455",
      scheme: "KECIL",
      plafon: "250.000.000",
      declaredIncome: "4.000.000",
      jht: "on",
    },
  },
  {
    officer: "petugas.bri@demo.lindungikur.id",
    form: {
      submissionKey: "00000000-0000-4000-8000-000000000002",
      nik: "3273014507900002",
      fullName: "Siti Aminah",
      birthDate: "1990-07-05",
      sex: "P",
      phone: "081322334456",
      scheme: "MIKRO",
      plafon: "50.000.000",
      declaredIncome: "2.000.000",
    },
  },
  {
    officer: "petugas.bni@demo.lindungikur.id",
    form: {
      submissionKey: "00000000-0000-4000-8000-000000000003",
      nik: "3273013011750003",
      fullName: "Dedi Kurniawan",
      birthDate: "1975-11-30",
      sex: "L",
      phone: "+62 857 1122 3344",
      scheme: "SUPER_MIKRO",
      plafon: "8.000.000",
      declaredIncome: "1.000.000",
    },
  },
];
