import "server-only";
import { createHash } from "node:crypto";
import { ruleMessage, rulesTranslator } from "@/lib/i18n/rules";
import { translator } from "@/lib/i18n/translator";
import { evaluateMandate, type Locale, type PhaseRule } from "@/lib/rules";
import { normalizeLoanNumber, validateEnrolment, type EnrolmentInput, type FieldErrors } from "@/lib/enrolment/schema";
import type { SubmitContext } from "@/lib/enrolment";
import { TEMPLATE_COLUMNS, cellValue, type Cell, type CodeWords, type TemplateColumn, type TemplateField } from "@/lib/bulk/template";

/** What every row of one upload is checked against, read once per file (never per row). */
export interface Reference {
  office: { id: string; penyalurId: string; timeZone: string; defaultKantorCabangId: string | null };
  /** Non-retired BPJS branches by code (upper case) and by id. */
  branchesByCode: Map<string, Branch>;
  branchesById: Map<string, Branch>;
  phaseRules: PhaseRule[];
  words: CodeWords;
}
export interface Branch {
  id: string;
  code: string;
  provinceCode: string;
  kanwilId: string;
  kanwilCode: string;
}

/** What the database knows about one batch of rows, read in two statements per batch. */
export interface BatchLookups {
  /** NIKs already registered as participants: their stored data is reused, as on the e-form. */
  registeredNiks: Set<string>;
  /** This penyalur's enrolments holding one of the batch's loan numbers. */
  loans: Map<string, { enrolmentId: string; penyalurOfficeId: string; officeName: string; nik: string }>;
}

export type CheckedRow =
  | { row: number; kind: "new"; input: EnrolmentInput; ctx: SubmitContext; kanwilId: string }
  | { row: number; kind: "existing"; enrolmentId: string }
  | { row: number; kind: "error"; errors: FieldErrors };

/** A row as the e-form would have posted it, with the NIK and loan number the lookups need. */
export interface PreparedRow {
  row: number;
  raw: Record<string, string>;
  nik: string;
  loanNumber: string;
  branchError: boolean;
}

/**
 * The submission key of one loan: the same penyalur, NIK and loan number always give the same key,
 * so a re-uploaded row finds its enrolment by the e-form's own idempotency (Enrolment.submissionKey)
 * even before the loan number is compared. A UUID of version 8 (RFC 9562, "custom") from sha256.
 */
export function bulkSubmissionKey(penyalurId: string, nik: string, loanNumber: string): string {
  const h = createHash("sha256").update(`lindungikur-bulk\n${penyalurId}\n${nik}\n${loanNumber}`).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The cells of one line as e-form fields (by the header's column map). */
export function prepareRow(row: number, cells: readonly Cell[], columns: readonly (TemplateField | null)[], ref: Reference): PreparedRow {
  const raw: Record<string, string> = {};
  columns.forEach((field, i) => {
    if (field) raw[field] = cellValue(COLUMN_OF.get(field)!, cells[i], ref.words);
  });
  const nik = (raw.nik ?? "").replace(/\s+/g, "");
  const loanNumber = normalizeLoanNumber(raw.loanNumber ?? "");
  // The e-form picks a branch from a list; a file names it by code, or leaves it to the office's default.
  let branchError = false;
  const code = (raw.kantorCabangId ?? "").trim().toUpperCase();
  if (code === "") raw.kantorCabangId = ref.office.defaultKantorCabangId ?? "";
  else {
    const branch = ref.branchesByCode.get(code);
    if (branch) raw.kantorCabangId = branch.id;
    else branchError = true;
  }
  raw.submissionKey = bulkSubmissionKey(ref.office.penyalurId, nik, loanNumber);
  return { row, raw, nik, loanNumber, branchError };
}

const COLUMN_OF = new Map<TemplateField, TemplateColumn>(TEMPLATE_COLUMNS.map((c) => [c.field, c]));

/**
 * One row checked as the e-form's submit checks it: the e-form's whole-form validation
 * (validateEnrolment, the registered-NIK case included), the loan number against this penyalur's
 * enrolments (another office's or another debtor's loan is an error; the same debtor's loan at this
 * office is the enrolment already made — a re-upload), the loan number once per file, and the
 * server's mandate decision (out of scope is refused on the scheme, as on the e-form).
 */
export function checkRow(
  p: PreparedRow,
  ref: Reference,
  lookups: BatchLookups,
  seenInFile: Map<string, number>,
  today: string,
  locale: Locale,
): CheckedRow {
  const t = translator(locale);
  const existingParticipant = lookups.registeredNiks.has(p.nik);
  const result = validateEnrolment(p.raw, today, { locale, existingParticipant });
  const errors: FieldErrors = result.ok ? {} : { ...result.errors };
  if (p.branchError) {
    errors.kantorCabangId = [t("bulk.errors.branchUnknown", { code: (p.raw.kantorCabangId ?? "").trim() })];
  }
  const loan = p.loanNumber;
  if (loan !== "" && !errors.loanNumber) {
    const earlier = seenInFile.get(loan);
    if (earlier !== undefined) errors.loanNumber = [t("bulk.errors.duplicateInFile", { row: earlier })];
    else seenInFile.set(loan, p.row);
  }
  if (!result.ok || Object.keys(errors).length > 0) return { row: p.row, kind: "error", errors };

  const input = result.data;
  const enrolled = lookups.loans.get(input.loanNumber);
  if (enrolled) {
    if (enrolled.penyalurOfficeId !== ref.office.id) {
      return { row: p.row, kind: "error", errors: { loanNumber: [t("eform.validation.loanOtherOffice", { office: enrolled.officeName })] } };
    }
    if (enrolled.nik !== input.nik) return { row: p.row, kind: "error", errors: { loanNumber: [t("eform.validation.loanOtherDebtor")] } };
    return { row: p.row, kind: "existing", enrolmentId: enrolled.enrolmentId };
  }

  const branch = ref.branchesById.get(input.kantorCabangId);
  if (!branch) return { row: p.row, kind: "error", errors: { kantorCabangId: [t("eform.validation.branchMissing")] } };
  const decision = evaluateMandate({
    scheme: input.scheme,
    plafon: input.plafon,
    date: today,
    penyalurId: ref.office.penyalurId,
    kanwilCode: branch.kanwilCode,
    provinceCode: branch.provinceCode,
    phaseRules: ref.phaseRules,
  });
  if (decision.status === "OUT_OF_SCOPE") {
    return { row: p.row, kind: "error", errors: { scheme: [ruleMessage(rulesTranslator(locale), decision.explanation)] } };
  }
  const ctx: SubmitContext = {
    office: { id: ref.office.id, penyalurId: ref.office.penyalurId, timeZone: ref.office.timeZone },
    kantorCabangId: branch.id,
    decision,
    today,
  };
  return { row: p.row, kind: "new", input, ctx, kanwilId: branch.kanwilId };
}

/** A row's errors as one cell of the error report: "<column>: <message>" in the template's column order. */
export function errorText(errors: FieldErrors): string {
  const parts: string[] = [];
  for (const column of TEMPLATE_COLUMNS) {
    for (const message of errors[column.field] ?? []) parts.push(`${column.header}: ${message}`);
  }
  for (const message of errors.submissionKey ?? []) parts.push(message);
  return parts.join(" | ");
}
