import { CSV_BOM, csvDialect, csvNumber, csvRow, csvText } from "@/lib/csv";
import type { Locale } from "@/lib/i18n/config";
import type { Translator } from "@/lib/i18n/translator";
import { formatDateId, todayInZone } from "@/lib/rules";
import type { GapRow } from "@/lib/loans/data";

/** The coverage-gap list as CSV in the reader's dialect, with the page's own headings (lib/csv.ts). */
export function gapsCsv(t: Translator, rows: readonly GapRow[], locale: Locale, timeZone: string): string {
  const d = csvDialect(locale);
  const c = (k: "loanNumber" | "penyalur" | "office" | "kantorCabang" | "kanwil" | "scheme" | "mandate" | "status" | "disbursedOn" | "disbursedAmount" | "approvedAt") => csvText(t(`h2h.gaps.col.${k}`), d);
  let out = CSV_BOM + csvRow([c("loanNumber"), c("penyalur"), c("office"), c("kantorCabang"), c("kanwil"), c("scheme"), c("mandate"), c("status"), c("disbursedOn"), c("disbursedAmount"), c("approvedAt")], d);
  for (const r of rows) {
    out += csvRow(
      [
        csvText(r.loanNumber ?? "", d),
        csvText(r.penyalurName, d),
        csvText(r.officeName, d),
        csvText(r.kantorCabangName, d),
        csvText(r.kanwilName, d),
        csvText(t(`enums.scheme.${r.scheme}` as never), d),
        csvText(t(`enums.mandate.${r.mandateStatus}` as never), d),
        csvText(t(`enums.status.${r.status}` as never), d),
        csvText(formatDateId(r.disbursedOn), d),
        r.disbursedAmount === null ? "" : csvNumber(r.disbursedAmount, d),
        csvText(r.approvedAt ? formatDateId(todayInZone(new Date(r.approvedAt), timeZone)) : "", d),
      ],
      d,
    );
  }
  return out;
}
