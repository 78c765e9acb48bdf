import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { can } from "@/lib/auth/permissions";
import { resolveTargetPlace } from "@/lib/dashboard/data";
import type { TargetInput } from "@/lib/dashboard/schema";
import { AppError, fieldError } from "@/lib/action/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";

/**
 * Sets (creates or replaces) the yearly target of one Kanwil or Kantor Cabang, with an AuditEvent
 * holding the previous and new values, in one transaction. Only administrators. A place that does
 * not exist is a field error in `locale`, the user's language.
 */
export async function setTarget(actor: Actor, input: TargetInput, locale: Locale = DEFAULT_LOCALE): Promise<{ id: string; created: boolean }> {
  if (!can(actor, "target:manage")) throw new AppError("FORBIDDEN");
  const place = await resolveTargetPlace(input);
  if (!place.ok) throw fieldError({ [place.field]: [translator(locale)(`targets.errors.${place.problem}`)] });
  const scopeKey = place.kantorCabangId ?? place.kanwilId;
  return db().$transaction(async (tx) => {
    const before = await tx.dashboardTarget.findUnique({
      where: { year_scopeKey: { year: input.year, scopeKey } },
      select: { id: true, approvedTarget: true, complianceTargetPct: true },
    });
    const values = { approvedTarget: input.approvedTarget, complianceTargetPct: input.complianceTargetPct, updatedById: actor.id };
    const saved = await tx.dashboardTarget.upsert({
      where: { year_scopeKey: { year: input.year, scopeKey } },
      create: { year: input.year, kanwilId: place.kanwilId, kantorCabangId: place.kantorCabangId, scopeKey, ...values },
      update: values,
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        actorId: actor.id,
        action: before ? "target.update" : "target.create",
        entityType: "DashboardTarget",
        entityId: saved.id,
        before: before ? { approvedTarget: before.approvedTarget, complianceTargetPct: before.complianceTargetPct } : undefined,
        after: { year: input.year, kanwil: input.kanwil, kc: input.kc ?? null, approvedTarget: input.approvedTarget, complianceTargetPct: input.complianceTargetPct },
      },
    });
    return { id: saved.id, created: !before };
  });
}
