import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessForm, PasswordLinkButton, PersonButton } from "@/components/people/person-forms";
import { personDetail, placeOptions } from "@/lib/admin/people/data";
import { RESET_HOURS, SECOND_FACTOR_ROLES } from "@/lib/admin/people/schema";
import { peopleCells, peopleHeadings } from "@/lib/admin/people/table";
import { requirePermission } from "@/lib/auth/session";
import { formatInstant } from "@/lib/format";
import { translator } from "@/lib/i18n/translator";
import { isUuid, single } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("people");
  return { title: t("metaTitle") };
}

const SAVED = ["akses", "nonaktif", "aktif", "dualangkah"] as const;

/** One user (administrators): access, status, password link, second factor. */
export default async function PersonPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePermission("user:manage");
  const [{ id }, query, t, locale] = await Promise.all([params, searchParams, getTranslations("people"), getLocale()]);
  if (!isUuid(id)) notFound();
  const [person, places] = await Promise.all([personDetail(actor, id), placeOptions(actor)]);
  if (!person) notFound();
  const all = translator(locale, actor.timeZone);
  const cells = peopleCells(all, person, actor.timeZone);
  const headings = peopleHeadings(all);
  const saved = SAVED.find((s) => s === single(query.tersimpan));
  const self = person.id === actor.id;
  const secondFactorRole = SECOND_FACTOR_ROLES.includes(person.role);
  const section = "space-y-3 rounded border border-slate-200 bg-white p-4";
  return (
    <div className="space-y-5">
      <Link href="/admin/pengguna" className="text-sm text-brand-700 underline">{t("detail.back")}</Link>
      <h1 className="text-2xl font-semibold wrap-anywhere">{person.name}</h1>
      {saved ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{t(`detail.saved.${saved}`)}</p> : null}

      <section aria-labelledby="summary-title" className={section}>
        <h2 id="summary-title" className="text-base font-semibold">{t("detail.summary")}</h2>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {(["email", "role", "place", "status", "secondFactor", "createdAt"] as const).map((c) => (
            <div key={c} className="contents">
              <dt className="font-medium">{headings[c]}</dt>
              <dd className="break-all">{cells[c]}</dd>
            </div>
          ))}
        </dl>
        {person.openLink ? (
          <p className="text-sm text-slate-700">{t("detail.openLink", { kind: person.openLink.kind, expires: formatInstant(person.openLink.expiresAt, actor.timeZone) })}</p>
        ) : null}
      </section>

      {self ? null : <AccessForm userId={person.id} role={person.role} place={person.placeValue} places={places} />}

      <section aria-labelledby="password-title" className={section}>
        <h2 id="password-title" className="text-base font-semibold">{t("detail.passwordTitle")}</h2>
        <p className="text-sm text-slate-700">{t("detail.passwordHint", { hours: RESET_HOURS })}</p>
        {person.status === "inactive" ? null : (
          <PasswordLinkButton userId={person.id} name={person.name} label={person.status === "invited" ? t("detail.sendInvitation") : t("detail.sendReset")} />
        )}
      </section>

      <section aria-labelledby="second-factor-title" className={section}>
        <h2 id="second-factor-title" className="text-base font-semibold">{t("detail.secondFactorTitle")}</h2>
        {secondFactorRole ? (
          <>
            <p className="text-sm">{t("detail.secondFactorState", { state: person.secondFactor === "off" ? t("detail.secondFactorOff") : cells.secondFactor })}</p>
            <div className="flex flex-wrap gap-3">
              <PersonButton
                userId={person.id}
                action="requireSecondFactor"
                fields={{ required: person.totpRequired ? "0" : "1" }}
                label={person.totpRequired ? t("detail.unrequire") : t("detail.require")}
              />
              {person.secondFactor === "enabled" ? (
                <div className="space-y-1">
                  <PersonButton userId={person.id} action="resetSecondFactor" label={t("detail.resetSecondFactor")} />
                  <p className="text-xs text-slate-600">{t("detail.resetSecondFactorHint")}</p>
                </div>
              ) : null}
            </div>
          </>
        ) : (
          <p className="text-sm text-slate-700">{t("detail.notForRole")}</p>
        )}
      </section>

      {self ? null : (
        <section aria-labelledby="status-title" className={section}>
          <h2 id="status-title" className="text-base font-semibold">{t("detail.statusTitle")}</h2>
          {person.status === "inactive" ? (
            <PersonButton userId={person.id} action="reactivate" label={t("detail.reactivate")} />
          ) : (
            <>
              <p className="text-sm text-slate-700">{t("detail.deactivateHint")}</p>
              <PersonButton userId={person.id} action="deactivate" label={t("detail.deactivate")} danger />
            </>
          )}
        </section>
      )}
    </div>
  );
}
