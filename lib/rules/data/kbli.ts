/**
 * KBLI 2020 (Peraturan BPS 2/2020) divisions — the first two digits of a 5-digit KBLI code — by
 * section. Used to reject a code whose division does not exist and to map a business to the five
 * sector groups KUR reporting uses (docs/regulation.md §6).
 */

export interface KbliSection {
  section: string;
  name: string;
  /** Inclusive division ranges, e.g. [10, 33]. */
  divisions: readonly (readonly [number, number])[];
}

export const KBLI_VERSION = "kbli-2020";

export const KBLI_2020_SECTIONS: readonly KbliSection[] = [
  { section: "A", name: "Pertanian, Kehutanan dan Perikanan", divisions: [[1, 3]] },
  { section: "B", name: "Pertambangan dan Penggalian", divisions: [[5, 9]] },
  { section: "C", name: "Industri Pengolahan", divisions: [[10, 33]] },
  { section: "D", name: "Pengadaan Listrik, Gas, Uap/Air Panas dan Udara Dingin", divisions: [[35, 35]] },
  { section: "E", name: "Pengelolaan Air, Limbah dan Daur Ulang Sampah", divisions: [[36, 39]] },
  { section: "F", name: "Konstruksi", divisions: [[41, 43]] },
  { section: "G", name: "Perdagangan Besar dan Eceran; Reparasi Mobil dan Sepeda Motor", divisions: [[45, 47]] },
  { section: "H", name: "Pengangkutan dan Pergudangan", divisions: [[49, 53]] },
  { section: "I", name: "Penyediaan Akomodasi dan Makan Minum", divisions: [[55, 56]] },
  { section: "J", name: "Informasi dan Komunikasi", divisions: [[58, 63]] },
  { section: "K", name: "Aktivitas Keuangan dan Asuransi", divisions: [[64, 66]] },
  { section: "L", name: "Real Estat", divisions: [[68, 68]] },
  { section: "M", name: "Aktivitas Profesional, Ilmiah dan Teknis", divisions: [[69, 75]] },
  { section: "N", name: "Aktivitas Penyewaan, Ketenagakerjaan, Agen Perjalanan dan Penunjang Usaha", divisions: [[77, 82]] },
  { section: "O", name: "Administrasi Pemerintahan, Pertahanan dan Jaminan Sosial Wajib", divisions: [[84, 84]] },
  { section: "P", name: "Pendidikan", divisions: [[85, 85]] },
  { section: "Q", name: "Aktivitas Kesehatan Manusia dan Aktivitas Sosial", divisions: [[86, 88]] },
  { section: "R", name: "Kesenian, Hiburan dan Rekreasi", divisions: [[90, 93]] },
  { section: "S", name: "Aktivitas Jasa Lainnya", divisions: [[94, 96]] },
  { section: "T", name: "Aktivitas Rumah Tangga sebagai Pemberi Kerja", divisions: [[97, 98]] },
  { section: "U", name: "Aktivitas Badan Internasional dan Badan Ekstra Internasional Lainnya", divisions: [[99, 99]] },
];
