import { useTranslations } from "next-intl";
import { StatusHistory } from "@/components/enrolment/status-history";
import { CoverageSummaryView } from "@/components/review/coverage-summary";
import type { HistoryEntry, OfficerCoverage } from "@/lib/review/data";

/**
 * The review's block on the officer's enrolment page (/pendaftaran/[id]): cover status and
 * protected-until, the certificate link, and the status history (the page itself shows the return
 * reason). Draws what the page loaded (lib/review/data/record.ts); reads nothing itself.
 */
export function EnrolmentReviewPanel({
  enrolmentId,
  review,
  history,
  timeZone,
}: {
  enrolmentId: string;
  review: OfficerCoverage;
  history: HistoryEntry[];
  timeZone: string;
}) {
  const t = useTranslations();
  return (
    <div className="space-y-5">
      <section aria-labelledby="verifikasi-bpjs" className="space-y-3 rounded border border-slate-200 bg-white p-4" data-testid="review-panel">
        <h2 id="verifikasi-bpjs" className="text-lg font-semibold">{t("review.reviewBlock")}</h2>
        <p>
          {t("detail.status")}: <span className="font-semibold">{t(`enums.status.${review.status}`)}</span>
          {review.kpj ? <> · {t("detail.kpj")}: <span className="font-mono font-semibold">{review.kpj}</span></> : null}
        </p>
        {review.coverage ? <CoverageSummaryView coverage={review.coverage} /> : null}
        {review.certificateAvailable ? (
          <p>
            {/* A plain link: the route answers with a PDF download, not a page. */}
            <a href={`/sertifikat/${enrolmentId}`} download className="font-semibold text-brand-700 underline" data-testid="certificate-link">
              {t("review.certificate")}
            </a>
          </p>
        ) : null}
      </section>
      <StatusHistory entries={history} timeZone={timeZone} />
    </div>
  );
}
