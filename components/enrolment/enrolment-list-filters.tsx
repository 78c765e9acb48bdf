import { useTranslations } from "next-intl";
import Form from "next/form";
import Link from "next/link";
import { Field, inputClass } from "@/components/ui/field";
import {
  DEFAULT_DIRECTION,
  DEFAULT_LIST_QUERY,
  ENROLMENT_STATUSES,
  LISTED_MANDATE_STATUSES,
  LIST_PATH,
  listHref,
  type EnrolmentListQuery,
} from "@/lib/enrolment/list-schema";
import { KUR_SCHEMES } from "@/lib/rules";
import { DateInput } from "@/components/ui/date-input";

/**
 * The workspace's search and filters: a GET form, so it works without JavaScript and the result is
 * a bookmarkable URL. next/form turns the submit into a client-side navigation when scripts run.
 */
export function EnrolmentListFilters({
  query,
  zoneLabel,
}: {
  query: EnrolmentListQuery;
  /** "WIB", "WITA" or "WIT": the zone the dates are read in. */
  zoneLabel: string;
}) {
  const t = useTranslations("list");
  const enums = useTranslations("enums");
  return (
    // Keyed by the query: inputs are uncontrolled, so a new URL (e.g. "clear filters") must remount them.
    <Form
      key={listHref(query)}
      action={LIST_PATH}
      role="search"
      aria-labelledby="filter-title"
      className="space-y-3 rounded border border-slate-200 bg-white p-4"
    >
      <h2 id="filter-title" className="text-base font-semibold">{t("filters")}</h2>
      <Field name="q" label={t("search")} hint={t("searchHint")}>
        {(p) => <input {...p} name="q" type="search" defaultValue={query.q} maxLength={100} autoComplete="off" className={inputClass} />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="status" label={t("status")}>
          {(p) => (
            <select {...p} name="status" defaultValue={query.status ?? ""} className={inputClass}>
              <option value="">{t("anyStatus")}</option>
              {/* Drafts are EnrolmentDraft rows with their own list (/pendaftaran/draf), never this status. */}
              {ENROLMENT_STATUSES.filter((s) => s !== "DRAFT").map((s) => (
                <option key={s} value={s}>{enums(`status.${s}`)}</option>
              ))}
            </select>
          )}
        </Field>
        <Field name="scheme" label={t("scheme")}>
          {(p) => (
            <select {...p} name="scheme" defaultValue={query.scheme ?? ""} className={inputClass}>
              <option value="">{t("anyScheme")}</option>
              {KUR_SCHEMES.map((s) => (
                <option key={s} value={s}>{enums(`scheme.${s}`)}</option>
              ))}
            </select>
          )}
        </Field>
        <Field name="mandate" label={t("mandate")}>
          {(p) => (
            <select {...p} name="mandate" defaultValue={query.mandate ?? ""} className={inputClass}>
              <option value="">{t("anyMandate")}</option>
              {LISTED_MANDATE_STATUSES.map((m) => (
                <option key={m} value={m}>{enums(`mandate.${m}`)}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor="f-from" className="block text-sm font-medium text-slate-800">{t("submittedFrom")}</label>
          <DateInput id="f-from" name="from" defaultValue={query.from ?? ""} aria-describedby="f-dates-hint" className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="f-to" className="block text-sm font-medium text-slate-800">{t("submittedTo")}</label>
          <DateInput id="f-to" name="to" defaultValue={query.to ?? ""} aria-describedby="f-dates-hint" className={inputClass} />
        </div>
        <p id="f-dates-hint" className="text-xs text-slate-600 sm:col-span-2">{t("datesHint", { zone: zoneLabel })}</p>
      </div>
      {/* The chosen order survives a new search; the page does not (a new search starts at page 1). */}
      {query.sort !== DEFAULT_LIST_QUERY.sort ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== DEFAULT_DIRECTION[query.sort] ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("apply")}
        </button>
        <Link href={LIST_PATH} className="text-brand-700 underline underline-offset-2">{t("reset")}</Link>
      </div>
    </Form>
  );
}
