/**
 * How long the portal keeps uploaded files that hold personal data once they have done their work
 * (docs/decisions/0027-upload-retention.md). The records made from them stay; only the bytes go.
 */
export const RETENTION_DAYS = {
  /** A document attached to a form that was never submitted nor saved as a draft. */
  unsubmittedDocument: 7,
  /** A bulk upload's file and its per-row errors, once it is no longer being checked or committed. */
  bulkUpload: 30,
  /** A channel's settlement file, once imported (the result and the file's hash stay). */
  settlementFile: 90,
} as const;
