"use client";

import { useEffect, useRef } from "react";
import type { FormState } from "@/lib/action/result";

/**
 * The administrator's forms' shared behaviour: after an answer with errors, focus moves to the first
 * field in error (else to the message); the message is an alert.
 */
export function useFocusFirstError(state: FormState<unknown>, messageId: string) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state.errors && !state.message) return;
    const first = formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]");
    (first ?? document.getElementById(messageId))?.focus();
  }, [state, messageId]);
  return formRef;
}

export function FormMessage({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} tabIndex={-1} role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">{message}</p>
  ) : null;
}

export const buttonClass = "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
export const secondaryButtonClass = "rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60";
