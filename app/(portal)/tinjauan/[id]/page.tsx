import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ruleMessage, storedMandateText, type RulesTranslator } from "@/lib/i18n/rules";
import { StatusHistory } from "@/components/enrolment/status-history";
import { ContributionLinesTable } from "@/components/review/contribution-lines-table";
import { BillingInstruction } from "@/components/review/billing-instruction";
import { OptOutControls } from "@/components/notify/opt-out-controls";
import { optOutStateFor } from "@/lib/notify/data";
import { CoverageSummaryView, PriceStepsText } from "@/components/review/coverage-summary";
import { DecisionForms, PaymentForm } from "@/components/review/decision-forms";
import { LikelyDuplicateList } from "@/components/enrolment/likely-duplicates";
import { ChecklistView, DocumentGallery, ResubmissionChanges } from "@/components/review/checklist-view";
import { consentTextKey } from "@/lib/enrolment/consent";
import { recordReviewRead } from "@/lib/review/mutations";
import { PaymentList } from "@/components/payments/payment-list";
import { requirePermission } from "@/lib/auth/session";
import { formatInstant } from "@/lib/format";
import { reviewDetail } from "@/lib/review/data";
import type { NikCheck } from "@/lib/review/identity";
import { formatDateId, formatRupiah } from "@/lib/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("reviewTitle") };
}

const box = "rounded border border-slate-200 bg-white p-4";

function inputValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 1000 ? formatRupiah(value) : String(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

type T = Awaited<ReturnType<typeof getTranslations<never>>>;

/** One NIK check as the reviewer reads it: "Tanggal lahir: Sesuai — NIK: 12/03/1980 · data: 12/03/1980". */
function nikCheckDetail(c: NikCheck, t: T, tRules: RulesTranslator): string {
  switch (c.check) {
    case "nik":
      return ruleMessage(tRules, c.issue);
    case "birthDate":
      return t("review.nikCheck.detail", { fromNik: formatDateId(c.fromNik), stored: formatDateId(c.stored) });
    case "sex":
      return t("review.nikCheck.detail", { fromNik: t(`enums.sex.${c.fromNik}`), stored: t(`enums.sex.${c.stored}`) });
    case "province": {
      const fromNik = `${c.fromNik.code} ${c.fromNik.name}`.trim();
      return c.stored
        ? t("review.nikCheck.provinceDetail", { fromNik, stored: `${c.stored.code} ${c.stored.name}`.trim() })
        : t("review.nikCheck.noAddress", { fromNik });
    }
  }
}

/** The reviewer's page for one enrolment of their Kantor Cabang; 404 for anything else. */
export default async function ReviewEnrolmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("enrolment:review");
  const { id } = await params;
  const [e, t, tRules, optOuts] = await Promise.all([reviewDetail(actor, id, new Date()), getTranslations(), getTranslations("rules"), optOutStateFor(actor, id)]);
  if (!e) notFound();
  // The reviewer sees personal data (identity, address, heir, documents): each opening is a read on record.
  await recordReviewRead(actor, e.id);
  const mandateText = storedMandateText(tRules, e.mandate);
  const tz = e.kantorCabang.timeZone;
  const consentVersion = e.checklist.find((c) => c.section === "consent")?.fields.find((f) => f.key === "consentTextVersion")?.value;
  const consentKey = typeof consentVersion === "string" ? consentTextKey(consentVersion) : null;
  const nikCheckFor = (check: NikCheck["check"]) => {
    const c = e.nikChecks.find((x) => x.check === check);
    return c ? (
      <span className={c.ok ? "text-green-800" : "font-semibold text-red-800"} data-testid={`nik-check-${c.check}`}>
        <span aria-hidden="true">{c.ok ? "✓" : "✗"} </span>
        {c.ok ? t("review.match") : t("review.mismatch")} — {nikCheckDetail(c, t, tRules)}
      </span>
    ) : null;
  };

  return (
    <article className="space-y-5">
      <header>
        <p className="text-sm"><Link href="/tinjauan" className="text-brand-700 underline">{t("review.queueTitle")}</Link></p>
        <h1 className="text-2xl font-semibold">{e.participant.fullName}</h1>
        <p className="text-sm text-slate-600" data-testid="review-status">
          {t("review.reviewTitle")} · {t(`enums.scheme.${e.scheme}`)} · {t(`enums.status.${e.status}`)}
          {e.kpj ? <> · KPJ <span className="font-mono font-semibold" data-testid="kpj">{e.kpj}</span></> : null}
          {e.status === "SUBMITTED" && e.ageWorkingDays !== null ? <> · {t("review.ageDays", { days: e.ageWorkingDays })}</> : null}
        </p>
      </header>

      <ResubmissionChanges detail={e} timeZone={tz} />

      <ChecklistView
        detail={e}
        timeZone={tz}
        consent={{ version: typeof consentVersion === "string" ? consentVersion : null, text: consentKey ? t(`eform.consentTexts.${consentKey}`) : null }}
        nikCheckCells={{ nik: nikCheckFor("nik"), birthDate: nikCheckFor("birthDate"), sex: nikCheckFor("sex"), addressProvince: nikCheckFor("province") }}
      />

      <DocumentGallery documents={e.documents} added={new Set(e.resubmission?.documentsAdded ?? [])} timeZone={tz} />

      <section aria-labelledby="mirip" className={`${box} print:hidden`} data-testid="likely-duplicates-section">
        <h2 id="mirip" className="text-lg font-semibold">{t("reviewDesk.likelyTitle")}</h2>
        <p className="text-sm text-slate-600">{t("reviewDesk.likelyIntro")}</p>
        {e.likelyDuplicates.length ? <LikelyDuplicateList items={e.likelyDuplicates} linkBase="/tinjauan/" /> : <p className="mt-1 text-sm">{t("reviewDesk.likelyNone")}</p>}
      </section>

      <section aria-labelledby="tindakan" className={box} data-testid="review-actions">
        <h2 id="tindakan" className="text-lg font-semibold">{t("review.actions")}</h2>
        {e.status === "SUBMITTED" ? (
          <div className="mt-2"><DecisionForms enrolmentId={e.id} version={e.version} debtorName={e.participant.fullName} /></div>
        ) : (
          <div className="mt-1 space-y-1">
            <p>{t("review.decided", { status: t(`enums.status.${e.status}`) })}</p>
            {e.status === "RETURNED" && e.returnReason ? <p>{t("review.returnedWith", { reason: e.returnReason })}</p> : null}
            {e.status === "REJECTED" && e.rejectReason ? (
              <p>{t("review.rejectedWith", { reason: t(`review.rejectReasons.${e.rejectReason}`), note: e.rejectNote ?? "" })}</p>
            ) : null}
          </div>
        )}
      </section>

      {e.plan ? (
        <section aria-labelledby="rencana-iuran" className={`${box} space-y-2`} data-testid="contribution-plan">
          <h2 id="rencana-iuran" className="text-lg font-semibold">{t("detail.contribution")}</h2>
          <p className="text-xl font-bold" data-testid="contribution-amount"><PriceStepsText months={e.plan} /> {t("form.perMonth")}</p>
          <p className="text-sm">{t("detail.planNote", { count: e.plan.length })}</p>
          <ContributionLinesTable lines={e.plan} captionHidden />
        </section>
      ) : null}
      {e.status === "REJECTED" ? (
        <p className={box} data-testid="no-amount-due">{t("detail.noAmountDue")}</p>
      ) : null}

      {e.status === "APPROVED" ? (
        <section aria-labelledby="kepesertaan" className={`${box} space-y-3`}>
          <h2 id="kepesertaan" className="text-lg font-semibold">{t("review.coverage")}</h2>
          {e.coverage ? <CoverageSummaryView coverage={e.coverage} /> : null}
          {e.billingCode && e.coverage ? <BillingInstruction billingCode={e.billingCode} coverage={e.coverage} name={e.participant.fullName} kpj={e.kpj} /> : null}
          <p>
            <a href={`/sertifikat/${e.id}`} download className="font-semibold text-brand-700 underline" data-testid="certificate-link">{t("review.certificate")}</a>
          </p>
          <ContributionLinesTable lines={e.lines} />
          <h3 className="font-semibold">{t("review.payments")}</h3>
          <PaymentList payments={e.payments} timeZone={tz} />
          <PaymentForm enrolmentId={e.id} today={e.today} />
        </section>
      ) : null}

      {optOuts ? <OptOutControls enrolmentId={e.id} states={optOuts} timeZone={tz} /> : null}

      <section aria-labelledby="keputusan" className={box} data-testid="decision">
        <h2 id="keputusan" className="text-lg font-semibold">{t("review.decisionExplain")}</h2>
        <p className="mt-1 text-xl font-bold">{t(`enums.mandate.${e.mandate.status}`)} — {mandateText.legalBasis}</p>
        <p className="mt-1">{mandateText.explanation}</p>
        <dl className="mt-2 grid gap-x-4 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("detail.rule")}</dt>
          <dd className="font-mono">{e.mandate.ruleId} @ {e.mandate.ruleVersion}</dd>
          <dt className="font-medium">{t("detail.legalBasis")}</dt>
          <dd>{mandateText.legalBasis}</dd>
          {e.mandate.requiredFrom ? (
            <>
              <dt className="font-medium">{t("review.requiredFrom")}</dt>
              <dd>{formatDateId(e.mandate.requiredFrom)}</dd>
            </>
          ) : null}
        </dl>
        <h3 className="mt-3 font-semibold">{t("review.inputs")}</h3>
        <dl className="grid gap-x-4 text-sm sm:grid-cols-[auto_1fr]" data-testid="decision-inputs">
          {Object.entries(e.mandate.inputs).map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-mono text-slate-600">{k}</dt>
              <dd>{inputValue(v)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="ganda" className={box} data-testid="duplicates">
        <h2 id="ganda" className="text-lg font-semibold">{t("review.duplicates")}</h2>
        {e.duplicates.length === 0 ? (
          <p className="mt-1 text-sm">{t("review.noDuplicates")}</p>
        ) : (
          <ul className="mt-2 list-disc pl-5 text-sm">
            {e.duplicates.map((d) => (
              <li key={d.id}>
                {d.inScope ? <Link href={`/tinjauan/${d.id}`} className="text-brand-700 underline">{d.penyalurName}</Link> : d.penyalurName}
                {" · "}{t(`enums.scheme.${d.scheme}`)} {formatRupiah(d.plafon)} · {t(`enums.status.${d.status}`)}
                {d.submittedAt ? <> · {formatInstant(d.submittedAt, tz)}</> : null}
                {" · "}{d.kantorCabangName}{d.inScope ? null : <> ({t("review.outOfScope")})</>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="rincian" className={box}>
        <h2 id="rincian" className="text-lg font-semibold">{t("detail.debtor")}</h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t("form.income")}</dt>
          <dd className="tabular-nums">{formatRupiah(e.declaredIncome)} ({t("detail.tier")}: {formatRupiah(e.tierBasis)})</dd>
          <dt className="font-medium">{t("list.office")}</dt>
          <dd>{e.office.penyalurName} — {e.office.name}</dd>
          <dt className="font-medium">{t("detail.officer")}</dt>
          <dd>{e.officerName}</dd>
          <dt className="font-medium">{t("detail.submittedAt")}</dt>
          <dd>{e.submittedAt ? formatInstant(e.submittedAt, tz) : "—"}</dd>
        </dl>
        <p className="mt-2 text-xs text-slate-600">{t("reviewDesk.readAudited")}</p>
      </section>

      <StatusHistory entries={e.history} timeZone={actor.timeZone} />
    </article>
  );
}
