import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { storedMandateText } from "@/lib/i18n/rules";
import { StatusHistory } from "@/components/enrolment/status-history";
import { ContributionLinesTable } from "@/components/review/contribution-lines-table";
import { CoverageSummaryView } from "@/components/review/coverage-summary";
import { DecisionForms, PaymentForm } from "@/components/review/decision-forms";
import { requirePermission } from "@/lib/auth/session";
import { formatInstant } from "@/lib/format";
import { fill } from "@/lib/i18n/dictionaries";
import { getDictionary } from "@/lib/i18n/server";
import { enrolmentHistory, reviewDetail } from "@/lib/review/data";
import { PAYMENT_CHANNEL_LABELS, REJECT_REASON_LABELS } from "@/lib/review/schema";
import {
  MANDATE_LABELS,
  MANDATE_LABELS_EN,
  SCHEME_LABELS,
  SEX_LABELS,
  SEX_LABELS_EN,
  formatDateId,
  formatMonthId,
  formatRupiah,
} from "@/lib/rules";

export const metadata: Metadata = { title: "Verifikasi pendaftaran" };

const box = "rounded border border-slate-200 bg-white p-4";

function inputValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 1000 ? formatRupiah(value) : String(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The reviewer's page for one enrolment of their Kantor Cabang; 404 for anything else. */
export default async function ReviewEnrolmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("enrolment:review");
  const { id } = await params;
  const [e, history, { locale, t }] = await Promise.all([reviewDetail(actor, id, new Date()), enrolmentHistory(actor, id), getDictionary()]);
  if (!e || !history) notFound();
  const mandateText = storedMandateText(await getTranslations("rules"), e.mandate);
  const mandateLabels = locale === "id" ? MANDATE_LABELS : MANDATE_LABELS_EN;
  const tz = e.kantorCabang.timeZone;

  return (
    <article className="space-y-5">
      <header>
        <p className="text-sm"><Link href="/tinjauan" className="text-brand-700 underline">{t.review.queueTitle}</Link></p>
        <h1 className="text-2xl font-semibold">{e.participant.fullName}</h1>
        <p className="text-sm text-slate-600" data-testid="review-status">
          {t.review.reviewTitle} · {SCHEME_LABELS[e.scheme]} · {t.status[e.status]}
          {e.kpj ? <> · KPJ <span className="font-mono font-semibold" data-testid="kpj">{e.kpj}</span></> : null}
          {e.status === "SUBMITTED" && e.ageWorkingDays !== null ? <> · {fill(t.review.ageDays, { days: e.ageWorkingDays })}</> : null}
        </p>
      </header>

      <section aria-labelledby="tindakan" className={box} data-testid="review-actions">
        <h2 id="tindakan" className="text-lg font-semibold">{t.review.actions}</h2>
        {e.status === "SUBMITTED" ? (
          <div className="mt-2"><DecisionForms enrolmentId={e.id} version={e.version} t={t} locale={locale} /></div>
        ) : (
          <div className="mt-1 space-y-1">
            <p>{fill(t.review.decided, { status: t.status[e.status] })}</p>
            {e.status === "RETURNED" && e.returnReason ? <p>{fill(t.review.returnedWith, { reason: e.returnReason })}</p> : null}
            {e.status === "REJECTED" && e.rejectReason ? (
              <p>{fill(t.review.rejectedWith, { reason: REJECT_REASON_LABELS[e.rejectReason][locale], note: e.rejectNote ?? "" })}</p>
            ) : null}
          </div>
        )}
      </section>

      {e.status === "APPROVED" ? (
        <section aria-labelledby="kepesertaan" className={`${box} space-y-3`}>
          <h2 id="kepesertaan" className="text-lg font-semibold">{t.review.coverage}</h2>
          {e.coverage ? <CoverageSummaryView coverage={e.coverage} locale={locale} t={t} /> : null}
          <p>
            <a href={`/sertifikat/${e.id}`} download className="font-semibold text-brand-700 underline" data-testid="certificate-link">{t.review.certificate}</a>
          </p>
          <ContributionLinesTable lines={e.lines} t={t} />
          <h3 className="font-semibold">{t.review.payments}</h3>
          {e.payments.length ? (
            <ul className="list-disc pl-5 text-sm" data-testid="payments">
              {e.payments.map((p) => (
                <li key={p.id}>
                  {formatDateId(p.paidOn)} · {formatRupiah(p.amount)} · {PAYMENT_CHANNEL_LABELS[p.channel][locale]} · ref. {p.reference} · {p.months.map(formatMonthId).join(", ")}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">{t.review.noPayments}</p>
          )}
          <PaymentForm enrolmentId={e.id} today={e.today} t={t} locale={locale} />
        </section>
      ) : null}

      <section aria-labelledby="keputusan" className={box} data-testid="decision">
        <h2 id="keputusan" className="text-lg font-semibold">{t.review.decisionExplain}</h2>
        <p className="mt-1 text-xl font-bold">{mandateLabels[e.mandate.status]} — {mandateText.legalBasis}</p>
        <p className="mt-1">{mandateText.explanation}</p>
        <dl className="mt-2 grid gap-x-4 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t.detail.rule}</dt>
          <dd className="font-mono">{e.mandate.ruleId} @ {e.mandate.ruleVersion}</dd>
          <dt className="font-medium">{t.detail.legalBasis}</dt>
          <dd>{mandateText.legalBasis}</dd>
          {e.mandate.requiredFrom ? (
            <>
              <dt className="font-medium">{locale === "id" ? "Wajib sejak" : "Required from"}</dt>
              <dd>{formatDateId(e.mandate.requiredFrom)}</dd>
            </>
          ) : null}
        </dl>
        <h3 className="mt-3 font-semibold">{t.review.inputs}</h3>
        <dl className="grid gap-x-4 text-sm sm:grid-cols-[auto_1fr]" data-testid="decision-inputs">
          {Object.entries(e.mandate.inputs).map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-mono text-slate-600">{k}</dt>
              <dd>{inputValue(v)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="cek-nik" className={box} data-testid="nik-checks">
        <h2 id="cek-nik" className="text-lg font-semibold">{t.review.nikChecks}</h2>
        <ul className="mt-2 space-y-1 text-sm">
          {e.nikChecks.map((c) => (
            <li key={c.label} className={c.ok ? "" : "font-semibold text-red-800"}>
              <span aria-hidden="true">{c.ok ? "✓" : "✗"} </span>
              {c.label}: {c.ok ? t.review.match : t.review.mismatch} — {c.detail}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="ganda" className={box} data-testid="duplicates">
        <h2 id="ganda" className="text-lg font-semibold">{t.review.duplicates}</h2>
        {e.duplicates.length === 0 ? (
          <p className="mt-1 text-sm">{t.review.noDuplicates}</p>
        ) : (
          <ul className="mt-2 list-disc pl-5 text-sm">
            {e.duplicates.map((d) => (
              <li key={d.id}>
                {d.inScope ? <Link href={`/tinjauan/${d.id}`} className="text-brand-700 underline">{d.penyalurName}</Link> : d.penyalurName}
                {" · "}{SCHEME_LABELS[d.scheme]} {formatRupiah(d.plafon)} · {t.status[d.status]}
                {d.submittedAt ? <> · {formatInstant(d.submittedAt, tz)}</> : null}
                {" · "}{d.kantorCabangName}{d.inScope ? null : <> ({t.review.outOfScope})</>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="rincian" className={box}>
        <h2 id="rincian" className="text-lg font-semibold">{t.detail.debtor}</h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">NIK</dt>
          <dd className="font-mono">{e.participant.nikMasked}</dd>
          <dt className="font-medium">{t.form.birthDate}</dt>
          <dd>{formatDateId(e.participant.birthDate)}</dd>
          <dt className="font-medium">{t.form.sex}</dt>
          <dd>{(locale === "id" ? SEX_LABELS : SEX_LABELS_EN)[e.participant.sex]}</dd>
          <dt className="font-medium">{t.form.phone}</dt>
          <dd>{e.participant.phone}</dd>
          <dt className="font-medium">{t.form.plafon}</dt>
          <dd className="tabular-nums">{formatRupiah(e.plafon)}</dd>
          <dt className="font-medium">{t.form.income}</dt>
          <dd className="tabular-nums">{formatRupiah(e.declaredIncome)} ({t.detail.tier}: {formatRupiah(e.tierBasis)})</dd>
          <dt className="font-medium">JHT</dt>
          <dd>{e.jht ? "✓" : "—"}</dd>
          <dt className="font-medium">{t.list.office}</dt>
          <dd>{e.office.penyalurName} — {e.office.name}</dd>
          <dt className="font-medium">{t.detail.officer}</dt>
          <dd>{e.officerName}</dd>
          <dt className="font-medium">{t.detail.submittedAt}</dt>
          <dd>{e.submittedAt ? formatInstant(e.submittedAt, tz) : "—"}</dd>
        </dl>
      </section>

      <StatusHistory entries={history} timeZone={actor.timeZone} locale={locale} t={t} />
    </article>
  );
}
