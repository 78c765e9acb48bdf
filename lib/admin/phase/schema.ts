/**
 * A phase rule as an administrator types it (/admin/fase): phased schemes, penyalur or all, Kanwil
 * or province or all, the period and the legal instrument that announced it (docs/regulation.md §2).
 * Pure: the messages are passed in, in the user's language.
 */
import { z } from "zod";
import type { Messages } from "@/lib/i18n/config";
import { checkbox, optionalCode, optionalDay, optionalText, requiredDay } from "@/lib/admin/schema-fields";

export type PhaseMessage = (key: keyof Messages["adminData"]["phase"]["errors"]) => string;

export const PHASED_SCHEMES = ["SUPER_MIKRO", "MIKRO"] as const;
export type PhasedScheme = (typeof PHASED_SCHEMES)[number];

export function phaseRuleInput(m: PhaseMessage) {
  return z
    .object({
      schemeSuperMikro: checkbox,
      schemeMikro: checkbox,
      penyalur: optionalCode(m("penyalurUnknown")),
      kanwil: optionalCode(m("kanwilUnknown")),
      province: optionalText.pipe(z.string().regex(/^\d{2}$/, m("provinceUnknown")).optional()),
      startDate: requiredDay(m("startRequired"), m("dateInvalid")),
      endDate: optionalDay(m("dateInvalid")),
      legalInstrument: z
        .string({ error: m("legalRequired") })
        .trim()
        .min(5, m("legalRequired"))
        .max(300, m("legalTooLong")),
      note: optionalText.pipe(z.string().max(500, m("noteTooLong")).optional()),
      /** The rule this one succeeds (the "end and replace" flow). */
      replaces: optionalText.pipe(z.uuid().optional()),
    })
    .superRefine((v, ctx) => {
      if (!v.schemeSuperMikro && !v.schemeMikro) ctx.addIssue({ code: "custom", path: ["schemeMikro"], message: m("schemesRequired") });
      if (v.kanwil && v.province) ctx.addIssue({ code: "custom", path: ["province"], message: m("kanwilOrProvince") });
      if (v.endDate && v.endDate < v.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: m("endBeforeStart") });
    })
    .transform(({ schemeSuperMikro, schemeMikro, ...rest }) => ({
      ...rest,
      schemes: PHASED_SCHEMES.filter((s) => (s === "SUPER_MIKRO" ? schemeSuperMikro : schemeMikro)),
    }));
}
export type PhaseRuleInput = z.output<ReturnType<typeof phaseRuleInput>>;

export function endPhaseRuleInput(m: PhaseMessage) {
  return z.object({
    id: z.uuid(),
    endDate: requiredDay(m("endRequired"), m("dateInvalid")),
  });
}
export type EndPhaseRuleInput = z.output<ReturnType<typeof endPhaseRuleInput>>;
