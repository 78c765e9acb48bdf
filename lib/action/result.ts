/**
 * What every server action answers, as its client component reads it. Client-safe: no server
 * imports. Built by lib/action/client.ts from next-safe-action's result, so that each form reads
 * one shape: field errors on their fields, one plain message, the user's input kept.
 */

/** The closed set of application errors; each has a message in messages/*.json under `actionErrors`. */
export const APP_ERROR_CODES = [
  /** The input does not pass the schema or a domain rule: field errors say where. */
  "VALIDATION",
  /** Signed in, but the role may not do this at all. */
  "FORBIDDEN",
  /** The record does not exist or lies outside the actor's scope (the two are not told apart). */
  "NOT_FOUND",
  /** Someone else changed the record since the form was opened; nothing was saved. */
  "CONFLICT",
  /** The record is in a state this action does not apply to (e.g. approving a rejected enrolment). */
  "INVALID_STATE",
  /** Too many requests of this kind; try again later. */
  "RATE_LIMITED",
  /** The database cannot be reached: nothing was saved; the input is kept; try again shortly. */
  "UNAVAILABLE",
  /** Anything else: logged with an id, shown as a plain message carrying it. */
  "UNEXPECTED",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export type FieldErrors = Record<string, string[] | undefined>;

export interface FormState<Data = unknown> {
  /** True after a successful action that stays on the page (no redirect). */
  ok?: boolean;
  data?: Data;
  code?: AppErrorCode;
  /** One sentence for the whole form, in the user's language. */
  message?: string;
  /** With UNEXPECTED and UNAVAILABLE: the id the log line carries, for support. */
  errorId?: string;
  errors?: FieldErrors;
  /** The text fields as posted, so the form re-renders with the user's input. */
  values?: Record<string, string>;
  /**
   * Counts answers. Forms are keyed on it so that they re-mount with the kept values: React resets
   * a form after its action, and a <select> would otherwise fall back to its first option.
   */
  attempt?: number;
}
