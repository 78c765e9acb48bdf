import "server-only";
import type { Actor } from "@/lib/auth/data";
import { CSV_BOM, csvDialect, csvNumber, csvRow, csvText } from "@/lib/csv";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { formatInstant } from "@/lib/format";
import { followUpFor } from "@/lib/notify/data";
import { arrearsList } from "@/lib/review/data";
import { formatDateId, formatMonthId } from "@/lib/rules";

/** The export stops after this many pages of the list (20 rows each): a branch's follow-up, not a data dump. */
const MAX_PAGES = 250;

/**
 * The arrears list of the actor's Kantor Cabang as CSV in the reader's dialect (docs/platform.md §8),
 * every page, with the follow-up columns of the page: phone as the role may see it, months and amount
 * owed, the last reminder. Null when the actor may not read arrears.
 */
export async function arrearsCsv(actor: Actor, locale: Locale, now: Date): Promise<string | null> {
  const t = translator(locale, actor.timeZone);
  const dialect = csvDialect(locale);
  const first = await arrearsList(actor, 1, now);
  if (!first) return null;
  const header = [t("list.name"), t("review.kpj"), t("review.penyalur"), t("notify.ui.phone"), t("review.coverageStatus"), t("review.unpaidMonths"), t("review.owed"), t("review.protectedUntil"), t("notify.ui.lastReminder")];
  let out = CSV_BOM + csvRow(header.map((h) => csvText(h, dialect)), dialect);
  for (let page = 1, result = first; page <= Math.min(result.pageCount, MAX_PAGES); page++) {
    if (page > 1) result = (await arrearsList(actor, page, now))!;
    const follow = await followUpFor(actor, result.rows.map((r) => r.id));
    for (const r of result.rows) {
      const f = follow.get(r.id);
      const lapsed = r.coverage.status === "LAPSED";
      out += csvRow(
        [
          csvText(r.fullName, dialect),
          csvText(r.kpj ?? "", dialect),
          csvText(r.penyalurName, dialect),
          csvText(f?.phone ?? "", dialect),
          csvText(t(`enums.coverage.${r.coverage.status}`), dialect),
          csvText(lapsed ? "" : r.coverage.unpaidMonths.map(formatMonthId).join(", "), dialect),
          lapsed ? "" : csvNumber(r.coverage.owed, dialect),
          csvText(r.coverage.protectedUntil ? formatDateId(r.coverage.protectedUntil) : "", dialect),
          csvText(f?.lastReminder ? `${formatInstant(f.lastReminder.at, actor.timeZone)} (${t(`notify.ui.channel.${f.lastReminder.channel}`)}, ${t(`notify.ui.status.${f.lastReminder.status}`)})` : "", dialect),
        ],
        dialect,
      );
    }
  }
  return out;
}
