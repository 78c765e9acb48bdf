/**
 * The median time from submission to decision, from a histogram (DashDecisionCell), so that it
 * costs a GROUP BY over a few dozen buckets instead of sorting every decision. Pure.
 *
 * Buckets are whole hours below 2 days, whole days below 30 days, then one open bucket; the SQL
 * function dash_hours_bucket (migration 20261121143840) is the same rule. The median is
 * interpolated inside its bucket, so it is exact to within the bucket's width (1 hour under 2 days,
 * 1 day under 30 days); above 30 days it is reported as "30 days or more".
 */
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";

export const OPEN_BUCKET = 720;

export function hoursBucket(hours: number): number {
  if (hours < 48) return Math.max(0, Math.floor(hours));
  if (hours < OPEN_BUCKET) return Math.floor(hours / 24) * 24;
  return OPEN_BUCKET;
}

export function bucketWidth(bucket: number): number {
  return bucket < 48 ? 1 : bucket < OPEN_BUCKET ? 24 : 0;
}

export interface HistogramBucket {
  hoursBucket: number;
  decisions: number;
}

/** Median hours, or null without decisions. Buckets may come in any order; zero counts are ignored. */
export function medianFromHistogram(buckets: readonly HistogramBucket[]): number | null {
  const sorted = buckets.filter((b) => b.decisions > 0).sort((a, b) => a.hoursBucket - b.hoursBucket);
  const total = sorted.reduce((sum, b) => sum + b.decisions, 0);
  if (total === 0) return null;
  const half = total / 2;
  let before = 0;
  for (const b of sorted) {
    if (before + b.decisions >= half) {
      const width = bucketWidth(b.hoursBucket);
      return b.hoursBucket + (width * (half - before)) / b.decisions;
    }
    before += b.decisions;
  }
  return sorted[sorted.length - 1]!.hoursBucket;
}

/** "1 hari 3 jam", "5 jam", "≥ 30 hari" (Indonesian) or "1 day 3 hours", "2 days" (English). */
export function formatDuration(hours: number | null, locale: Locale = "id"): string {
  if (hours === null) return "—";
  const t = translator(locale);
  if (hours >= OPEN_BUCKET) return t("dashboard.duration.atLeastDays", { days: OPEN_BUCKET / 24 });
  const whole = Math.round(hours);
  const days = Math.floor(whole / 24);
  const rest = whole % 24;
  if (days === 0) return t("dashboard.duration.hours", { hours: rest });
  return rest === 0 ? t("dashboard.duration.days", { days }) : t("dashboard.duration.daysHours", { days, hours: rest });
}
