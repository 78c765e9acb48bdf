/**
 * The bank's disbursed-debtor list (SIKP or a core-banking extract) as the portal reads it: one row
 * per disbursed KUR loan, Indonesian headers (docs/bulk-upload.md, "Rekonsiliasi"). Client-safe.
 */
export const LIST_COLUMNS = [
  { key: "penyalurCode", header: "Kode penyalur", required: true },
  { key: "officeCode", header: "Kode kantor penyalur", required: false },
  { key: "nik", header: "NIK", required: true },
  { key: "loanNumber", header: "Nomor pinjaman", required: true },
  { key: "scheme", header: "Skema KUR", required: true },
  { key: "plafon", header: "Plafon (Rp)", required: true },
  { key: "disbursedOn", header: "Tanggal pencairan", required: true },
] as const;

export type ListColumnKey = (typeof LIST_COLUMNS)[number]["key"];

export const REPORT_DIMENSIONS = ["penyalur", "office", "kanwil", "scheme"] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

export function parseDimension(value: unknown): ReportDimension {
  return (REPORT_DIMENSIONS as readonly unknown[]).includes(value) ? (value as ReportDimension) : "penyalur";
}
