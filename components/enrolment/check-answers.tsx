"use client";

import { useTranslations } from "next-intl";
import { formatDateId } from "@/lib/rules";

export interface AnswerSection {
  /** Index of the form's fieldset, to go back to it. */
  index: number;
  title: string;
  rows: { id: string; label: string; value: string }[];
}

/**
 * Reads the answers off the form as the officer sees them: each fieldset's legend, each labelled
 * control's label and shown value (a select's option text, a date as dd/mm/yyyy, a box as yes/no,
 * a file input's file names). Read from the page rather than from a field list, so any control a
 * section gains (the documents control, a confirmation) appears here without a second list to keep.
 */
export function readAnswers(form: HTMLFormElement, yes: string, no: string): AnswerSection[] {
  const sections: AnswerSection[] = [];
  form.querySelectorAll("fieldset").forEach((fieldset, index) => {
    if (fieldset.parentElement?.closest("fieldset")) return;
    const title = fieldset.querySelector("legend")?.textContent?.trim() ?? "";
    const rows: AnswerSection["rows"] = [];
    fieldset.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("input[id], select[id], textarea[id]").forEach((el) => {
      if (el.type === "hidden" || el.closest("[data-check-skip]")) return;
      const label = form.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent?.trim();
      if (!label) return;
      let value: string;
      if (el instanceof HTMLSelectElement) value = el.value ? (el.selectedOptions[0]?.textContent?.trim() ?? "") : "";
      else if (el instanceof HTMLInputElement && el.type === "checkbox") value = el.checked ? yes : no;
      else if (el instanceof HTMLInputElement && el.type === "file") value = Array.from(el.files ?? [], (f) => f.name).join(", ");
      else if (el instanceof HTMLInputElement && el.type === "date") value = el.value ? formatDateId(el.value) : "";
      else value = el.value.trim();
      rows.push({ id: el.id, label, value: value || "—" });
    });
    if (rows.length) sections.push({ index, title, rows });
  });
  return sections;
}

/** The check-your-answers step: every answer by section, each section with a "change" button back to it. */
export function CheckAnswers({ sections, onChange }: { sections: AnswerSection[]; onChange: (fieldId: string) => void }) {
  const t = useTranslations("officerJourney.check");
  return (
    <section aria-labelledby="check-title" className="space-y-4" data-testid="check-answers">
      <div>
        <h2 id="check-title" tabIndex={-1} className="text-xl font-semibold">{t("title")}</h2>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      {sections.map((s) => (
        <section key={s.index} aria-labelledby={`check-${s.index}`} className="rounded border border-slate-200 bg-white p-4">
          <div className="flex items-baseline justify-between gap-2">
            <h3 id={`check-${s.index}`} className="text-lg font-semibold">{s.title}</h3>
            <button
              type="button"
              onClick={() => onChange(s.rows[0]!.id)}
              className="min-h-6 min-w-6 rounded px-2 py-1 text-sm font-medium text-brand-800 underline hover:bg-brand-50"
            >
              {t("change")}<span className="sr-only"> {s.title}</span>
            </button>
          </div>
          <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(10rem,1fr)_2fr]">
            {s.rows.map((r) => (
              <div key={r.id} className="contents">
                <dt className="font-medium text-slate-700">{r.label}</dt>
                <dd className="mb-2 break-words sm:mb-0">{r.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  );
}
