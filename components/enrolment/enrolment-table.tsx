import Link from "next/link";
import type { EnrolmentListItem } from "@/lib/enrolment/data";
import type { Dictionary, Locale } from "@/lib/i18n/dictionaries";
import { formatInstant } from "@/lib/format";
import { MANDATE_LABELS, MANDATE_LABELS_EN, SCHEME_LABELS, formatRupiah } from "@/lib/rules";

export function EnrolmentTable({
  rows,
  t,
  locale,
  timeZone,
  caption,
}: {
  rows: EnrolmentListItem[];
  t: Dictionary;
  locale: Locale;
  timeZone: string;
  caption: string;
}) {
  const mandateLabels = locale === "id" ? MANDATE_LABELS : MANDATE_LABELS_EN;
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">{t.list.name}</th>
            <th scope="col" className="px-3 py-2">{t.list.nik}</th>
            <th scope="col" className="px-3 py-2">{t.list.scheme}</th>
            <th scope="col" className="px-3 py-2 text-right">{t.list.plafon}</th>
            <th scope="col" className="px-3 py-2">{t.list.mandate}</th>
            <th scope="col" className="px-3 py-2">{t.list.status}</th>
            <th scope="col" className="px-3 py-2">{t.list.submittedAt}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-200">
              <td className="px-3 py-2">
                <Link href={`/pendaftaran/${r.id}`} className="font-medium text-brand-700 underline underline-offset-2">
                  {r.fullName}
                </Link>
              </td>
              <td className="px-3 py-2 font-mono">{r.nikMasked}</td>
              <td className="px-3 py-2">{SCHEME_LABELS[r.scheme]}</td>
              <td className="px-3 py-2 text-right tabular-nums">{formatRupiah(r.plafon)}</td>
              <td className="px-3 py-2">{mandateLabels[r.mandateStatus]}</td>
              <td className="px-3 py-2">{t.status[r.status]}</td>
              <td className="px-3 py-2 whitespace-nowrap">{r.submittedAt ? formatInstant(r.submittedAt, timeZone) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
