import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ruleMessage, storedMandateText } from "@/lib/i18n/rules";
import { requirePermission } from "@/lib/auth/session";
import { DevDetails } from "@/components/ui/dev-details";
import { ContributionLinesTable } from "@/components/review/contribution-lines-table";
import { PriceStepsText } from "@/components/review/coverage-summary";
import { BillingInstruction } from "@/components/review/billing-instruction";
import { SendToDebtor } from "@/components/payments/send-to-debtor";
import { OptOutControls } from "@/components/notify/opt-out-controls";
import { optOutStateFor } from "@/lib/notify/data";
import { EnrolmentReviewPanel } from "@/components/review/review-panel";
import { can } from "@/lib/auth/permissions";
import { formatInstant, formatNpwp, formatPhoneId } from "@/lib/format";
import { enrolmentRecord } from "@/lib/review/data";
import { clearanceMandate } from "@/lib/enrolment/mutations";
import { disbursementClearance, formatDateId, formatRupiah } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("detail"))("title") };
}

const CLEARANCE_STYLE = {
  CLEARED: "border-green-700 bg-green-50 text-green-900",
  WARNING: "border-amber-600 bg-amber-50 text-amber-900",
  BLOCKED: "border-red-700 bg-red-50 text-red-900",
} as const;

export default async function EnrolmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePermission("enrolment:read");
  const { id } = await params;
  const now = new Date();
  // The clearance decides the mandate again on the office's day before the record is read, so the
  // record shows the decision in force (docs/regulation.md §2.2).
  const cleared = await clearanceMandate(actor, id, now);
  const [record, notice, t, optOuts] = await Promise.all([enrolmentRecord(actor, id, now), searchParams, getTranslations(), optOutStateFor(actor, id)]);
  if (!record || !cleared) notFound();
  // Identifiers, phones and contact details come already as this actor may see them (lib/review/data/record.ts).
  const e = record.enrolment;
  const paid = e.contributionLines.filter((l) => l.status === "PAID");
  const sum = (lines: typeof paid) => lines.reduce((total, l) => total + l.total - l.creditUsed, 0);
  const plan = record.review.plan;
  const yesNo = (b: boolean) => (b ? t("detail.record.yes") : t("detail.record.no"));
  const canCorrect = e.status === "RETURNED" && can(actor, "enrolment:correct");
  const first = e.contributionLines[0];
  const clearance = disbursementClearance({
    mandateStatus: cleared.status,
    enrolmentStatus: e.status,
    firstMonthPaid: first?.status === "PAID",
    gate: e.office.disbursementGate,
  });
  const tRules = await getTranslations("rules");
  const mandateText = storedMandateText(tRules, e.mandate);

  return (
    <article className="space-y-5">
      <header>
        <h1 className="text-2xl font-semibold">{e.participant.fullName}</h1>
        <p className="text-sm text-slate-600">
          {t("detail.title")} · {t(`enums.scheme.${e.scheme}`)} · {t(`enums.status.${e.status}`)}
        </p>
        <p className="text-sm">
          {t("officerJourney.reference")}: <span className="font-mono font-semibold" data-testid="reference">{e.reference}</span>
        </p>
      </header>

      {notice.terkirim === "1" ? <SentConfirmation reference={e.reference} branch={e.kantorCabang.name} /> : null}

      {notice["sudah-ada"] === "nomor-pinjaman" ? (
        <p role="status" className="rounded border-l-4 border-brand-600 bg-brand-50 p-3 text-sm" data-testid="notice">{t("detail.record.alreadyEnrolled")}</p>
      ) : null}
      {notice.diperbaiki === "1" ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-sm text-green-900" data-testid="notice">{t("detail.record.corrected")}</p>
      ) : null}

      {e.status === "RETURNED" ? (
        <section aria-labelledby="dikembalikan" className="rounded border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-900" data-testid="return-reason">
          <h2 id="dikembalikan" className="font-semibold">{t("detail.record.returnedNotice")}</h2>
          <p className="mt-1"><span className="font-medium">{t("detail.record.returnReason")}:</span> {e.returnReason ?? "—"}</p>
          {canCorrect ? (
            <Link href={`/pendaftaran/${e.id}/perbaiki`} className="mt-2 inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("detail.record.correct")}
            </Link>
          ) : null}
        </section>
      ) : null}

      {e.otherPenyalurActive.length ? (
        <p className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-amber-900" data-testid="other-penyalur">
          {t("detail.record.otherPenyalur", { names: e.otherPenyalurActive.join(", ") })}
        </p>
      ) : null}

      <section aria-labelledby="pencairan" className={`rounded border-l-4 p-4 ${CLEARANCE_STYLE[clearance.state]}`} data-testid="clearance">
        <h2 id="pencairan" className="text-sm font-medium uppercase tracking-wide">{t("detail.clearance")}</h2>
        <p className="text-lg font-bold">{ruleMessage(tRules, clearance.headline)}</p>
        <div className="mt-1 text-xs" data-testid="clearance-decided">
          {t("officerJourney.decidedToday", { date: formatDateId(cleared.decidedOn) })}
        </div>
        <DevDetails summary={t("officerJourney.details")}>{t("officerJourney.ruleCode", { rule: `${cleared.ruleId} @ ${cleared.ruleVersion}` })}</DevDetails>
        {cleared.changed && cleared.previousStatus && (cleared.status === "MANDATORY" || cleared.status === "PHASED_REQUIRED") ? (
          <div role="status" className="mt-2 rounded border border-current p-2 text-sm font-medium" data-testid="mandate-changed">
            {t("detail.mandateChanged", {
              before: t(`enums.mandate.${cleared.previousStatus}`),
              after: t(`enums.mandate.${cleared.status}`),
              date: formatDateId(cleared.decidedOn),
            })}
          </div>
        ) : null}
      </section>

      <section aria-labelledby="keputusan" className="rounded border border-slate-200 bg-white p-4" data-testid="decision">
        <h2 id="keputusan" className="text-lg font-semibold">{t("detail.decision")}</h2>
        <p className="mt-1 text-xl font-bold">
          {t(`enums.mandate.${e.mandate.status}`)} — {mandateText.legalBasis}
        </p>
        <p className="mt-1">{mandateText.explanation}</p>
        {e.mandate.requiredFrom ? (
          <p className="mt-2 text-sm">
            {t("review.requiredFrom")}: {formatDateId(e.mandate.requiredFrom)}
          </p>
        ) : null}
        <DevDetails summary={t("officerJourney.details")} testId="decision-rule">
          {t("detail.rule")}: {e.mandate.ruleId} @ {e.mandate.ruleVersion}
        </DevDetails>
      </section>

      {record.review.billingCode && record.review.coverage ? (
        <BillingInstruction
          billingCode={record.review.billingCode}
          coverage={record.review.coverage}
          name={e.participant.fullName}
          kpj={e.kpj}
          actions={can(actor, "debtor:notify") ? <SendToDebtor enrolmentId={e.id} kind="BILLING" label={t("notify.ui.sendBilling")} /> : null}
        />
      ) : null}

      {optOuts ? <OptOutControls enrolmentId={e.id} states={optOuts} timeZone={actor.timeZone} /> : null}

      <section aria-labelledby="iuran" className="rounded border border-slate-200 bg-white p-4" data-testid="contribution">
        <h2 id="iuran" className="text-lg font-semibold">{t("detail.contribution")}</h2>
        {e.status === "REJECTED" ? (
          <p className="mt-1" data-testid="no-amount-due">{t("detail.noAmountDue")}</p>
        ) : plan ? (
          <>
            <p className="mt-1 text-xl font-bold" data-testid="contribution-amount"><PriceStepsText months={plan} /> {t("form.perMonth")}</p>
            <p className="text-sm text-slate-600">
              {t("detail.tier")}: {formatRupiah(e.tierBasis)}
            </p>
            <DevDetails summary={t("officerJourney.details")}>{t("officerJourney.tariffCode", { version: e.tierTableVersion })}</DevDetails>
            <p className="mt-1 text-sm" data-testid="plan-note">{t("detail.planNote", { count: plan.length })}</p>
            <ContributionLinesTable lines={plan} captionHidden className="mt-3" />
          </>
        ) : first ? (
          <>
            <p className="mt-1 text-xl font-bold" data-testid="contribution-amount">
              {record.review.coverage?.next ? <PriceStepsText months={record.review.coverage.upcoming} /> : formatRupiah(first.total)} {t("form.perMonth")}
            </p>
            <p className="text-sm text-slate-600">
              {t("detail.tier")}: {formatRupiah(e.tierBasis)}
            </p>
            <DevDetails summary={t("officerJourney.details")}>{t("officerJourney.tariffCode", { version: e.tierTableVersion })}</DevDetails>
            <dl className="mt-2 grid gap-x-4 text-sm sm:grid-cols-[auto_1fr]" data-testid="contribution-totals">
              {/* What is overdue, as the next payment would settle it (lib/review/data/shared.ts coverageFrom). */}
              <dt className="font-medium">{t("detail.record.contributionsDue")}</dt>
              <dd className="tabular-nums">
                {formatRupiah(record.review.coverage?.owed ?? 0)} ({t("detail.record.months", { count: record.review.coverage?.unpaidMonths.length ?? 0 })})
              </dd>
              <dt className="font-medium">{t("detail.record.contributionsPaid")}</dt>
              <dd className="tabular-nums">{formatRupiah(sum(paid))} ({t("detail.record.months", { count: paid.length })})</dd>
            </dl>
            <ContributionLinesTable lines={e.contributionLines} captionHidden className="mt-3" />
          </>
        ) : null}
      </section>

      <section aria-labelledby="rincian" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="rincian" className="text-lg font-semibold">{t("detail.debtor")}</h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("review.nik")}</dt>
          <dd className="font-mono">{e.participant.nik}</dd>
          <dt className="font-medium">{t("form.birthDate")}</dt>
          <dd>{formatDateId(e.participant.birthDate)}</dd>
          <dt className="font-medium">{t("form.sex")}</dt>
          <dd>{t(`enums.sex.${e.participant.sex}`)}</dd>
          {e.participant.birthPlace ? (
            <>
              <dt className="font-medium">{t("detail.record.birthPlace")}</dt>
              <dd>{e.participant.birthPlace}</dd>
            </>
          ) : null}
          {e.participant.address ? (
            <>
              <dt className="font-medium">{t("detail.record.address")}</dt>
              <dd>{e.participant.address}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t("form.income")}</dt>
          <dd className="tabular-nums">{formatRupiah(e.declaredIncome)}</dd>
          <dt className="font-medium">{t("detail.kpj")}</dt>
          <dd className="font-mono">{e.kpj ?? t("detail.kpjPending")}</dd>
          <dt className="font-medium">{t("list.office")}</dt>
          <dd>{e.office.penyalurName} — {e.office.name}</dd>
          <dt className="font-medium">{t("list.branch")}</dt>
          <dd>{e.kantorCabang.name} ({e.kantorCabang.kanwilName})</dd>
          <dt className="font-medium">{t("detail.officer")}</dt>
          <dd>{e.officerName}</dd>
          <dt className="font-medium">{t("detail.submittedAt")}</dt>
          <dd>{e.submittedAt ? formatInstant(e.submittedAt, e.office.timeZone) : "—"}</dd>
        </dl>
      </section>

      <section aria-labelledby="usaha-pinjaman" className="rounded border border-slate-200 bg-white p-4" data-testid="loan">
        <h2 id="usaha-pinjaman" className="text-lg font-semibold">{t("detail.record.business")} · {t("detail.record.loan")}</h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("detail.record.loanNumber")}</dt>
          <dd className="font-mono">{e.loan.number ?? "—"}</dd>
          <dt className="font-medium">{t("form.plafon")}</dt>
          <dd className="tabular-nums">{formatRupiah(e.plafon)}</dd>
          <dt className="font-medium">{t("detail.record.purpose")}</dt>
          <dd>{e.loan.purpose ? t(`enums.purpose.${e.loan.purpose}`) : "—"}</dd>
          <dt className="font-medium">{t("detail.record.tenorMonths")}</dt>
          <dd>{e.loan.tenorMonths ?? "—"}</dd>
          <dt className="font-medium">{t("detail.record.plannedDisbursementDate")}</dt>
          <dd>{e.loan.plannedDisbursementDate ? formatDateId(e.loan.plannedDisbursementDate) : "—"}</dd>
          {e.loan.priorMikroCount !== null || e.loan.priorKurCount === null ? (
            <>
              <dt className="font-medium">{t("detail.record.priorMikroCount")}</dt>
              <dd>{e.loan.priorMikroCount ?? "—"}</dd>
              <dt className="font-medium">{t("detail.record.priorKecilCount")}</dt>
              <dd>{e.loan.priorKecilCount ?? "—"}</dd>
              <dt className="font-medium">{t("detail.record.outstandingMikro")}</dt>
              <dd className="tabular-nums">{e.loan.outstandingMikro ? formatRupiah(e.loan.outstandingMikro) : "—"}</dd>
            </>
          ) : (
            <>
              <dt className="font-medium">{t("detail.record.priorKurCount")}</dt>
              <dd>{e.loan.priorKurCount}</dd>
            </>
          )}
          <dt className="font-medium">{t("detail.record.npwp")}</dt>
          <dd className="font-mono">{e.loan.npwp ? formatNpwp(e.loan.npwp) : "—"}</dd>
          <dt className="font-medium">{t("detail.record.businessName")}</dt>
          <dd>{e.business.name ?? "—"}</dd>
          <dt className="font-medium">{t("detail.record.kbli")}</dt>
          <dd>
            {e.business.kbli ?? "—"}
            {e.business.sectorGroup ? ` (${t(`enums.kurSector.${e.business.sectorGroup}`)})` : ""}
          </dd>
          <dt className="font-medium">{t("detail.record.nib")}</dt>
          <dd className="font-mono">{e.business.nib ?? "—"}</dd>
          <dt className="font-medium">{t("detail.record.businessStartedOn")}</dt>
          <dd>{e.business.startedOn ? formatDateId(e.business.startedOn) : "—"}</dd>
          <dt className="font-medium">{t("detail.record.businessProvince")}</dt>
          <dd>{e.business.provinceName ?? "—"}</dd>
          {e.employer.employsWorkers !== null ? (
            <>
              <dt className="font-medium">{t("detail.record.employsWorkers")}</dt>
              <dd data-testid="employer">
                {yesNo(e.employer.employsWorkers)}
                {e.employer.employsWorkers && e.employer.workerCount ? ` (${t("detail.record.workerCount", { count: e.employer.workerCount })})` : ""}
                {e.employer.employsWorkers ? ` — ${t("detail.record.jhtEmployer")}` : ""}
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="kepesertaan" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="kepesertaan" className="text-lg font-semibold">{t("detail.record.coverage")} · {t("detail.record.attestationsShort")}</h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("detail.record.monthsInAdvance")}</dt>
          <dd>{t("detail.record.monthsOption", { count: e.coverage.monthsInAdvance })}</dd>
          <dt className="font-medium">{t("detail.record.autoDebitConsent")}</dt>
          <dd data-testid="auto-debit-consent">{yesNo(e.coverage.autoDebitConsent)}</dd>
          <dt className="font-medium">{t("detail.record.heirName")}</dt>
          <dd>
            {e.coverage.heirName ?? "—"}
            {e.coverage.heirRelationship ? ` (${t(`detail.record.heirRelationship.${e.coverage.heirRelationship}`)})` : ""}
          </dd>
          <dt className="font-medium">{t("detail.record.heirPhone")}</dt>
          <dd>{e.coverage.heirPhone ? formatPhoneId(e.coverage.heirPhone) : "—"}</dd>
          <dt className="font-medium">{t("detail.record.attestNikChecked")}</dt>
          <dd>{yesNo(e.attestations.nikChecked)}</dd>
          <dt className="font-medium">{t("detail.record.attestSlikChecked")}</dt>
          <dd>{yesNo(e.attestations.slikChecked)}</dd>
          <dt className="font-medium">{t("detail.record.attestNoOtherKur")}</dt>
          <dd>{yesNo(e.attestations.noOtherKur)}</dd>
          <dt className="font-medium">{t("detail.record.attestNpwpPresent")}</dt>
          <dd>{yesNo(e.attestations.npwpPresent)}</dd>
          <dt className="font-medium">{t("detail.record.consentGiven")}</dt>
          <dd>
            {e.consent.at ? `${formatInstant(e.consent.at, e.office.timeZone)} · ${t("detail.record.consentVersion")} ${e.consent.textVersion ?? "—"}` : t("detail.record.no")}
          </dd>
        </dl>
      </section>

      {/* Review (#5): cover and protected-until, certificate link, status history. */}
      <EnrolmentReviewPanel enrolmentId={e.id} review={record.review} history={record.history} timeZone={actor.timeZone} />
    </article>
  );
}

/** Right after the e-form's submit: the reference to quote and what happens next (issue #13). */
async function SentConfirmation({ reference, branch }: { reference: string; branch: string }) {
  const t = await getTranslations("officerJourney.sent");
  return (
    <section role="status" aria-labelledby="terkirim" className="rounded border-l-4 border-green-700 bg-green-50 p-4 text-green-950" data-testid="sent-confirmation">
      <h2 id="terkirim" className="text-lg font-semibold">{t("title", { reference })}</h2>
      <p className="text-sm">{t("keep")}</p>
      <h3 className="mt-2 text-sm font-semibold">{t("nextTitle")}</h3>
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>{t("nextReview", { branch })}</li>
        <li>{t("nextReturn")}</li>
        <li>{t("nextPay")}</li>
      </ol>
    </section>
  );
}
