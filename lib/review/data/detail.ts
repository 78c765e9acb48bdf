import "server-only";
import { isUuid } from "@/lib/search-params";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can, personalDataView, presentIdentifier, presentPhone, type Subject } from "@/lib/auth/permissions";
import { enrolmentWhere } from "@/lib/auth/scope";
import { monthOf, todayInZone, workingDaysBetween, type KurScheme } from "@/lib/rules";
import { plannedRows, type PlannedRow } from "@/lib/enrolment/pricing";
import type { PaymentChannel, RejectReason } from "@/lib/review/schema";
import { nikChecks, type NikCheck } from "@/lib/review/identity";
import { historyOf, type HistoryEntry } from "@/lib/review/data/history";
import { STORED_MANDATE_SELECT, likelyDuplicates, storedMandateOf, type LikelyDuplicate, type StoredMandate } from "@/lib/enrolment/data";
import { CHECKLIST, changedFields, checklistValues, type ChecklistField, type ChecklistSection, type ChecklistValues, type FieldKind, type FieldValue } from "@/lib/review/checklist";
import { CHECKLIST_SELECT } from "@/lib/review/data/checklist";
import { enrolmentDocuments } from "@/lib/documents/data";
import type { DocumentDto } from "@/lib/documents/schema";
import { LINE_SELECT, coverageFrom, isoDay, isoMonth, toLineDto, type CoverageSummary, type EnrolmentStatus, type LineDto } from "@/lib/review/data/shared";

export interface ReviewDetail {
  id: string;
  version: number;
  status: EnrolmentStatus;
  scheme: KurScheme;
  plafon: number;
  declaredIncome: number;
  tierBasis: number;
  tierTableVersion: string;
  jht: boolean;
  /** The debtor agreed that the lending bank debits the monthly contribution for the loan's tenor (docs/decisions/0025). */
  autoDebitConsent: boolean;
  kpj: string | null;
  /** Issued at approval with the KPJ (lib/rules/billing.ts); null before. */
  billingCode: string | null;
  submittedAt: string | null;
  ageWorkingDays: number | null;
  returnReason: string | null;
  rejectReason: RejectReason | null;
  rejectNote: string | null;
  loanNumber: string | null;
  mandate: StoredMandate;
  participant: { nikMasked: string; fullName: string; birthDate: string; sex: "L" | "P"; phone: string };
  nikChecks: NikCheck[];
  office: { name: string; penyalurName: string };
  kantorCabang: { name: string; timeZone: string };
  officerName: string;
  lines: LineDto[];
  /** Not yet approved: the planned months as they would be written if approved today (no debt). */
  plan: PlannedRow[] | null;
  coverage: CoverageSummary | null;
  /**
   * Oldest first. `reversible`: the latest payment still standing, the only one a reversal may undo
   * (docs/decisions/0016 §3); a reversed one keeps its row, with when and why.
   */
  payments: {
    id: string;
    amount: number;
    paidOn: string;
    channel: PaymentChannel;
    reference: string;
    months: string[];
    reversed: { at: string; reason: string } | null;
    reversible: boolean;
  }[];
  /** Other enrolments of the same participant (same NIK), at any penyalur and any branch. */
  duplicates: {
    id: string;
    status: EnrolmentStatus;
    scheme: KurScheme;
    plafon: number;
    penyalurName: string;
    kantorCabangName: string;
    submittedAt: string | null;
    /** Whether this reviewer may open it (same Kantor Cabang). */
    inScope: boolean;
  }[];
  history: HistoryEntry[];
  today: string;
  /** Every field the officer typed, in checklist order, as this reviewer may see it. */
  checklist: { section: ChecklistSection; fields: ShownField[] }[];
  /** Enrolments of other NIKs that resemble this debtor (lib/enrolment/data/duplicates.ts), scoped. */
  likelyDuplicates: LikelyDuplicate[];
  /** The scans and photos attached to the form (lib/documents), oldest first. */
  documents: DocumentDto[];
  /**
   * After a return and a resubmission: the reason beside what changed since the reviewer saw it,
   * field by field, and the documents attached since. Null for a first submission; `changes` null
   * for a return recorded before the snapshot existed.
   */
  resubmission: {
    reason: string;
    returnedAt: string;
    reviewerName: string;
    changes: { key: ChecklistField; kind: FieldKind; before: FieldValue; after: FieldValue }[] | null;
    documentsAdded: string[];
  } | null;
}

export interface ShownField {
  key: ChecklistField;
  kind: FieldKind;
  value: FieldValue;
}

/** A checklist value as `actor` may see it: identifiers and phones masked by role, contact details withheld. */
const CONTACT_FIELDS: ReadonlySet<ChecklistField> = new Set(["motherMaidenName", "email", "addressStreet", "heirName", "heirPhone"]);
function shown(actor: Subject, key: ChecklistField, kind: FieldKind, value: FieldValue): FieldValue {
  if (typeof value !== "string") return value;
  if (kind === "identifier") return presentIdentifier(actor, value);
  if (kind === "phone") return presentPhone(actor, value);
  if (CONTACT_FIELDS.has(key) && !personalDataView(actor).contactDetails) return "•••";
  return value;
}

function checklistOf(actor: Subject, values: ChecklistValues) {
  return CHECKLIST.map(({ section, fields }) => ({
    section,
    fields: fields.map(([key, kind]) => ({ key, kind, value: shown(actor, key, kind, values[key]) })),
  }));
}

/**
 * One enrolment for the reviewer's page, with its status history: only if the reviewer's scope
 * covers it (one scope check for the whole page); null otherwise.
 */
export async function reviewDetail(actor: Actor, id: string, now: Date): Promise<ReviewDetail | null> {
  const scopeWhere = enrolmentWhere(actor, "enrolment:review");
  if (!scopeWhere || !isUuid(id)) return null;
  const e = await db().enrolment.findFirst({
    where: { AND: [{ id }, scopeWhere] },
    select: {
      ...CHECKLIST_SELECT,
      id: true,
      version: true,
      status: true,
      scheme: true,
      plafon: true,
      declaredIncome: true,
      tierBasis: true,
      tierTableVersion: true,
      jht: true,
      autoDebitConsent: true,
      sector: true,
      fundedByBudget: true,
      kpj: true,
      billingCode: true,
      submittedAt: true,
      returnReason: true,
      rejectReason: true,
      rejectNote: true,
      loanNumber: true,
      coverStartMonth: true,
      monthsInAdvance: true,
      participantId: true,
      ...STORED_MANDATE_SELECT,
      submissionKey: true,
      penyalurId: true,
      penyalurOfficeId: true,
      kantorCabangId: true,
      penyalurOffice: { select: { name: true, penyalur: { select: { name: true } } } },
      kantorCabang: { select: { name: true, timeZone: true, kanwilId: true } },
      officer: { select: { name: true } },
      contributionLines: LINE_SELECT,
      payments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          amount: true,
          paidOn: true,
          channel: true,
          reference: true,
          reversedAt: true,
          reversalReason: true,
          lines: { select: { month: true }, orderBy: { month: "asc" } },
        },
      },
    },
  });
  if (!e) return null;
  const place = { penyalurOfficeId: e.penyalurOfficeId, kantorCabangId: e.kantorCabangId, kanwilId: e.kantorCabang.kanwilId };
  const p0 = e.participant;
  const [duplicates, history, documents, lastReturn, likely] = await Promise.all([
    db().enrolment.findMany({
    where: { participantId: e.participantId, id: { not: e.id } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      status: true,
      scheme: true,
      plafon: true,
      submittedAt: true,
      kantorCabangId: true,
      penyalurOfficeId: true,
      penyalur: { select: { name: true } },
      kantorCabang: { select: { name: true, kanwilId: true } },
    },
    }),
    historyOf(e.id),
    enrolmentDocuments(actor, { submissionKey: e.submissionKey, penyalurOfficeId: e.penyalurOfficeId, place }),
    db().enrolmentReturn.findFirst({
      where: { enrolmentId: e.id },
      orderBy: { returnedAt: "desc" },
      select: { reason: true, returnedAt: true, fields: true, reviewer: { select: { name: true } } },
    }),
    likelyDuplicates(actor, {
      nik: p0.nik,
      fullName: p0.fullName,
      birthDate: isoDay(p0.birthDate),
      phone: p0.phone,
      loanNumber: e.loanNumber,
      penyalurId: e.penyalurId,
      excludeEnrolmentId: e.id,
    }),
  ]);
  const values = checklistValues(e);
  const kindOf = new Map(CHECKLIST.flatMap((s) => s.fields.map(([key, kind]) => [key, kind] as const)));
  const before = (lastReturn?.fields ?? null) as Partial<Record<string, FieldValue>> | null;
  const zone = e.kantorCabang.timeZone;
  const today = todayInZone(now, zone);
  const lines: LineDto[] = e.contributionLines.map(toLineDto);
  const p = e.participant;
  return {
    id: e.id,
    version: e.version,
    status: e.status,
    scheme: e.scheme,
    plafon: e.plafon,
    declaredIncome: e.declaredIncome,
    tierBasis: e.tierBasis,
    tierTableVersion: e.tierTableVersion,
    jht: e.jht,
    autoDebitConsent: e.autoDebitConsent,
    kpj: e.kpj,
    billingCode: e.status === "APPROVED" ? e.billingCode : null,
    submittedAt: e.submittedAt?.toISOString() ?? null,
    ageWorkingDays: e.submittedAt ? workingDaysBetween(todayInZone(e.submittedAt, zone), today) : null,
    returnReason: e.returnReason,
    rejectReason: e.rejectReason,
    rejectNote: e.rejectNote,
    loanNumber: e.loanNumber,
    mandate: storedMandateOf(e),
    participant: { nikMasked: presentIdentifier(actor, p.nik), fullName: p.fullName, birthDate: isoDay(p.birthDate), sex: p.sex, phone: presentPhone(actor, p.phone) },
    nikChecks: nikChecks({ nik: p.nik, birthDate: isoDay(p.birthDate), sex: p.sex, addressProvinceCode: p.addressProvinceCode }, today),
    office: { name: e.penyalurOffice.name, penyalurName: e.penyalurOffice.penyalur.name },
    kantorCabang: { name: e.kantorCabang.name, timeZone: zone },
    officerName: e.officer.name,
    lines,
    plan: e.status === "SUBMITTED" || e.status === "RETURNED"
      ? plannedRows({ declaredIncome: e.declaredIncome, jht: e.jht, sector: e.sector, firstMonth: monthOf(today), months: e.monthsInAdvance })
      : null,
    coverage:
      e.status === "APPROVED" && e.coverStartMonth
        ? coverageFrom(isoMonth(e.coverStartMonth), lines, today, e)
        : null,
    payments: e.payments.map((pay) => ({
      id: pay.id,
      amount: pay.amount,
      paidOn: isoDay(pay.paidOn),
      channel: pay.channel,
      reference: pay.reference,
      months: pay.lines.map((l) => isoMonth(l.month)),
      reversed: pay.reversedAt ? { at: pay.reversedAt.toISOString(), reason: pay.reversalReason ?? "" } : null,
      reversible: pay.id === e.payments.findLast((p) => !p.reversedAt)?.id,
    })),
    duplicates: duplicates.map((d) => ({
      id: d.id,
      status: d.status,
      scheme: d.scheme,
      plafon: d.plafon,
      penyalurName: d.penyalur.name,
      kantorCabangName: d.kantorCabang.name,
      submittedAt: d.submittedAt?.toISOString() ?? null,
      inScope: can(actor, "enrolment:review", { kantorCabangId: d.kantorCabangId, penyalurOfficeId: d.penyalurOfficeId, kanwilId: d.kantorCabang.kanwilId }),
    })),
    history,
    today,
    checklist: checklistOf(actor, values),
    likelyDuplicates: likely,
    documents,
    resubmission:
      lastReturn && e.status !== "RETURNED"
        ? {
            reason: lastReturn.reason,
            returnedAt: lastReturn.returnedAt.toISOString(),
            reviewerName: lastReturn.reviewer.name,
            changes: before
              ? changedFields(before, values).map((key) => {
                  const kind = kindOf.get(key)!;
                  return { key, kind, before: shown(actor, key, kind, before[key] ?? null), after: shown(actor, key, kind, values[key]) };
                })
              : null,
            documentsAdded: documents.filter((d) => d.createdAt > lastReturn.returnedAt.toISOString()).map((d) => d.id),
          }
        : null,
  };
}
