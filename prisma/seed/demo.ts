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

/**
 * Raw e-form submissions, as an officer would type them. The seed adds what depends on the day and
 * the office (planned disbursement date, BPJS branch, consent text version) and ticks the
 * attestations and the consent (scripts/lib/seed.ts).
 */
export const DEMO_ENROLMENTS: ReadonlyArray<{
  officer: string;
  form: Record<string, string>;
  /** Returned by this reviewer with this reason after submitting (a demo of the correction flow). */
  returned?: { reviewer: string; reason: string };
}> = [
  {
    officer: "petugas.bri@demo.lindungikur.id",
    form: {
      submissionKey: "00000000-0000-4000-8000-000000000001",
      nik: "3273011203800001",
      fullName: "Ujang Suryana",
      birthPlace: "Bandung",
      birthDate: "1980-03-12",
      sex: "L",
      motherMaidenName: "Euis Rohaeti",
      phone: "0812 2233 4455",
      email: "ujang.suryana@contoh.id",
      addressProvinceCode: "32",
      addressRegency: "Kota Bandung",
      addressDistrict: "Sumur Bandung",
      addressStreet: "Jl. Braga No. 12, RT 02/RW 05, Braga",
      businessName: "Konveksi Ujang Jaya",
      kbli: "14111",
      nib: "9120001234567",
      businessStartedOn: "2019-05-01",
      businessProvinceCode: "32",
      loanNumber: "BRI-BDG-2026-000101",
      scheme: "KECIL",
      plafon: "250.000.000",
      purpose: "INVESTMENT",
      tenorMonths: "48",
      priorMikroCount: "1",
      priorKecilCount: "0",
      employsWorkers: "on",
      workerCount: "3",
      npwp: "01.234.567.8-901.000",
      declaredIncome: "4.000.000",
      jht: "on",
      monthsInAdvance: "3",
      heirName: "Neneng Suryani",
      heirRelationship: "SPOUSE",
      heirPhone: "0813 1122 3344",
    },
  },
  {
    officer: "petugas.bri@demo.lindungikur.id",
    form: {
      submissionKey: "00000000-0000-4000-8000-000000000002",
      nik: "3273014507900002",
      fullName: "Siti Aminah",
      birthPlace: "Garut",
      birthDate: "1990-07-05",
      sex: "P",
      motherMaidenName: "Iyah Sumiati",
      phone: "081322334456",
      addressProvinceCode: "32",
      addressRegency: "Kota Bandung",
      addressDistrict: "Coblong",
      addressStreet: "Jl. Tubagus Ismail No. 5, Sekeloa",
      businessName: "Warung Siti",
      kbli: "47111",
      businessStartedOn: "2021-02-15",
      businessProvinceCode: "32",
      loanNumber: "BRI-BDG-2026-000102",
      scheme: "MIKRO",
      plafon: "50.000.000",
      purpose: "WORKING_CAPITAL",
      tenorMonths: "24",
      priorMikroCount: "0",
      priorKecilCount: "0",
      declaredIncome: "2.000.000",
      monthsInAdvance: "1",
      heirName: "Rudi Hartono",
      heirRelationship: "SPOUSE",
      heirPhone: "0812 7788 9900",
    },
  },
  {
    officer: "petugas.bni@demo.lindungikur.id",
    form: {
      submissionKey: "00000000-0000-4000-8000-000000000003",
      nik: "3273013011750003",
      fullName: "Dedi Kurniawan",
      birthPlace: "Cimahi",
      birthDate: "1975-11-30",
      sex: "L",
      motherMaidenName: "Oom Komariah",
      phone: "+62 857 1122 3344",
      addressProvinceCode: "32",
      addressRegency: "Kota Cimahi",
      addressDistrict: "Cimahi Tengah",
      addressStreet: "Jl. Gandawijaya No. 30",
      businessName: "Bengkel Dedi Motor",
      kbli: "45201",
      businessStartedOn: "2025-12-01",
      businessProvinceCode: "32",
      loanNumber: "BNI-BDG-2026-000201",
      scheme: "SUPER_MIKRO",
      plafon: "8.000.000",
      purpose: "WORKING_CAPITAL",
      tenorMonths: "12",
      priorMikroCount: "0",
      priorKecilCount: "0",
      declaredIncome: "1.000.000",
      monthsInAdvance: "1",
      heirName: "Yeti Rohayati",
      heirRelationship: "SPOUSE",
      heirPhone: "0857 3344 5566",
    },
  },
  {
    officer: "petugas.bri@demo.lindungikur.id",
    form: {
      submissionKey: "00000000-0000-4000-8000-000000000004",
      nik: "3273016108850004",
      fullName: "Rina Wulandari",
      birthPlace: "Sumedang",
      birthDate: "1985-08-21",
      sex: "P",
      motherMaidenName: "Cucu Sumarni",
      phone: "0821 4455 6677",
      addressProvinceCode: "32",
      addressRegency: "Kota Bandung",
      addressDistrict: "Cicendo",
      addressStreet: "Jl. Pajajaran No. 88",
      businessName: "Katering Rina",
      kbli: "56210",
      businessStartedOn: "2022-09-01",
      businessProvinceCode: "32",
      loanNumber: "BRI-BDG-2026-000103",
      scheme: "KECIL",
      plafon: "150.000.000",
      purpose: "WORKING_CAPITAL",
      tenorMonths: "36",
      priorMikroCount: "2",
      priorKecilCount: "0",
      npwp: "3273016108850004",
      declaredIncome: "5.500.000",
      jht: "on",
      monthsInAdvance: "1",
      heirName: "Agus Setiawan",
      heirRelationship: "SPOUSE",
      heirPhone: "0821 9988 7766",
    },
    returned: {
      reviewer: "verifikator.bandung@demo.lindungikur.id",
      reason: "Penghasilan yang dilaporkan tidak sesuai dengan surat keterangan usaha; periksa kembali dan perbaiki.",
    },
  },
];
