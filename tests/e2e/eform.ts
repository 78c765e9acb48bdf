import { expect, type Page } from "@playwright/test";

/** What the officer types; anything left out gets a valid default (a KUR kecil of Rp200.000.000). */
export interface EformEntry {
  nik: string;
  fullName?: string;
  birthDate?: string;
  sex?: "L" | "P";
  scheme?: "SUPER_MIKRO" | "MIKRO" | "KECIL" | "KHUSUS";
  plafon?: string;
  income?: string;
  jht?: boolean;
  monthsInAdvance?: string;
  loanNumber?: string;
  /** The business employs this many workers (docs/regulation.md §3.7: JHT is then required). */
  workers?: number;
  /** The NIK is a registered participant: the form shows the stored data and asks none of it. */
  existingParticipant?: boolean;
}

export function uniqueLoanNumber(prefix = "E2E"): string {
  return `${prefix}-${Date.now().toString(36).toUpperCase()}-${Math.floor(Math.random() * 1e6)}`;
}

/** A day `days` after today, as a date input takes it. */
export function isoDayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const label = (page: Page, text: string) => page.getByLabel(text, { exact: true });

/** The birth date a NIK encodes (docs/regulation.md §6), for a form that agrees with it. */
export function birthDateOfNik(nik: string): string {
  const day = Number(nik.slice(6, 8)) % 40;
  const yy = Number(nik.slice(10, 12));
  const year = yy > new Date().getFullYear() % 100 ? 1900 + yy : 2000 + yy;
  return `${year}-${nik.slice(8, 10)}-${String(day).padStart(2, "0")}`;
}

/** The debtor's own data (asked only for a NIK that is not yet a participant). */
export async function fillDebtor(page: Page, entry: EformEntry): Promise<void> {
  await label(page, "Nama lengkap sesuai KTP").fill(entry.fullName ?? "Asep Saepudin");
  await label(page, "Tempat lahir").fill("Bandung");
  await label(page, "Tanggal lahir").fill(entry.birthDate ?? birthDateOfNik(entry.nik));
  await label(page, "Jenis kelamin").selectOption(entry.sex ?? "L");
  await label(page, "Nama gadis ibu kandung").fill("Euis Sumarni");
  await label(page, "Nomor HP").fill("0812 9988 7766");
  await label(page, "Provinsi (alamat KTP)").selectOption({ label: "Jawa Barat" });
  await label(page, "Kabupaten/kota").fill("Kota Bandung");
  await label(page, "Kecamatan").fill("Coblong");
  await label(page, "Alamat (jalan, nomor, RT/RW, kelurahan)").fill("Jl. Dago No. 10");
}

/** Business, loan, cover, statements and consent. */
export async function fillLoanAndCover(page: Page, entry: EformEntry): Promise<void> {
  const plafon = entry.plafon ?? "200.000.000";
  await label(page, "Nama usaha").fill("Toko Asep");
  await label(page, "Kode KBLI 2020").fill("47111");
  await label(page, "Usaha berjalan sejak").fill("2020-03-01");
  if (entry.workers) {
    await label(page, "Usaha mempekerjakan pekerja").check();
    await label(page, "Jumlah pekerja").fill(String(entry.workers));
  }
  await label(page, "Nomor permohonan pinjaman").fill(entry.loanNumber ?? uniqueLoanNumber());
  await label(page, "Skema KUR").selectOption(entry.scheme ?? "KECIL");
  await label(page, "Plafon (Rp)").fill(plafon);
  await label(page, "Tujuan penggunaan").selectOption("WORKING_CAPITAL");
  await label(page, "Jangka waktu (bulan)").fill("24");
  await label(page, "Rencana tanggal pencairan").fill(isoDayFromNow(7));
  await label(page, "KUR Mikro yang pernah diterima").fill("0");
  await label(page, "KUR Kecil yang pernah diterima").fill("0");
  const needsNpwp = Number(plafon.replace(/\D/g, "")) > 50_000_000;
  if (needsNpwp) await label(page, "NPWP").fill("01.234.567.8-901.000");
  await label(page, "Penghasilan per bulan (Rp)").fill(entry.income ?? "3.000.000");
  if (entry.jht) await page.getByLabel(/Jaminan Hari Tua/).check();
  if (entry.monthsInAdvance) await label(page, "Iuran dibayar di muka").selectOption(entry.monthsInAdvance);
  await label(page, "Nama ahli waris").fill("Neneng Suryani");
  await label(page, "Hubungan ahli waris").selectOption("SPOUSE");
  await label(page, "Nomor HP ahli waris").fill("0813 1122 3344");
  await page.getByLabel("NIK sudah dicocokkan dengan KTP asli debitur").check();
  await page.getByLabel(/SLIK OJK sudah diperiksa/).check();
  await page.getByLabel("Debitur tidak sedang menerima KUR di penyalur lain").check();
  if (needsNpwp) await page.getByLabel(/NPWP debitur ada/).check();
  await page.getByLabel("Debitur menyetujui teks di atas").check();
}

/** Fills a whole valid e-form on /pendaftaran/baru (or a resumed draft). */
export async function fillEform(page: Page, entry: EformEntry): Promise<void> {
  const nik = label(page, "NIK");
  await nik.fill(entry.nik);
  await nik.blur();
  if (entry.existingParticipant) {
    // Shown in full when the officer's own penyalur already enrols them, else only "registered" (docs/decisions/0012).
    await page.locator('[data-testid="existing-participant"], [data-testid="registered-elsewhere"]').waitFor();
  } else {
    await page.getByText("NIK belum terdaftar sebagai peserta").waitFor();
    await fillDebtor(page, entry);
  }
  await fillLoanAndCover(page, entry);
}

/**
 * Sends the filled e-form the way an officer does: "Periksa isian" shows every answer, then the
 * send button there (`button`: "Kirim pendaftaran", or "Kirim perbaikan" on a correction).
 */
export async function sendEform(page: Page, button = "Kirim pendaftaran", how: "click" | "dblclick" = "click"): Promise<void> {
  await page.getByRole("button", { name: "Periksa isian" }).click();
  await expect(page.getByRole("heading", { name: "Periksa isian Anda" })).toBeFocused();
  await page.getByRole("button", { name: button })[how]();
}
