"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { logUnexpected } from "@/lib/log";
import { TargetInput, type TargetFieldErrors } from "@/lib/dashboard/schema";
import { TargetFieldError, TargetNotAllowedError, setTarget } from "@/lib/dashboard/mutations";

export interface TargetFormState {
  errors?: TargetFieldErrors;
  message?: string;
  values?: Record<string, string>;
  attempt?: number;
}

const FIELDS = ["year", "kanwil", "kc", "approvedTarget", "complianceTargetPct"] as const;

/** Sets a yearly target (/admin/target). Public endpoint: authenticates, validates, authorizes, writes. */
export async function setTargetAction(prev: TargetFormState, formData: FormData): Promise<TargetFormState> {
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(formData.get(f) ?? "")]));
  const state = await decide(values);
  return { ...state, values, attempt: (prev.attempt ?? 0) + 1 };
}

async function decide(values: Record<string, string>): Promise<TargetFormState> {
  const actor = await currentActor();
  if (!actor) redirect("/masuk");
  if (!can(actor.role, "target:manage")) return { message: "Hanya administrator yang dapat menetapkan target." };
  const parsed = TargetInput.safeParse(values);
  if (!parsed.success) {
    return { errors: z.flattenError(parsed.error).fieldErrors as TargetFieldErrors, message: "Periksa kembali isian yang ditandai." };
  }
  try {
    await setTarget(actor, parsed.data);
  } catch (error) {
    if (error instanceof TargetFieldError) return { errors: error.errors, message: "Periksa kembali isian yang ditandai." };
    if (error instanceof TargetNotAllowedError) return { message: "Hanya administrator yang dapat menetapkan target." };
    const errorId = logUnexpected(error, { action: "setTarget", userId: actor.id });
    return { message: `Terjadi kesalahan tak terduga; target belum tersimpan. Coba lagi, atau hubungi dukungan dengan kode ${errorId}.` };
  }
  revalidatePath("/admin/target");
  revalidatePath("/dasbor");
  redirect(`/admin/target?tahun=${parsed.data.year}&tersimpan=1`);
}
