"use client";

import { useFormatter } from "next-intl";
import { useState, type ChangeEvent, type InputHTMLAttributes } from "react";
import { isIsoDate } from "@/lib/rules";

export type DateInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "defaultValue"> & {
  defaultValue?: string;
  /** data-testid of the sentence that names the chosen day. */
  saidTestId?: string;
};

/**
 * The one date input (issue #13: "dates in inputs unambiguous, dd/mm/yyyy shown or the month named,
 * whatever the browser's locale"). The browser's date control draws its digits in the browser's own
 * order — mm/dd/yyyy in an English Chromium — so the chosen day is also said below it with the month
 * named ("1 Juli 2030"), in the page's language, and announced politely to a screen reader. The value
 * posted stays the control's ISO day, which every server schema reads (docs/platform.md §12).
 */
export function DateInput({ saidTestId, onChange, defaultValue = "", ...input }: DateInputProps) {
  const [day, setDay] = useState(defaultValue);
  // A new default from the page (a successor form opened by a link re-renders this same input, and
  // React moves the untouched input to the new default): say that day, not the old one.
  const [shownDefault, setShownDefault] = useState(defaultValue);
  if (defaultValue !== shownDefault) {
    setShownDefault(defaultValue);
    setDay(defaultValue);
  }
  const format = useFormatter();
  const said = isIsoDate(day) ? format.dateTime(new Date(`${day}T00:00:00Z`), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }) : "";
  return (
    <>
      <input
        {...input}
        type="date"
        defaultValue={defaultValue}
        onChange={(ev: ChangeEvent<HTMLInputElement>) => {
          setDay(ev.target.value);
          onChange?.(ev);
        }}
      />
      <p className="min-h-5 text-sm text-slate-700" aria-live="polite" data-testid={saidTestId} data-check-skip>
        {said}
      </p>
    </>
  );
}
