/**
 * The enrolment area's scoped reads, one file per sub-feature. Import from here (`@/lib/enrolment/data`):
 *   options.ts     what the e-form needs (branches, provinces, phase rules)
 *   detail.ts      one enrolment as its record page shows it (identifiers masked per role)
 *   nik-lookup.ts  what the e-form learns about a typed NIK
 *   correction.ts  a returned enrolment as the correction form needs it
 *   drafts.ts      the office's drafts
 *   workspace.ts   the enrolment list: search, filters, sort, pages
 *   duplicates.ts  likely duplicates across NIKs (pg_trgm), scoped
 */
export * from "@/lib/enrolment/data/options";
export * from "@/lib/enrolment/data/detail";
export * from "@/lib/enrolment/data/nik-lookup";
export * from "@/lib/enrolment/data/correction";
export * from "@/lib/enrolment/data/drafts";
export * from "@/lib/enrolment/data/workspace";
export { otherPenyalurActiveNames } from "@/lib/enrolment/data/shared";
export { type DuplicateProbe, type DuplicateReason, type LikelyDuplicate, likelyDuplicates } from "@/lib/enrolment/data/duplicates";
