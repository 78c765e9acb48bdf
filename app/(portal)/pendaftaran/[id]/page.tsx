import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ruleMessage, storedMandateText } from "@/lib/i18n/rules";
import { requirePermission } from "@/lib/auth/session";
import { ContributionLinesTable } from "@/components/review/contribution-lines-table";
import { EnrolmentReviewPanel } from "@/components/review/review-panel";
import { enrolmentForActor } from "@/lib/enrolment/data";
import { can, presentIdentifier } from "@/lib/auth/permissions";
import { formatInstant } from "@/lib/format";
import { getDictionary } from "@/lib/i18n/server";
import { fill } from "@/lib/i18n/dictionaries";
import { eformText } from "@/lib/i18n/eform";
import { HEIR_RELATIONSHIP_LABELS } from "@/lib/enrolment/schema";
import {
  MANDATE_LABELS,
  MANDATE_LABELS_EN,
  PURPOSE_LABELS,
  PURPOSE_LABELS_EN,
  SCHEME_LABELS,
  SECTOR_GROUP_LABELS,
  SECTOR_GROUP_LABELS_EN,
  SEX_LABELS,
  SEX_LABELS_EN,
  disbursementClearance,
  formatDateId,
  formatRupiah,
} from "@/lib/rules";

export const metadata: Metadata = { title: "Pendaftaran" };

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
  const e = await enrolmentForActor(actor, id);
  if (!e) notFound();
  const notice = await searchParams;
  const { locale, t } = await getDictionary();
  const x = eformText[locale];
  const unpaid = e.contributionLines.filter((l) => l.status === "DUE");
  const paid = e.contributionLines.filter((l) => l.status === "PAID");
  const sum = (lines: typeof unpaid) => lines.reduce((total, l) => total + l.total, 0);
  const yesNo = (b: boolean) => (b ? x.yes : x.no);
  const canCorrect = e.status === "RETURNED" && can(actor, "enrolment:correct");
  const first = e.contributionLines[0];
  const clearance = disbursementClearance({
    mandateStatus: e.mandate.status,
    enrolmentStatus: e.status,
    firstMonthPaid: first?.status === "PAID",
    gate: e.office.disbursementGate,
  });
  const tRules = await getTranslations("rules");
  const mandateText = storedMandateText(tRules, e.mandate);
  const mandateLabels = locale === "id" ? MANDATE_LABELS : MANDATE_LABELS_EN;
  // Officers see the debtor they enrolled; other roles see the NIK masked.
  const nik = presentIdentifier(actor, e.participant.nik);

  return (
    <article className="space-y-5">
      <header>
        <h1 className="text-2xl font-semibold">{e.participant.fullName}</h1>
        <p className="text-sm text-slate-600">
          {t.detail.title} · {SCHEME_LABELS[e.scheme]} · {t.status[e.status]}
        </p>
      </header>

      {notice["sudah-ada"] === "nomor-pinjaman" ? (
        <p role="status" className="rounded border-l-4 border-brand-600 bg-brand-50 p-3 text-sm" data-testid="notice">{x.alreadyEnrolled}</p>
      ) : null}
      {notice.diperbaiki === "1" ? (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-sm text-green-900" data-testid="notice">{x.corrected}</p>
      ) : null}

      {e.status === "RETURNED" ? (
        <section aria-labelledby="dikembalikan" className="rounded border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-900" data-testid="return-reason">
          <h2 id="dikembalikan" className="font-semibold">{x.returnedNotice}</h2>
          <p className="mt-1"><span className="font-medium">{x.returnReason}:</span> {e.returnReason ?? "—"}</p>
          {canCorrect ? (
            <Link href={`/pendaftaran/${e.id}/perbaiki`} className="mt-2 inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {x.correct}
            </Link>
          ) : null}
        </section>
      ) : null}

      {e.otherPenyalurActive.length ? (
        <p className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-amber-900" data-testid="other-penyalur">
          {fill(x.otherPenyalur, { names: e.otherPenyalurActive.join(", ") })}
        </p>
      ) : null}

      <section aria-labelledby="pencairan" className={`rounded border-l-4 p-4 ${CLEARANCE_STYLE[clearance.state]}`} data-testid="clearance">
        <h2 id="pencairan" className="text-sm font-medium uppercase tracking-wide">{t.detail.clearance}</h2>
        <p className="text-lg font-bold">{ruleMessage(tRules, clearance.headline)}</p>
      </section>

      <section aria-labelledby="keputusan" className="rounded border border-slate-200 bg-white p-4" data-testid="decision">
        <h2 id="keputusan" className="text-lg font-semibold">{t.detail.decision}</h2>
        <p className="mt-1 text-xl font-bold">
          {mandateLabels[e.mandate.status]} — {mandateText.legalBasis}
        </p>
        <p className="mt-1">{mandateText.explanation}</p>
        <dl className="mt-2 grid gap-x-4 text-xs text-slate-600 sm:grid-cols-[auto_1fr]">
          <dt>{t.detail.rule}</dt>
          <dd className="font-mono">{e.mandate.ruleId} @ {e.mandate.ruleVersion}</dd>
          {e.mandate.requiredFrom ? (
            <>
              <dt>{locale === "id" ? "Wajib sejak" : "Required from"}</dt>
              <dd>{formatDateId(e.mandate.requiredFrom)}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="iuran" className="rounded border border-slate-200 bg-white p-4" data-testid="contribution">
        <h2 id="iuran" className="text-lg font-semibold">{t.detail.contribution}</h2>
        {first ? (
          <>
            <p className="mt-1 text-xl font-bold">{formatRupiah(first.total)} {t.form.perMonth}</p>
            <p className="text-sm text-slate-600">
              {t.detail.tier}: {formatRupiah(e.tierBasis)} ({e.tierTableVersion})
            </p>
            <dl className="mt-2 grid gap-x-4 text-sm sm:grid-cols-[auto_1fr]" data-testid="contribution-totals">
              <dt className="font-medium">{x.contributionsDue}</dt>
              <dd className="tabular-nums">{formatRupiah(sum(unpaid))} ({unpaid.length} {x.months})</dd>
              <dt className="font-medium">{x.contributionsPaid}</dt>
              <dd className="tabular-nums">{formatRupiah(sum(paid))} ({paid.length} {x.months})</dd>
            </dl>
            <ContributionLinesTable lines={e.contributionLines} t={t} captionHidden className="mt-3" />
          </>
        ) : null}
      </section>

      <section aria-labelledby="rincian" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="rincian" className="text-lg font-semibold">{t.detail.debtor}</h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">NIK</dt>
          <dd className="font-mono">{nik}</dd>
          <dt className="font-medium">{t.form.birthDate}</dt>
          <dd>{formatDateId(e.participant.birthDate)}</dd>
          <dt className="font-medium">{t.form.sex}</dt>
          <dd>{(locale === "id" ? SEX_LABELS : SEX_LABELS_EN)[e.participant.sex]}</dd>
          {e.participant.birthPlace ? (
            <>
              <dt className="font-medium">{x.birthPlace}</dt>
              <dd>{e.participant.birthPlace}</dd>
            </>
          ) : null}
          {e.participant.address ? (
            <>
              <dt className="font-medium">{x.address}</dt>
              <dd>{e.participant.address}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t.form.income}</dt>
          <dd className="tabular-nums">{formatRupiah(e.declaredIncome)}</dd>
          <dt className="font-medium">{t.detail.kpj}</dt>
          <dd className="font-mono">{e.kpj ?? t.detail.kpjPending}</dd>
          <dt className="font-medium">{t.list.office}</dt>
          <dd>{e.office.penyalurName} — {e.office.name}</dd>
          <dt className="font-medium">{t.list.branch}</dt>
          <dd>{e.kantorCabang.name} ({e.kantorCabang.kanwilName})</dd>
          <dt className="font-medium">{t.detail.officer}</dt>
          <dd>{e.officerName}</dd>
          <dt className="font-medium">{t.detail.submittedAt}</dt>
          <dd>{e.submittedAt ? formatInstant(e.submittedAt, e.office.timeZone) : "—"}</dd>
        </dl>
      </section>

      <section aria-labelledby="usaha-pinjaman" className="rounded border border-slate-200 bg-white p-4" data-testid="loan">
        <h2 id="usaha-pinjaman" className="text-lg font-semibold">{x.business_} · {x.loan_}</h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{x.loanNumber}</dt>
          <dd className="font-mono">{e.loan.number ?? "—"}</dd>
          <dt className="font-medium">{t.form.plafon}</dt>
          <dd className="tabular-nums">{formatRupiah(e.plafon)}</dd>
          <dt className="font-medium">{x.purpose}</dt>
          <dd>{e.loan.purpose ? (locale === "id" ? PURPOSE_LABELS : PURPOSE_LABELS_EN)[e.loan.purpose] : "—"}</dd>
          <dt className="font-medium">{x.tenorMonths}</dt>
          <dd>{e.loan.tenorMonths ?? "—"}</dd>
          <dt className="font-medium">{x.plannedDisbursementDate}</dt>
          <dd>{e.loan.plannedDisbursementDate ? formatDateId(e.loan.plannedDisbursementDate) : "—"}</dd>
          <dt className="font-medium">{x.priorKurCount}</dt>
          <dd>{e.loan.priorKurCount ?? "—"}</dd>
          <dt className="font-medium">{x.npwp}</dt>
          {/* An individual's NPWP is often the NIK itself: masked like the NIK for other roles. */}
          <dd className="font-mono">{e.loan.npwp ? presentIdentifier(actor, e.loan.npwp) : "—"}</dd>
          <dt className="font-medium">{x.businessName}</dt>
          <dd>{e.business.name ?? "—"}</dd>
          <dt className="font-medium">{x.kbli}</dt>
          <dd>
            {e.business.kbli ?? "—"}
            {e.business.sectorGroup ? ` (${(locale === "id" ? SECTOR_GROUP_LABELS : SECTOR_GROUP_LABELS_EN)[e.business.sectorGroup]})` : ""}
          </dd>
          <dt className="font-medium">{x.nib}</dt>
          <dd className="font-mono">{e.business.nib ?? "—"}</dd>
          <dt className="font-medium">{x.businessStartedOn}</dt>
          <dd>{e.business.startedOn ? formatDateId(e.business.startedOn) : "—"}</dd>
          <dt className="font-medium">{x.businessProvince}</dt>
          <dd>{e.business.provinceName ?? "—"}</dd>
        </dl>
      </section>

      <section aria-labelledby="kepesertaan" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="kepesertaan" className="text-lg font-semibold">{x.coverage_} · {x.attestationsShort}</h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{x.monthsInAdvance}</dt>
          <dd>{fill(x.monthsOption, { n: e.coverage.monthsInAdvance })}</dd>
          <dt className="font-medium">{x.heirName}</dt>
          <dd>
            {e.coverage.heirName ?? "—"}
            {e.coverage.heirRelationship ? ` (${HEIR_RELATIONSHIP_LABELS[locale][e.coverage.heirRelationship]})` : ""}
          </dd>
          <dt className="font-medium">{x.heirPhone}</dt>
          <dd>{e.coverage.heirPhone ?? "—"}</dd>
          <dt className="font-medium">{x.attestNikChecked}</dt>
          <dd>{yesNo(e.attestations.nikChecked)}</dd>
          <dt className="font-medium">{x.attestSlikChecked}</dt>
          <dd>{yesNo(e.attestations.slikChecked)}</dd>
          <dt className="font-medium">{x.attestNoOtherKur}</dt>
          <dd>{yesNo(e.attestations.noOtherKur)}</dd>
          <dt className="font-medium">{x.attestNpwpPresent}</dt>
          <dd>{yesNo(e.attestations.npwpPresent)}</dd>
          <dt className="font-medium">{x.consentGiven}</dt>
          <dd>
            {e.consent.at ? `${formatInstant(e.consent.at, e.office.timeZone)} · ${x.consentVersion} ${e.consent.textVersion ?? "—"}` : x.no}
          </dd>
        </dl>
      </section>

      {/* Review (#5): cover and protected-until, certificate link, status history. */}
      <EnrolmentReviewPanel actor={actor} enrolmentId={e.id} />
    </article>
  );
}
