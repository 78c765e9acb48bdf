import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReviewerHomeFigure } from "@/lib/review/data";

/**
 * The reviewer's figures on /beranda (docs/decisions/0026): each a link to the list it counts, named
 * by its label and its count together, at least 24 px tall.
 */
export async function ReviewerHome({ figures }: { figures: ReviewerHomeFigure[] }) {
  const t = await getTranslations("desk.home");
  return (
    <section aria-labelledby="reviewer-home" className="space-y-2">
      <h2 id="reviewer-home" className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {figures.map((f) => (
          <li key={f.key}>
            <Link
              href={f.href}
              data-testid={`home-${f.key}`}
              className={`flex min-h-24 flex-col justify-between rounded border bg-white p-4 hover:border-brand-700 ${f.key === "overdue" && f.count > 0 ? "border-red-600" : "border-slate-300"}`}
            >
              <span className="text-sm font-medium text-slate-800">{t(f.key)}</span>
              <span className="text-3xl font-bold text-brand-800">
                {f.count}
                <span className="sr-only"> · {t("open", { count: f.count })}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
