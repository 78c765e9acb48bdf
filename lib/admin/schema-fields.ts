/**
 * Field parsers shared by the administrator's forms (master data, phase rules, API keys, audit
 * filters). Pure: the messages are passed in, in the user's language.
 */
import { z } from "zod";
import { isIsoDate } from "@/lib/rules";

/** Master-data codes: upper-case letters, digits, dash and underscore (KC-BANDUNG-SUCI, JAWA_BARAT). */
export const CODE_PATTERN = /^[A-Z0-9_-]{2,40}$/;

/** "" or absent → undefined; anything else trimmed. */
export const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

/** A calendar day typed as yyyy-mm-dd (a date input) or dd/mm/yyyy; the result is yyyy-mm-dd. */
export function dayFromInput(value: string): string | null {
  const v = value.trim();
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, "0")}-${dmy[1]!.padStart(2, "0")}` : v;
  return isIsoDate(iso) ? iso : null;
}

/** A required day: `required` when empty, `invalid` when not a calendar day. */
export function requiredDay(required: string, invalid: string) {
  return z
    .string({ error: required })
    .trim()
    .min(1, required)
    .transform((v, ctx) => {
      const day = dayFromInput(v);
      if (day === null) {
        ctx.addIssue({ code: "custom", message: invalid });
        return z.NEVER;
      }
      return day;
    });
}

/** An optional day: empty → undefined. */
export function optionalDay(invalid: string) {
  return optionalText.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const day = dayFromInput(v);
    if (day === null) {
      ctx.addIssue({ code: "custom", message: invalid });
      return z.NEVER;
    }
    return day;
  });
}

/** A code picked from a list, or "" for "all". */
export function optionalCode(invalid: string) {
  return optionalText.pipe(z.string().regex(CODE_PATTERN, invalid).optional());
}

export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");
