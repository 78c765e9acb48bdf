/**
 * The 38 provinces by NIK province code (docs/regulation.md §6, §7), copied from the shared reference
 * `reference/provinces.csv` (version below). NIKs issued before the 2022 Papua split carry 91 or 94
 * for places now in the newer Papua provinces, so every code stays valid for parsing.
 *
 * The province → Kanwil mapping is master data an administrator can correct in the database; this
 * copy is what the pure rules need (a NIK's province code must exist) and a default for seeding.
 */

export interface Province {
  code: string;
  name: string;
  kanwil: KanwilCode;
  timeZone: string;
}

export const PROVINCES_VERSION = "shared-reference-provinces-csv@38";

/** The 11 BPJS Ketenagakerjaan Kanwil (docs/regulation.md §7). */
export const KANWIL_CODES = [
  "SUMBAGUT",
  "SUMBARRIAU",
  "SUMBAGSEL",
  "BANTEN",
  "DKI_JAKARTA",
  "JAWA_BARAT",
  "JATENG_DIY",
  "JAWA_TIMUR",
  "KALIMANTAN",
  "SULAMA",
  "BANUSPA",
] as const;
export type KanwilCode = (typeof KANWIL_CODES)[number];

export const PROVINCES: readonly Province[] = Object.freeze([
  { code: "11", name: "Aceh", kanwil: "SUMBAGUT", timeZone: "Asia/Jakarta" },
  { code: "12", name: "Sumatera Utara", kanwil: "SUMBAGUT", timeZone: "Asia/Jakarta" },
  { code: "13", name: "Sumatera Barat", kanwil: "SUMBARRIAU", timeZone: "Asia/Jakarta" },
  { code: "14", name: "Riau", kanwil: "SUMBARRIAU", timeZone: "Asia/Jakarta" },
  { code: "15", name: "Jambi", kanwil: "SUMBAGSEL", timeZone: "Asia/Jakarta" },
  { code: "16", name: "Sumatera Selatan", kanwil: "SUMBAGSEL", timeZone: "Asia/Jakarta" },
  { code: "17", name: "Bengkulu", kanwil: "SUMBAGSEL", timeZone: "Asia/Jakarta" },
  { code: "18", name: "Lampung", kanwil: "SUMBAGSEL", timeZone: "Asia/Jakarta" },
  { code: "19", name: "Kepulauan Bangka Belitung", kanwil: "SUMBAGSEL", timeZone: "Asia/Jakarta" },
  { code: "21", name: "Kepulauan Riau", kanwil: "SUMBARRIAU", timeZone: "Asia/Jakarta" },
  { code: "31", name: "DKI Jakarta", kanwil: "DKI_JAKARTA", timeZone: "Asia/Jakarta" },
  { code: "32", name: "Jawa Barat", kanwil: "JAWA_BARAT", timeZone: "Asia/Jakarta" },
  { code: "33", name: "Jawa Tengah", kanwil: "JATENG_DIY", timeZone: "Asia/Jakarta" },
  { code: "34", name: "DI Yogyakarta", kanwil: "JATENG_DIY", timeZone: "Asia/Jakarta" },
  { code: "35", name: "Jawa Timur", kanwil: "JAWA_TIMUR", timeZone: "Asia/Jakarta" },
  { code: "36", name: "Banten", kanwil: "BANTEN", timeZone: "Asia/Jakarta" },
  { code: "51", name: "Bali", kanwil: "BANUSPA", timeZone: "Asia/Makassar" },
  { code: "52", name: "Nusa Tenggara Barat", kanwil: "BANUSPA", timeZone: "Asia/Makassar" },
  { code: "53", name: "Nusa Tenggara Timur", kanwil: "BANUSPA", timeZone: "Asia/Makassar" },
  { code: "61", name: "Kalimantan Barat", kanwil: "KALIMANTAN", timeZone: "Asia/Pontianak" },
  { code: "62", name: "Kalimantan Tengah", kanwil: "KALIMANTAN", timeZone: "Asia/Pontianak" },
  { code: "63", name: "Kalimantan Selatan", kanwil: "KALIMANTAN", timeZone: "Asia/Makassar" },
  { code: "64", name: "Kalimantan Timur", kanwil: "KALIMANTAN", timeZone: "Asia/Makassar" },
  { code: "65", name: "Kalimantan Utara", kanwil: "KALIMANTAN", timeZone: "Asia/Makassar" },
  { code: "71", name: "Sulawesi Utara", kanwil: "SULAMA", timeZone: "Asia/Makassar" },
  { code: "72", name: "Sulawesi Tengah", kanwil: "SULAMA", timeZone: "Asia/Makassar" },
  { code: "73", name: "Sulawesi Selatan", kanwil: "SULAMA", timeZone: "Asia/Makassar" },
  { code: "74", name: "Sulawesi Tenggara", kanwil: "SULAMA", timeZone: "Asia/Makassar" },
  { code: "75", name: "Gorontalo", kanwil: "SULAMA", timeZone: "Asia/Makassar" },
  { code: "76", name: "Sulawesi Barat", kanwil: "SULAMA", timeZone: "Asia/Makassar" },
  { code: "81", name: "Maluku", kanwil: "SULAMA", timeZone: "Asia/Jayapura" },
  { code: "82", name: "Maluku Utara", kanwil: "SULAMA", timeZone: "Asia/Jayapura" },
  { code: "91", name: "Papua", kanwil: "BANUSPA", timeZone: "Asia/Jayapura" },
  { code: "92", name: "Papua Barat", kanwil: "BANUSPA", timeZone: "Asia/Jayapura" },
  { code: "93", name: "Papua Selatan", kanwil: "BANUSPA", timeZone: "Asia/Jayapura" },
  { code: "94", name: "Papua Tengah", kanwil: "BANUSPA", timeZone: "Asia/Jayapura" },
  { code: "95", name: "Papua Pegunungan", kanwil: "BANUSPA", timeZone: "Asia/Jayapura" },
  { code: "96", name: "Papua Barat Daya", kanwil: "BANUSPA", timeZone: "Asia/Jayapura" },
]);
