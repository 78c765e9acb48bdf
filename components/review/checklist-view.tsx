import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { formatInstant } from "@/lib/format";
import type { DocumentDto } from "@/lib/documents/schema";
import type { ChecklistField, FieldKind, FieldValue } from "@/lib/review/checklist";
import type { ReviewDetail } from "@/lib/review/data";
import { formatDateId, formatRupiah, provinceByCode } from "@/lib/rules";

type T = Awaited<ReturnType<typeof getTranslations<never>>>;

const box = "rounded border border-slate-200 bg-white p-4";

/** One checklist value as the reviewer reads it: dd/mm/yyyy, Rp, the enum's words, the province's name. */
export function fieldText(t: T, kind: FieldKind, value: FieldValue, timeZone: string): string {
  if (value === null || value === "") return t("reviewDesk.empty");
  if (typeof value === "boolean") return value ? t("reviewDesk.yes") : t("reviewDesk.no");
  if (typeof value === "number") return kind === "money" ? formatRupiah(value) : String(value);
  switch (kind) {
    case "date":
      return formatDateId(value);
    case "instant":
      return formatInstant(value, timeZone);
    case "province":
      return `${value} ${provinceByCode(value)?.name ?? ""}`.trim();
    case "sex":
      return t(`enums.sex.${value as "L" | "P"}`);
    case "scheme":
      return t(`enums.scheme.${value as "KECIL"}`);
    case "purpose":
      return t(`enums.purpose.${value as "INVESTMENT"}`);
    case "kurSector":
      return t(`enums.kurSector.${value as "TRADE"}`);
    case "bpuSector":
      return t(`enums.bpuSector.${value as "OTHER"}`);
    case "heirRelationship":
      return t(`enums.heirRelationship.${value as "OTHER"}`);
    default:
      return value;
  }
}

const MONO: ReadonlySet<FieldKind> = new Set(["identifier", "phone"]);

/**
 * Every field the officer typed, in the reviewer's checklist order, one table per section, with the
 * NIK checks in the row of the data they check and the fields changed since a return marked.
 */
export async function ChecklistView({
  detail,
  nikCheckCells,
  consent,
  timeZone,
}: {
  detail: ReviewDetail;
  /** The NIK check shown beside a field (nik, birthDate, sex, addressProvince). */
  nikCheckCells: Partial<Record<ChecklistField, ReactNode>>;
  consent: { version: string | null; text: string | null };
  timeZone: string;
}) {
  const t = await getTranslations();
  const changed = new Set(detail.resubmission?.changes?.map((c) => c.key) ?? []);
  return (
    // Not printed: the printout is the decision (one A4 sheet, docs/platform.md §10), and a paper copy of
    // every personal field is one more place it can leak from.
    <section aria-labelledby="daftar-periksa" className="space-y-4 print:hidden" data-testid="checklist">
      <div>
        <h2 id="daftar-periksa" className="text-lg font-semibold">{t("reviewDesk.checklistTitle")}</h2>
        <p className="text-sm text-slate-600">{t("reviewDesk.checklistIntro")}</p>
      </div>
      {detail.checklist.map(({ section, fields }) => {
        const withNik = fields.some((f) => nikCheckCells[f.key]);
        return (
          <div key={section} className={box} data-testid={`checklist-${section}`}>
            <table className="w-full text-left text-sm">
              <caption className="pb-2 text-left text-base font-semibold">{t(`reviewDesk.sections.${section}`)}</caption>
              <thead className="sr-only">
                <tr>
                  <th scope="col">{t("reviewDesk.field")}</th>
                  <th scope="col">{t("reviewDesk.value")}</th>
                  {withNik ? <th scope="col">{t("reviewDesk.nikCheck")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {fields.map((f) => (
                  <tr key={f.key} className={`border-t border-slate-100 align-top ${changed.has(f.key) ? "bg-amber-50" : ""}`} data-field={f.key}>
                    <th scope="row" className="w-2/5 py-1 pr-3 font-medium">
                      {t(`reviewDesk.fields.${f.key}`)}
                      {changed.has(f.key) ? <span className="ml-1 rounded bg-amber-200 px-1 text-xs font-semibold text-amber-950">{t("reviewDesk.changedMark")}</span> : null}
                    </th>
                    <td className={`py-1 pr-3 break-words ${MONO.has(f.kind) ? "font-mono" : ""}`}>{fieldText(t, f.kind, f.value, timeZone)}</td>
                    {withNik ? <td className="py-1">{nikCheckCells[f.key] ?? null}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
            {section === "consent" ? (
              <div className="mt-2 rounded bg-slate-50 p-3 text-sm" data-testid="consent-text">
                <p className="font-semibold">{t("reviewDesk.consentTextTitle", { version: consent.version ?? "—" })}</p>
                <p className="mt-1">{consent.text ?? t("reviewDesk.consentUnknown")}</p>
              </div>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

/** The attached scans and photos, viewable inline: images at a readable size, PDFs opened in the browser. */
export async function DocumentGallery({ documents, added, timeZone }: { documents: DocumentDto[]; added: ReadonlySet<string>; timeZone: string }) {
  const t = await getTranslations();
  const name = (d: DocumentDto) => (d.kind === "OTHER" && d.label ? d.label : t(`documents.kinds.${d.kind}`));
  return (
    <section aria-labelledby="dokumen" className={`${box} space-y-3 print:hidden`} data-testid="review-documents">
      <h2 id="dokumen" className="text-lg font-semibold">{t("reviewDesk.documentsTitle")}</h2>
      {documents.length === 0 ? (
        <p className="text-sm">{t("reviewDesk.documentsNone")}</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {documents.map((d) => (
            <li key={d.id} className={`rounded border p-2 ${added.has(d.id) ? "border-amber-500 bg-amber-50" : "border-slate-200"}`} data-testid="review-document" data-kind={d.kind}>
              <p className="text-sm font-semibold">
                {name(d)}
                {added.has(d.id) ? <span className="ml-2 rounded bg-amber-200 px-1 text-xs text-amber-950">{t("reviewDesk.documentNew")}</span> : null}
              </p>
              <p className="text-xs text-slate-600">{t("documents.addedOn", { at: formatInstant(d.createdAt, timeZone) })}</p>
              {d.mimeType.startsWith("image/") ? (
                <a href={`/dokumen/${d.id}`} target="_blank" rel="noopener" className="mt-2 block">
                  {/* eslint-disable-next-line @next/next/no-img-element -- an authorized, per-user route: not for the image optimizer */}
                  <img src={`/dokumen/${d.id}`} alt={name(d)} width={d.width ?? undefined} height={d.height ?? undefined} className="h-auto max-h-96 w-full rounded bg-slate-100 object-contain" />
                  <span className="mt-1 inline-block text-sm text-brand-700 underline">{t("reviewDesk.documentOpen", { kind: name(d) })}</span>
                </a>
              ) : (
                <a href={`/dokumen/${d.id}`} target="_blank" rel="noopener" className="mt-2 inline-block text-sm text-brand-700 underline">
                  {t("reviewDesk.documentPdf", { kind: name(d) })}
                </a>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** After a return and a resubmission: the reason, and beside it what changed field by field and which documents came. */
export async function ResubmissionChanges({ detail, timeZone }: { detail: ReviewDetail; timeZone: string }) {
  const r = detail.resubmission;
  if (!r) return null;
  const t = await getTranslations();
  const added = detail.documents.filter((d) => r.documentsAdded.includes(d.id));
  const names = added.map((d) => (d.kind === "OTHER" && d.label ? d.label : t(`documents.kinds.${d.kind}`))).join(", ");
  return (
    <section aria-labelledby="perubahan" className="rounded border-l-4 border-amber-600 bg-amber-50 p-4 print:hidden" data-testid="resubmission">
      <h2 id="perubahan" className="text-lg font-semibold">{t("reviewDesk.resubmissionTitle")}</h2>
      <div className="mt-2 grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <div data-testid="resubmission-reason">
          <h3 className="text-sm font-semibold">{t("reviewDesk.resubmissionReason", { reviewer: r.reviewerName, at: formatInstant(r.returnedAt, timeZone) })}</h3>
          <p className="mt-1 whitespace-pre-line">{r.reason}</p>
        </div>
        <div data-testid="resubmission-changes">
          <h3 className="text-sm font-semibold">{t("reviewDesk.resubmissionChanges")}</h3>
          {r.changes === null ? (
            <p className="mt-1 text-sm">{t("reviewDesk.resubmissionNoSnapshot")}</p>
          ) : r.changes.length ? (
            <table className="mt-1 w-full text-left text-sm">
              <thead>
                <tr>
                  <th scope="col" className="pr-2 font-medium">{t("reviewDesk.field")}</th>
                  <th scope="col" className="pr-2 font-medium">{t("reviewDesk.before")}</th>
                  <th scope="col" className="font-medium">{t("reviewDesk.after")}</th>
                </tr>
              </thead>
              <tbody>
                {r.changes.map((c) => (
                  <tr key={c.key} className="border-t border-amber-200 align-top" data-field={c.key}>
                    <th scope="row" className="py-1 pr-2 font-medium">{t(`reviewDesk.fields.${c.key}`)}</th>
                    <td className="py-1 pr-2 break-words"><del>{fieldText(t, c.kind, c.before, timeZone)}</del></td>
                    <td className="py-1 break-words font-semibold"><ins className="no-underline">{fieldText(t, c.kind, c.after, timeZone)}</ins></td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-1 text-sm">{t("reviewDesk.resubmissionNoChange")}</p>
          )}
          <p className="mt-2 text-sm" data-testid="documents-added">{t("reviewDesk.documentsAdded", { count: added.length, names })}</p>
        </div>
      </div>
    </section>
  );
}
