import { StatusHistory } from "@/components/enrolment/status-history";
import { CoverageSummaryView } from "@/components/review/coverage-summary";
import type { Actor } from "@/lib/auth/data";
import { enrolmentHistory, reviewSummaryForActor } from "@/lib/review/data";
import { getDictionary } from "@/lib/i18n/server";

/**
 * The review's block on the officer's enrolment page (/pendaftaran/[id]): cover status and
 * protected-until, the certificate link, and the status history (the page itself shows the return
 * reason). Loads its own data, scoped to the actor like the page itself.
 */
export async function EnrolmentReviewPanel({ actor, enrolmentId }: { actor: Actor; enrolmentId: string }) {
  const now = new Date();
  const [{ locale, t }, summary, history] = await Promise.all([
    getDictionary(),
    reviewSummaryForActor(actor, enrolmentId, now),
    enrolmentHistory(actor, enrolmentId),
  ]);
  if (!summary || !history) return null;
  return (
    <div className="space-y-5">
      <section aria-labelledby="verifikasi-bpjs" className="space-y-3 rounded border border-slate-200 bg-white p-4" data-testid="review-panel">
        <h2 id="verifikasi-bpjs" className="text-lg font-semibold">{t.review.reviewBlock}</h2>
        <p>
          {t.detail.status}: <span className="font-semibold">{t.status[summary.status]}</span>
          {summary.kpj ? <> · {t.detail.kpj}: <span className="font-mono font-semibold">{summary.kpj}</span></> : null}
        </p>
        {summary.coverage ? <CoverageSummaryView coverage={summary.coverage} locale={locale} t={t} /> : null}
        {summary.certificateAvailable ? (
          <p>
            {/* A plain link: the route answers with a PDF download, not a page. */}
            <a href={`/sertifikat/${enrolmentId}`} download className="font-semibold text-brand-700 underline" data-testid="certificate-link">
              {t.review.certificate}
            </a>
          </p>
        ) : null}
      </section>
      <StatusHistory entries={history} timeZone={actor.timeZone} locale={locale} t={t} />
    </div>
  );
}
