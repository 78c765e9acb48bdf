/**
 * What the e-form keeps of its input: the typed values put back after a failed submit, and a draft
 * (the form as typed, saved without validation).
 */
import { z } from "zod";
import type { Locale } from "@/lib/rules";
import { translator } from "@/lib/i18n/translator";
import { FORM_FIELD_ORDER } from "@/lib/enrolment/schema/fields";

/** Longest value kept or saved per field: enough for the longest field (street, 200). */
const MAX_KEPT_LENGTH = 300;

/** The typed values as strings, to put back into the form after a failed submit (only the e-form's fields). */
export function keepInput(raw: Record<string, unknown>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of FORM_FIELD_ORDER) {
    const v = raw[name];
    if (typeof v === "string") kept[name] = v.slice(0, MAX_KEPT_LENGTH);
  }
  return kept;
}

/** Largest draft saved, as JSON characters. */
export const MAX_DRAFT_LENGTH = 16_000;

/**
 * A draft is the form as typed: known fields, strings, nothing validated but size and shape. Too
 * large a draft is refused by the save action with `actionErrors.draftTooBig`; this message is
 * only the name.
 */
export const DraftData = z
  .record(z.string(), z.unknown())
  .transform((raw) => keepInput(raw))
  .refine((kept) => JSON.stringify(kept).length <= MAX_DRAFT_LENGTH, "draftTooBig");

/** "Budi Santoso · …0001": what the drafts list shows (name and last NIK digits as typed). */
export function draftLabel(values: Record<string, string>, locale: Locale = "id"): string {
  const name = (values.fullName ?? "").trim().replace(/\s+/g, " ").slice(0, 60);
  const digits = (values.nik ?? "").replace(/\D/g, "");
  const nikPart = digits.length >= 4 ? `NIK …${digits.slice(-4)}` : "";
  const label = [name, nikPart].filter(Boolean).join(" · ");
  return label || translator(locale)("drafts.noName");
}
