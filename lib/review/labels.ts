/** Labels shared by review pages and messages (Indonesian first, English second). */

export const STATUS_LABELS_ID = {
  DRAFT: "Draf",
  SUBMITTED: "Menunggu verifikasi",
  RETURNED: "Dikembalikan",
  APPROVED: "Disetujui",
  REJECTED: "Ditolak",
} as const;

/** What each audited action reads as in the status history (contract §2). */
export const HISTORY_ACTION_LABELS: Record<string, { id: string; en: string }> = {
  "enrolment.submit": { id: "Diajukan", en: "Submitted" },
  "enrolment.resubmit": { id: "Diajukan ulang setelah perbaikan", en: "Resubmitted after correction" },
  "enrolment.return": { id: "Dikembalikan untuk perbaikan", en: "Returned for correction" },
  "enrolment.approve": { id: "Disetujui, KPJ terbit", en: "Approved, KPJ issued" },
  "enrolment.reject": { id: "Ditolak", en: "Rejected" },
  "payment.record": { id: "Iuran dibayar", en: "Contribution paid" },
};
