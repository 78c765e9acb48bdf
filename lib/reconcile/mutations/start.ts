import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/data";
import { translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/rules";
import { startTrackedJob } from "@/lib/jobs";
import { importDebtorListJob } from "@/lib/reconcile/jobs";
import { createDebtorList } from "@/lib/reconcile/mutations";

/**
 * Stores the list, its audit row and the tracked import run in one transaction (a run never exists
 * without its list, a list never waits for a job that was not queued); the report page finds the run
 * through the list and shows its progress until the import is done.
 */
export async function uploadDebtorList(actor: Actor, file: { name: string; bytes: Uint8Array }, period: { from: string; to: string }, locale: Locale): Promise<string> {
  return db().$transaction(async (tx) => {
    const listId = await createDebtorList(actor, file, period, locale, tx);
    const label = translator(locale)("reconcile.jobs.import", { file: file.name.slice(0, 200) });
    const runId = await startTrackedJob(importDebtorListJob, { listId }, { ownerUserId: actor.id, label, tx });
    await tx.reconciliationList.update({ where: { id: listId }, data: { importRunId: runId } });
    return listId;
  });
}
