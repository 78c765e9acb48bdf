import "server-only";
import { AppError } from "@/lib/action/errors";
import { db, Prisma } from "@/lib/db";
import { recordEvent, type EventType } from "@/lib/events";
import { todayInZone } from "@/lib/rules";
import { applyLoanEvent, isCoverageGap, monthsBeyondCoverEnd, type LoanState } from "@/lib/loans/cover";
import type { LoanEventRecorded, LoanEventRequest } from "@/lib/loans/schema";

/**
 * Records one loan event a bank reported for an enrolled loan of its own (docs/decisions/0019 §3):
 * the LoanEvent row, the enrolment's loan columns, the coverage-gap verdict on disbursement and an
 * audit row, in one transaction that holds the enrolment's row lock (two events of one loan never
 * interleave). Idempotent on the bank's reference: the same reference and body answer the first
 * result again; the same reference with another body is a CONFLICT.
 * The outbox event (loan.disbursed, .repaid, .written-off, .restructured) is written in the same
 * transaction, so the bank's webhook hears of it only if it is recorded.
 */
export async function recordLoanEvent(
  caller: { penyalurId: string; apiKeyId: string },
  input: LoanEventRequest,
  requestHash: string,
  now: Date,
): Promise<LoanEventRecorded> {
  const replay = await replayOf(caller.penyalurId, input.reference, requestHash);
  if (replay) return replay;
  try {
    return await db().$transaction(async (tx) => {
      const found = await tx.enrolment.findUnique({
        where: { penyalurId_loanNumber: { penyalurId: caller.penyalurId, loanNumber: input.loanNumber.replace(/\s+/g, "").toUpperCase() } },
        select: { id: true },
      });
      if (!found) throw new AppError("NOT_FOUND");
      await tx.$executeRaw`SELECT 1 FROM "Enrolment" WHERE id = ${found.id}::uuid FOR UPDATE`;
      const e = await tx.enrolment.findUniqueOrThrow({
        where: { id: found.id },
        select: {
          id: true,
          plafon: true,
          status: true,
          mandateStatus: true,
          mandateRequiredFrom: true,
          approvedAt: true,
          coverStartMonth: true,
          disbursedOn: true,
          disbursedAmount: true,
          loanTenorMonths: true,
          expectedCoverEndMonth: true,
          obligationEndedOn: true,
          obligationEndReason: true,
          coverageGap: true,
          penyalurOffice: { select: { timeZone: true } },
          kantorCabang: { select: { timeZone: true } },
        },
      });
      if (input.occurredOn > todayInZone(now, e.penyalurOffice.timeZone)) throw new AppError("VALIDATION", { data: { reason: "future" } });
      if (input.kind === "DISBURSED" && input.amount! > e.plafon) throw new AppError("VALIDATION", { data: { reason: "abovePlafon" } });
      const before: LoanState = {
        disbursedOn: day(e.disbursedOn),
        disbursedAmount: e.disbursedAmount,
        tenorMonths: e.loanTenorMonths,
        expectedCoverEndMonth: e.expectedCoverEndMonth ? day(e.expectedCoverEndMonth)!.slice(0, 7) : null,
        obligationEndedOn: day(e.obligationEndedOn),
        obligationEndReason: e.obligationEndReason === "EARLY_REPAYMENT" || e.obligationEndReason === "WRITE_OFF" ? e.obligationEndReason : null,
      };
      const step = applyLoanEvent(before, { kind: input.kind, occurredOn: input.occurredOn, amount: input.amount ?? null, tenorMonths: input.tenorMonths ?? null });
      if (!step.ok) throw new AppError("INVALID_STATE", { data: { reason: step.reason } });
      const after = step.state;

      let coverageGap = e.coverageGap;
      if (input.kind === "DISBURSED") {
        const first = e.coverStartMonth
          ? await tx.contributionLine.findUnique({
              where: { enrolmentId_month: { enrolmentId: e.id, month: e.coverStartMonth } },
              select: { status: true, payment: { select: { paidOn: true } } },
            })
          : null;
        coverageGap = isCoverageGap({
          mandateStatus: e.mandateStatus,
          requiredFrom: day(e.mandateRequiredFrom),
          approvedOn: e.approvedAt && e.status === "APPROVED" ? todayInZone(e.approvedAt, e.kantorCabang.timeZone) : null,
          firstMonthPaidOn: first?.status === "PAID" ? day(first.payment?.paidOn ?? null) : null,
          disbursedOn: input.occurredOn,
        });
      }

      // What depends on the expected cover end, recomputed for the audit row and the bank's event:
      // the months still billed beyond it (lib/loans/cover.ts monthsBeyondCoverEnd).
      const dueMonths = (await tx.contributionLine.findMany({ where: { enrolmentId: e.id, status: "DUE" }, select: { month: true } })).map((l) => day(l.month)!.slice(0, 7));
      const beyondBefore = monthsBeyondCoverEnd(before.expectedCoverEndMonth, dueMonths);
      const beyondAfter = monthsBeyondCoverEnd(after.expectedCoverEndMonth, dueMonths);

      await tx.loanEvent.create({
        data: {
          enrolmentId: e.id,
          penyalurId: caller.penyalurId,
          kind: input.kind,
          reference: input.reference,
          occurredOn: date(input.occurredOn),
          amount: input.amount ?? null,
          tenorMonths: input.tenorMonths ?? null,
          requestHash,
          apiKeyId: caller.apiKeyId,
        },
      });
      await tx.enrolment.update({
        where: { id: e.id },
        data: {
          disbursedOn: after.disbursedOn ? date(after.disbursedOn) : null,
          disbursedAmount: after.disbursedAmount,
          loanTenorMonths: after.tenorMonths,
          expectedCoverEndMonth: after.expectedCoverEndMonth ? date(`${after.expectedCoverEndMonth}-01`) : null,
          obligationEndedOn: after.obligationEndedOn ? date(after.obligationEndedOn) : null,
          obligationEndReason: after.obligationEndReason,
          coverageGap,
        },
      });
      await tx.auditEvent.create({
        data: {
          actorId: null,
          action: `loan.${input.kind.toLowerCase()}`,
          entityType: "Enrolment",
          entityId: e.id,
          before: { ...before, coverageGap: e.coverageGap, dueMonthsBeyondCoverEnd: beyondBefore },
          after: { ...after, coverageGap, dueMonthsBeyondCoverEnd: beyondAfter, reference: input.reference, apiKeyId: caller.apiKeyId },
        },
      });
      const recorded: LoanEventRecorded = { enrolmentId: e.id, reference: input.reference, kind: input.kind, replayed: false, loan: { ...after, coverageGap } };
      await recordEvent(tx, {
        type: EVENT_TYPE[input.kind],
        penyalurId: caller.penyalurId,
        enrolmentId: e.id,
        payload: { reference: input.reference, occurredOn: input.occurredOn, ...after, coverageGap, dueMonthsBeyondCoverEnd: beyondAfter },
      });
      return recorded;
    });
  } catch (error) {
    // The same event arrived twice at once: the other request's row is the answer.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const again = await replayOf(caller.penyalurId, input.reference, requestHash);
      if (again) return again;
    }
    throw error;
  }
}

const EVENT_TYPE: Record<LoanEventRequest["kind"], EventType> = {
  DISBURSED: "loan.disbursed",
  EARLY_REPAYMENT: "loan.repaid",
  WRITE_OFF: "loan.written-off",
  RESTRUCTURED: "loan.restructured",
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function replayOf(penyalurId: string, reference: string, requestHash: string): Promise<LoanEventRecorded | null> {
  const row = await db().loanEvent.findUnique({
    where: { penyalurId_reference: { penyalurId, reference } },
    select: {
      kind: true,
      requestHash: true,
      enrolment: {
        select: {
          id: true,
          disbursedOn: true,
          disbursedAmount: true,
          loanTenorMonths: true,
          expectedCoverEndMonth: true,
          obligationEndedOn: true,
          obligationEndReason: true,
          coverageGap: true,
        },
      },
    },
  });
  if (!row) return null;
  if (row.requestHash !== requestHash) throw new AppError("CONFLICT", { data: { reason: "referenceReused" } });
  const e = row.enrolment;
  return {
    enrolmentId: e.id,
    reference,
    kind: row.kind,
    replayed: true,
    loan: {
      disbursedOn: day(e.disbursedOn),
      disbursedAmount: e.disbursedAmount,
      tenorMonths: e.loanTenorMonths,
      expectedCoverEndMonth: e.expectedCoverEndMonth ? day(e.expectedCoverEndMonth)!.slice(0, 7) : null,
      obligationEndedOn: day(e.obligationEndedOn),
      obligationEndReason: e.obligationEndReason === "EARLY_REPAYMENT" || e.obligationEndReason === "WRITE_OFF" ? e.obligationEndReason : null,
      coverageGap: e.coverageGap,
    },
  };
}
