import "server-only";
import type { AppErrorCode, FieldErrors } from "@/lib/action/result";

type MessageParams = Record<string, string | number>;

/**
 * An expected failure, thrown by mutations and actions and turned by the pipeline into a localized
 * message (lib/action/client.ts). `message` names a key under `actionErrors` in messages/*.json
 * when the code's own message is not precise enough; `fieldErrors` are already localized; `data`
 * reaches the form as `FormState.data` (e.g. the stored participant a refused submit must now show).
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly options: { message?: string; params?: MessageParams; fieldErrors?: FieldErrors; data?: unknown } = {},
  ) {
    super(options.message ? `${code}: ${options.message}` : code);
    this.name = "AppError";
  }
}

export const fieldError = (fieldErrors: FieldErrors, message?: string) => new AppError("VALIDATION", { fieldErrors, message });
