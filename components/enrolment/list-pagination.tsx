import { useTranslations } from "next-intl";
import Link from "next/link";
import { listHref, pageWindow, type EnrolmentListQuery } from "@/lib/enrolment/list-schema";

const boxClass = "inline-block min-w-11 rounded border px-3 py-2 text-center";
const linkClass = `${boxClass} border-slate-300 text-brand-700 underline-offset-2 hover:bg-slate-50`;
const currentClass = `${boxClass} border-brand-700 bg-brand-700 font-semibold text-white`;
const disabledClass = `${boxClass} border-slate-200 text-slate-600`;

/** "Halaman 2 dari 5" with previous/next and numbered links; every link keeps the search, filters and sort. */
export function ListPagination({
  query,
  page,
  pageCount,
}: {
  query: EnrolmentListQuery;
  page: number;
  pageCount: number;
}) {
  const t = useTranslations("list");
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-2 text-sm">
      <p className="mr-2 font-medium">{t("pageOf", { page, pageCount })}</p>
      {page > 1 ? (
        <Link href={listHref(query, { page: page - 1 })} rel="prev" className={`${linkClass} underline`}>
          <span aria-hidden="true">‹ </span>{t("previous")}
        </Link>
      ) : (
        <span className={disabledClass}>{t("previous")}</span>
      )}
      <ul className="flex flex-wrap gap-1">
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 py-2">…</li>
          ) : (
            <li key={p}>
              <Link
                href={listHref(query, { page: p })}
                aria-current={p === page ? "page" : undefined}
                aria-label={t("pageNumber", { page: p })}
                className={p === page ? currentClass : linkClass}
              >
                {p}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <Link href={listHref(query, { page: page + 1 })} rel="next" className={`${linkClass} underline`}>
          {t("next")}<span aria-hidden="true"> ›</span>
        </Link>
      ) : (
        <span className={disabledClass}>{t("next")}</span>
      )}
    </nav>
  );
}
