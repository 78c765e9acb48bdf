import Link from "next/link";
import { useTranslations } from "next-intl";

const linkClass = "rounded border border-slate-300 px-3 py-2 text-brand-700 underline";

/** "Halaman 2 dari 5" with previous/next links for the review lists; nothing when there is one page. */
export function PageNav({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const t = useTranslations();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("list.pagination")} className="flex flex-wrap items-center gap-2 text-sm">
      <p className="font-medium">{t("review.pageOf", { page, pageCount })}</p>
      {page > 1 ? <Link rel="prev" className={linkClass} href={href(page - 1)}>{t("list.previous")}</Link> : null}
      {page < pageCount ? <Link rel="next" className={linkClass} href={href(page + 1)}>{t("list.next")}</Link> : null}
    </nav>
  );
}
