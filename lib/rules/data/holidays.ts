/**
 * Indonesian national holidays (hari libur nasional) and joint leave days (cuti bersama), as dated
 * reference data. Both close government offices, BPJS Ketenagakerjaan branches and banks, so both
 * count as non-working days for the review clock and for contribution due dates (docs/regulation.md §3:
 * "next working day if a holiday").
 *
 * A year's list is fixed once a year by a joint decree of the Ministers of Religious Affairs,
 * Manpower and Administrative Reform (SKB 3 Menteri) and sometimes amended. To add or correct a year,
 * edit its entry here (one edit; the source note says where the figures came from).
 *
 * Years missing from this table are computed with weekends only (see `holidayYearCoverage`), and
 * years whose SKB is not entered yet list only the holidays that fall on a fixed date by law.
 */

export interface HolidayYear {
  year: number;
  /** Whether every holiday and cuti bersama of the year is listed (the SKB was entered). */
  complete: boolean;
  source: string;
  holidays: readonly { date: string; name: string; kind: "NATIONAL" | "CUTI_BERSAMA" }[];
}

export const HOLIDAY_YEARS: readonly HolidayYear[] = Object.freeze([
  {
    year: 2025,
    complete: true,
    source:
      "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1017 Tahun 2024, Nomor 2 Tahun 2024, " +
      "Nomor 2 Tahun 2024 (ditetapkan 14 Oktober 2024): 17 hari libur nasional dan 10 hari cuti bersama; diubah dengan " +
      "SKB Nomor 933 Tahun 2025, Nomor 1 Tahun 2025, Nomor 3 Tahun 2025 (7 Agustus 2025): cuti bersama 18 Agustus 2025",
    holidays: [
      { date: "2025-01-01", name: "Tahun Baru 2025 Masehi", kind: "NATIONAL" },
      { date: "2025-01-27", name: "Isra Mikraj Nabi Muhammad SAW", kind: "NATIONAL" },
      { date: "2025-01-28", name: "Cuti bersama Tahun Baru Imlek", kind: "CUTI_BERSAMA" },
      { date: "2025-01-29", name: "Tahun Baru Imlek 2576 Kongzili", kind: "NATIONAL" },
      { date: "2025-03-28", name: "Cuti bersama Hari Suci Nyepi", kind: "CUTI_BERSAMA" },
      { date: "2025-03-29", name: "Hari Suci Nyepi (Tahun Baru Saka 1947)", kind: "NATIONAL" },
      { date: "2025-03-31", name: "Idul Fitri 1446 H", kind: "NATIONAL" },
      { date: "2025-04-01", name: "Idul Fitri 1446 H", kind: "NATIONAL" },
      { date: "2025-04-02", name: "Cuti bersama Idul Fitri 1446 H", kind: "CUTI_BERSAMA" },
      { date: "2025-04-03", name: "Cuti bersama Idul Fitri 1446 H", kind: "CUTI_BERSAMA" },
      { date: "2025-04-04", name: "Cuti bersama Idul Fitri 1446 H", kind: "CUTI_BERSAMA" },
      { date: "2025-04-07", name: "Cuti bersama Idul Fitri 1446 H", kind: "CUTI_BERSAMA" },
      { date: "2025-04-18", name: "Wafat Yesus Kristus", kind: "NATIONAL" },
      { date: "2025-04-20", name: "Kebangkitan Yesus Kristus (Paskah)", kind: "NATIONAL" },
      { date: "2025-05-01", name: "Hari Buruh Internasional", kind: "NATIONAL" },
      { date: "2025-05-12", name: "Hari Raya Waisak 2569 BE", kind: "NATIONAL" },
      { date: "2025-05-13", name: "Cuti bersama Hari Raya Waisak", kind: "CUTI_BERSAMA" },
      { date: "2025-05-29", name: "Kenaikan Yesus Kristus", kind: "NATIONAL" },
      { date: "2025-05-30", name: "Cuti bersama Kenaikan Yesus Kristus", kind: "CUTI_BERSAMA" },
      { date: "2025-06-01", name: "Hari Lahir Pancasila", kind: "NATIONAL" },
      { date: "2025-06-06", name: "Idul Adha 1446 H", kind: "NATIONAL" },
      { date: "2025-06-09", name: "Cuti bersama Idul Adha 1446 H", kind: "CUTI_BERSAMA" },
      { date: "2025-06-27", name: "Tahun Baru Islam 1447 H", kind: "NATIONAL" },
      { date: "2025-08-17", name: "Proklamasi Kemerdekaan RI", kind: "NATIONAL" },
      { date: "2025-08-18", name: "Cuti bersama HUT ke-80 Kemerdekaan RI", kind: "CUTI_BERSAMA" },
      { date: "2025-09-05", name: "Maulid Nabi Muhammad SAW", kind: "NATIONAL" },
      { date: "2025-12-25", name: "Hari Raya Natal", kind: "NATIONAL" },
      { date: "2025-12-26", name: "Cuti bersama Hari Raya Natal", kind: "CUTI_BERSAMA" },
    ],
  },
  {
    year: 2026,
    complete: true,
    source:
      "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, " +
      "Nomor 5 Tahun 2025 (ditetapkan 19 September 2025): 17 hari libur nasional dan 8 hari cuti bersama",
    holidays: [
      { date: "2026-01-01", name: "Tahun Baru 2026 Masehi", kind: "NATIONAL" },
      { date: "2026-01-16", name: "Isra Mikraj Nabi Muhammad SAW", kind: "NATIONAL" },
      { date: "2026-02-16", name: "Cuti bersama Tahun Baru Imlek", kind: "CUTI_BERSAMA" },
      { date: "2026-02-17", name: "Tahun Baru Imlek 2577 Kongzili", kind: "NATIONAL" },
      { date: "2026-03-18", name: "Cuti bersama Hari Suci Nyepi", kind: "CUTI_BERSAMA" },
      { date: "2026-03-19", name: "Hari Suci Nyepi (Tahun Baru Saka 1948)", kind: "NATIONAL" },
      { date: "2026-03-20", name: "Cuti bersama Idul Fitri 1447 H", kind: "CUTI_BERSAMA" },
      { date: "2026-03-21", name: "Idul Fitri 1447 H", kind: "NATIONAL" },
      { date: "2026-03-22", name: "Idul Fitri 1447 H", kind: "NATIONAL" },
      { date: "2026-03-23", name: "Cuti bersama Idul Fitri 1447 H", kind: "CUTI_BERSAMA" },
      { date: "2026-03-24", name: "Cuti bersama Idul Fitri 1447 H", kind: "CUTI_BERSAMA" },
      { date: "2026-04-03", name: "Wafat Yesus Kristus", kind: "NATIONAL" },
      { date: "2026-04-05", name: "Kebangkitan Yesus Kristus (Paskah)", kind: "NATIONAL" },
      { date: "2026-05-01", name: "Hari Buruh Internasional", kind: "NATIONAL" },
      { date: "2026-05-14", name: "Kenaikan Yesus Kristus", kind: "NATIONAL" },
      { date: "2026-05-15", name: "Cuti bersama Kenaikan Yesus Kristus", kind: "CUTI_BERSAMA" },
      { date: "2026-05-27", name: "Idul Adha 1447 H", kind: "NATIONAL" },
      { date: "2026-05-28", name: "Cuti bersama Idul Adha 1447 H", kind: "CUTI_BERSAMA" },
      { date: "2026-05-31", name: "Hari Raya Waisak 2570 BE", kind: "NATIONAL" },
      { date: "2026-06-01", name: "Hari Lahir Pancasila", kind: "NATIONAL" },
      { date: "2026-06-16", name: "Tahun Baru Islam 1448 H", kind: "NATIONAL" },
      { date: "2026-08-17", name: "Proklamasi Kemerdekaan RI", kind: "NATIONAL" },
      { date: "2026-08-25", name: "Maulid Nabi Muhammad SAW", kind: "NATIONAL" },
      { date: "2026-12-24", name: "Cuti bersama Hari Raya Natal", kind: "CUTI_BERSAMA" },
      { date: "2026-12-25", name: "Hari Raya Natal", kind: "NATIONAL" },
    ],
  },
  {
    year: 2027,
    complete: false,
    source:
      "Hanya hari libur bertanggal tetap (Keppres 24/2016 untuk 1 Juni; tanggal tetap lainnya sejak lama). " +
      "SKB 3 Menteri untuk 2027 belum ditemukan (dicari 2 Desember 2026): hari raya keagamaan bertanggal lunar dan " +
      "cuti bersama 2027 harus ditambahkan dari SKB tersebut.",
    holidays: [
      { date: "2027-01-01", name: "Tahun Baru 2027 Masehi", kind: "NATIONAL" },
      { date: "2027-05-01", name: "Hari Buruh Internasional", kind: "NATIONAL" },
      { date: "2027-06-01", name: "Hari Lahir Pancasila", kind: "NATIONAL" },
      { date: "2027-08-17", name: "Proklamasi Kemerdekaan RI", kind: "NATIONAL" },
      { date: "2027-12-25", name: "Hari Raya Natal", kind: "NATIONAL" },
    ],
  },
]);
