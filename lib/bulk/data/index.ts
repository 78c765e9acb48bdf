import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { penyalurOfficeOf } from "@/lib/auth/scope";
import { translator } from "@/lib/i18n/translator";
import { KUR_PURPOSES, KUR_SCHEMES, type Locale } from "@/lib/rules";
import { HEIR_RELATIONSHIPS } from "@/lib/enrolment/schema";
import { phaseRulesFor } from "@/lib/enrolment/data";
import type { BatchLookups, Branch, Reference } from "@/lib/bulk/check";
import type { CodeWords } from "@/lib/bulk/template";

/**
 * The reads of a bulk upload. Reference data (office, BPJS branches, phase rules) is read once per
 * file; participants and loan numbers once per batch of rows (`batchLookups`): no read per row.
 */

/** The words a choice cell may hold besides its code: the screen's labels in both languages. */
function codeWords(): CodeWords {
  const words: CodeWords = { sex: {}, scheme: {}, purpose: {}, heirRelationship: {} };
  for (const locale of ["id", "en"] as Locale[]) {
    const t = translator(locale);
    for (const s of KUR_SCHEMES) {
      const label = t(`enums.scheme.${s}`).toLowerCase();
      words.scheme![label] = s;
      words.scheme![label.replace(/^kur /, "")] = s;
    }
    for (const p of KUR_PURPOSES) words.purpose![t(`enums.purpose.${p}`).toLowerCase()] = p;
    for (const r of HEIR_RELATIONSHIPS) words.heirRelationship![t(`enums.heirRelationship.${r}`).toLowerCase()] = r;
    for (const s of ["L", "P"] as const) words.sex![t(`enums.sex.${s}`).toLowerCase()] = s;
  }
  words.sex!["m"] = "L";
  words.sex!["f"] = "P";
  return words;
}

export async function loadReference(penyalurOfficeId: string): Promise<Reference> {
  const [office, branches] = await Promise.all([
    db().penyalurOffice.findUniqueOrThrow({
      where: { id: penyalurOfficeId },
      select: { id: true, penyalurId: true, timeZone: true, defaultKantorCabangId: true },
    }),
    db().kantorCabang.findMany({
      where: { retiredAt: null },
      select: { id: true, code: true, provinceCode: true, kanwilId: true, kanwil: { select: { code: true } } },
    }),
  ]);
  const list: Branch[] = branches.map((b) => ({ id: b.id, code: b.code, provinceCode: b.provinceCode, kanwilId: b.kanwilId, kanwilCode: b.kanwil.code }));
  return {
    office,
    branchesByCode: new Map(list.map((b) => [b.code.toUpperCase(), b])),
    branchesById: new Map(list.map((b) => [b.id, b])),
    phaseRules: await phaseRulesFor(office.penyalurId),
    words: codeWords(),
  };
}

export async function batchLookups(penyalurId: string, niks: string[], loanNumbers: string[]): Promise<BatchLookups> {
  const [participants, enrolments] = await Promise.all([
    niks.length ? db().participant.findMany({ where: { nik: { in: niks } }, select: { nik: true } }) : [],
    loanNumbers.length
      ? db().enrolment.findMany({
          where: { penyalurId, loanNumber: { in: loanNumbers } },
          select: { id: true, loanNumber: true, penyalurOfficeId: true, penyalurOffice: { select: { name: true } }, participant: { select: { nik: true } } },
        })
      : [],
  ]);
  return {
    registeredNiks: new Set(participants.map((p) => p.nik)),
    loans: new Map(
      enrolments.map((e) => [
        e.loanNumber!,
        { enrolmentId: e.id, penyalurOfficeId: e.penyalurOfficeId, officeName: e.penyalurOffice.name, nik: e.participant.nik },
      ]),
    ),
  };
}

/** The file and what the jobs need to run on it (no actor: a job reloads its uploader). */
export async function uploadForJob(uploadId: string) {
  return db().bulkUpload.findUnique({
    where: { id: uploadId },
    select: { id: true, penyalurOfficeId: true, uploadedById: true, format: true, content: true, locale: true, status: true, validCount: true, rowCount: true },
  });
}

const SUMMARY = {
  id: true,
  fileName: true,
  format: true,
  status: true,
  rowCount: true,
  validCount: true,
  existingCount: true,
  errorCount: true,
  createdCount: true,
  validateRunId: true,
  commitRunId: true,
  createdAt: true,
  validatedAt: true,
  committedAt: true,
  contentPurgedAt: true,
  penyalurOfficeId: true,
  uploadedBy: { select: { name: true } },
} as const;

export interface UploadSummary {
  id: string;
  fileName: string;
  format: "CSV" | "XLSX";
  status: "VALIDATING" | "VALIDATED" | "COMMITTING" | "COMMITTED" | "FAILED";
  rowCount: number | null;
  validCount: number | null;
  existingCount: number | null;
  errorCount: number | null;
  createdCount: number | null;
  validateRunId: string | null;
  commitRunId: string | null;
  createdAt: string;
  validatedAt: string | null;
  committedAt: string | null;
  /** The retention job removed the file and its row errors (lib/ops/mutations.ts): no report, no commit. */
  contentPurgedAt: string | null;
  uploadedBy: string;
}

function summaryOf(u: Prisma.BulkUploadGetPayload<{ select: typeof SUMMARY }>): UploadSummary {
  return {
    ...u,
    createdAt: u.createdAt.toISOString(),
    validatedAt: u.validatedAt?.toISOString() ?? null,
    committedAt: u.committedAt?.toISOString() ?? null,
    contentPurgedAt: u.contentPurgedAt?.toISOString() ?? null,
    uploadedBy: u.uploadedBy.name,
  };
}

/** One upload, when `actor` may see it: its office's officers only (404 for anyone else). */
export async function uploadForActor(actor: Actor, uploadId: string): Promise<UploadSummary | null> {
  if (!/^[0-9a-f-]{36}$/i.test(uploadId)) return null;
  const u = await db().bulkUpload.findUnique({ where: { id: uploadId }, select: SUMMARY });
  if (!u || !can(actor, "enrolment:create", { penyalurOfficeId: u.penyalurOfficeId })) return null;
  return summaryOf(u);
}

/** The office's recent uploads, newest first. */
export async function recentUploads(actor: Actor, take = 20): Promise<UploadSummary[]> {
  const own = penyalurOfficeOf(actor);
  if (!own) return [];
  const rows = await db().bulkUpload.findMany({
    where: { penyalurOfficeId: own.penyalurOfficeId },
    select: SUMMARY,
    orderBy: { createdAt: "desc" },
    take,
  });
  return rows.map(summaryOf);
}

/** The file and its row errors, for the error report (scoped like uploadForActor). */
export async function errorReportSource(actor: Actor, uploadId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(uploadId)) return null;
  const u = await db().bulkUpload.findUnique({
    where: { id: uploadId },
    select: { penyalurOfficeId: true, fileName: true, format: true, content: true, locale: true, contentPurgedAt: true },
  });
  if (!u || !can(actor, "enrolment:create", { penyalurOfficeId: u.penyalurOfficeId })) return null;
  const errors = await db().bulkUploadRowError.findMany({ where: { uploadId }, select: { rowNumber: true, errors: true }, orderBy: { rowNumber: "asc" } });
  return { ...u, errors: new Map(errors.map((e) => [e.rowNumber, e.errors as Record<string, string[]>])) };
}
