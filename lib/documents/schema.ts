/**
 * Documents attached to an e-form (issue #13): what kinds there are and how big an upload may be.
 * Client-safe: the upload control reads the same limits the server enforces.
 */
export const DOCUMENT_KINDS = ["KTP", "NPWP", "CONSENT", "OTHER"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A phone photo is 2–6 MB; a scanned A4 PDF well under this. The server action's body limit is above it. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
/** Per form: KTP, NPWP, consent and a few papers the reviewer asks for. */
export const MAX_DOCUMENTS_PER_FORM = 10;
/** Images are stored re-encoded, no side longer than this: the KTP's print stays legible, a 12 MP photo shrinks tenfold. */
export const MAX_IMAGE_SIDE = 2400;
/** What the file picker offers; the server decides by the bytes, never by this or the name. */
export const ACCEPTED_TYPES = "image/jpeg,image/png,image/webp,application/pdf";

/** A stored document as lists and the upload control show it (no bytes). */
export interface DocumentDto {
  id: string;
  kind: DocumentKind;
  label: string | null;
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  createdAt: string;
  /** Whether this actor may remove it now (the form is not submitted, or it was added to this correction). */
  removable: boolean;
}
