"use server";

import { z } from "zod";
import { clientFor } from "@/lib/action/client";
import { penyalurOfficeOf } from "@/lib/auth/scope";
import { likelyDuplicates } from "@/lib/enrolment/data";

/**
 * The e-form's warning before submit (issue #13): enrolments of other NIKs resembling what the
 * officer typed, as the officer may see them (lib/enrolment/data/duplicates.ts says what is shown).
 * Limited like the NIK lookup (lib/action/limits.ts); it writes nothing.
 */
export const likelyDuplicatesAction = clientFor("enrolment:create")
  .metadata({ actionName: "enrolment.likelyDuplicates" })
  .inputSchema(
    z.object({
      nik: z.string().max(40),
      fullName: z.string().max(200),
      birthDate: z.string().max(10),
      phone: z.string().max(40),
      loanNumber: z.string().max(60).optional(),
      excludeEnrolmentId: z.uuid().optional(),
    }),
  )
  .action(async ({ parsedInput, ctx: { actor } }) => likelyDuplicates(actor, { ...parsedInput, penyalurId: penyalurOfficeOf(actor)?.penyalurId ?? null }));
