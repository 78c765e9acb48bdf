"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { clientFor, formAction, formEntries, formInput } from "@/lib/action/client";
import { fieldError } from "@/lib/action/errors";
import type { FormState } from "@/lib/action/result";
import { formDocuments } from "@/lib/documents/data";
import { attachDocument, removeDocument } from "@/lib/documents/mutations";
import { processUpload } from "@/lib/documents/process";
import { DOCUMENT_KINDS, MAX_UPLOAD_BYTES, type DocumentDto } from "@/lib/documents/schema";

/** What the upload control gets back: the form's documents as they now are. */
export type DocumentsState = FormState<DocumentDto[]>;

const UploadFields = z.object({
  submissionKey: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  label: z.string().trim().max(80).optional().transform((v) => v || null),
});

/**
 * Attaches one scan or photo to the officer's form (new, draft or correction). The file is checked
 * by its bytes and rewritten on the server (lib/documents/process.ts) before anything is stored; the
 * name and the type the browser claims are ignored.
 */
const uploadDocumentSafe = clientFor("document:attach")
  .metadata({ actionName: "document.upload" })
  .inputSchema(
    // formEntries keeps the text fields only; the file is taken from the FormData itself.
    z.preprocess(
      (input) => (input instanceof FormData ? { ...(formEntries(input) as object), file: input.get("file") } : input),
      UploadFields.extend({ file: z.instanceof(File) }),
    ),
  )
  .action(async ({ parsedInput: { file, ...fields }, ctx: { actor } }) => {
    const t = await getTranslations("documents.refused");
    if (fields.kind === "OTHER" && !fields.label) throw fieldError({ label: [t("labelRequired")] });
    if (file.size > MAX_UPLOAD_BYTES) throw fieldError({ file: [t("size", { mb: MAX_UPLOAD_BYTES / 1024 / 1024 })] });
    const processed = await processUpload(new Uint8Array(await file.arrayBuffer()));
    if (!processed.ok) throw fieldError({ file: [t(processed.reason, { mb: MAX_UPLOAD_BYTES / 1024 / 1024 })] });
    await attachDocument(actor, fields, processed.document);
    return formDocuments(actor, fields.submissionKey);
  });

/** Removes a document from the officer's form while that is still allowed (lib/documents/data.ts `removable`). */
const removeDocumentSafe = clientFor("document:attach")
  .metadata({ actionName: "document.remove" })
  .inputSchema(formInput(z.object({ documentId: z.uuid(), submissionKey: z.uuid() })))
  .action(async ({ parsedInput: { documentId, submissionKey }, ctx: { actor } }) => {
    await removeDocument(actor, documentId);
    return formDocuments(actor, submissionKey);
  });

export const uploadDocumentAction: (prev: DocumentsState, formData: FormData) => Promise<DocumentsState> = formAction(uploadDocumentSafe);
export const removeDocumentAction: (prev: DocumentsState, formData: FormData) => Promise<DocumentsState> = formAction(removeDocumentSafe);

