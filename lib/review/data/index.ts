/**
 * The review's read models, one file per sub-feature: the queue, the reviewer's detail page, the
 * status history, the officer's record page, the arrears list, the public verification and the
 * certificate's content. Every reader checks the actor's scope through lib/auth/scope.ts.
 */
export { type CoverageSummary, type LineDto, coverageFrom, coverageFromLines, LINE_SELECT, toLineDto } from "@/lib/review/data/shared";
export { type QueuePage, type QueueRow, queueTotal, reviewQueue } from "@/lib/review/data/queue";
export { type ReviewDetail, reviewDetail } from "@/lib/review/data/detail";
export { type HistoryEntry, enrolmentHistory } from "@/lib/review/data/history";
export { type EnrolmentRecord, type OfficerCoverage, enrolmentRecord, reviewSummaryForActor } from "@/lib/review/data/record";
export { type ArrearsPage, type ArrearsRow, arrearsList } from "@/lib/review/data/arrears";
export { type VerificationView, verificationByCode } from "@/lib/review/data/verification";
export { type CertificateData, certificateFor } from "@/lib/review/data/certificate";
export { type ReviewerHomeFigure, arrearsCount, reviewerHome, reviewerHomeNow } from "@/lib/review/data/home";
