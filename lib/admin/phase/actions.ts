"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { clientFor, formAction, formInput } from "@/lib/action/client";
import { AppError, fieldError } from "@/lib/action/errors";
import { endPhaseRuleInput, phaseRuleInput, type PhaseRuleInput } from "@/lib/admin/phase/schema";
import { pendingImpact, resolvePhaseRule } from "@/lib/admin/phase/data";
import { createPhaseRule, endPhaseRule, updatePhaseRule } from "@/lib/admin/phase/mutations";

export interface PhasePreview {
  total: number;
  requiredFrom: string;
  byKanwil: { kanwilName: string; count: number }[];
  /** The form's fields as they were previewed, so the form shows them again. */
  echo: Record<string, string>;
}

function echoOf(input: PhaseRuleInput & { id?: string }): Record<string, string> {
  const echo: Record<string, string> = {
    startDate: input.startDate,
    endDate: input.endDate ?? "",
    penyalur: input.penyalur ?? "",
    kanwil: input.kanwil ?? "",
    province: input.province ?? "",
    legalInstrument: input.legalInstrument,
    note: input.note ?? "",
    replaces: input.replaces ?? "",
  };
  if (input.schemes.includes("SUPER_MIKRO")) echo.schemeSuperMikro = "on";
  if (input.schemes.includes("MIKRO")) echo.schemeMikro = "on";
  return echo;
}

const saveSchema = async () => {
  const t = await getTranslations("adminData.phase.errors");
  return formInput(
    z.intersection(
      phaseRuleInput((key) => t(key)),
      z.object({
        id: z.string().optional().transform((v) => (v ? v : undefined)).pipe(z.uuid().optional()),
        intent: z.enum(["preview", "save"]).catch("preview"),
        /** The preview's count the administrator saw; the save refuses if it has changed since. */
        expectTotal: z.string().optional().transform((v) => (v && /^\d+$/.test(v) ? Number(v) : undefined)),
      }),
    ),
  );
};

/**
 * /admin/fase: previews (intent=preview) or saves (intent=save) a new or edited phase rule. A save
 * must follow a preview of the same impact: if the count of pending debtors it makes required has
 * changed since, nothing is saved and the new preview is shown.
 */
const savePhaseRuleSafe = clientFor("phaseRule:manage")
  .metadata({ actionName: "phase.save" })
  .inputSchema(saveSchema)
  .action(async ({ parsedInput, ctx }): Promise<PhasePreview> => {
    const { id, intent, expectTotal, ...input } = parsedInput;
    const resolved = await resolvePhaseRule(input, id ?? "00000000-0000-4000-8000-000000000000");
    if (!resolved.ok) {
      const t = await getTranslations("adminData.phase.errors");
      throw fieldError({ [resolved.field]: [t(`${resolved.field}Unknown`)] });
    }
    const now = new Date();
    const impact = await pendingImpact(resolved.rule, now);
    const preview: PhasePreview = { total: impact.total, requiredFrom: impact.requiredFrom, byKanwil: impact.byKanwil, echo: echoOf(input) };
    if (intent === "preview") return preview;
    if (expectTotal === undefined || expectTotal !== impact.total) {
      throw new AppError("CONFLICT", { message: "phaseImpactChanged", params: { count: impact.total }, data: preview });
    }
    const saved = id ? await updatePhaseRule(ctx.actor, id, input, ctx.locale, now) : await createPhaseRule(ctx.actor, input, ctx.locale, now);
    revalidatePath("/admin/fase");
    redirect(`/admin/fase?tersimpan=${saved.redecided}`);
  });
export const savePhaseRuleAction = formAction(savePhaseRuleSafe);

/** Ends a phase rule on a given last day (its successor is then created from the list). */
const endPhaseRuleSafe = clientFor("phaseRule:manage")
  .metadata({ actionName: "phase.end" })
  .inputSchema(async () => {
    const t = await getTranslations("adminData.phase.errors");
    return formInput(endPhaseRuleInput((key) => t(key)));
  })
  .action(async ({ parsedInput, ctx }) => {
    await endPhaseRule(ctx.actor, parsedInput, ctx.locale);
    revalidatePath("/admin/fase");
    redirect(`/admin/fase?diakhiri=${parsedInput.id}`);
  });
export const endPhaseRuleAction = formAction(endPhaseRuleSafe);
