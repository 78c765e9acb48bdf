"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { setNonce } from "get-nonce";
import { useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";

export interface Confirmation {
  title: string;
  description: ReactNode;
  /** Overrides the button's confirmLabel (e.g. to say a count known only at click time). */
  confirmLabel?: string;
}

/**
 * A submit button whose form only posts after the user confirms in an alert dialog (Radix: focus
 * trapped inside, Cancel focused first, Escape cancels, focus back on this button when it closes).
 * It stays a real `type="submit"` button of its form, so the server action's form keeps working:
 * the click is held back while the dialog asks, and "confirm" submits the same form with this
 * button as the submitter. Before hydration the form posts as it always did.
 *
 * `confirmation` may be computed from the form at click time (bulk approval names the ticked rows);
 * returning null submits at once (nothing to confirm, the server says what is missing).
 */
export function ConfirmSubmit({
  confirmation,
  confirmLabel,
  tone = "danger",
  className,
  disabled,
  "aria-label": ariaLabel,
  children,
}: {
  confirmation: Confirmation | ((form: HTMLFormElement) => Confirmation | null);
  confirmLabel: string;
  tone?: "danger" | "approve";
  className?: string;
  disabled?: boolean;
  "aria-label"?: string;
  children: ReactNode;
}) {
  const t = useTranslations("confirm");
  const button = useRef<HTMLButtonElement>(null);
  const [asking, setAsking] = useState<Confirmation | null>(null);

  function onClick(event: React.MouseEvent<HTMLButtonElement>) {
    const form = event.currentTarget.form;
    if (!form) return;
    const c = typeof confirmation === "function" ? confirmation(form) : confirmation;
    if (!c) return;
    event.preventDefault();
    // The dialog's scroll lock adds a <style> element; the CSP (lib/security/headers.ts) lets it in
    // only with this page's nonce, which Next put on its own scripts.
    const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce;
    if (nonce) setNonce(nonce);
    setAsking(c);
  }

  function confirm() {
    setAsking(null);
    const b = button.current;
    b?.form?.requestSubmit(b);
  }

  const confirmClass = tone === "danger" ? "bg-red-700 hover:bg-red-800" : "bg-green-700 hover:bg-green-800";
  return (
    <>
      <button ref={button} type="submit" onClick={onClick} disabled={disabled} aria-label={ariaLabel} aria-haspopup="dialog" className={className}>
        {children}
      </button>
      <AlertDialog.Root open={asking !== null} onOpenChange={(open) => (open ? undefined : setAsking(null))}>
        <AlertDialog.Portal>
          <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50 print:hidden" />
          <AlertDialog.Content
            onCloseAutoFocus={(e) => {
              // Not opened through a Radix Trigger: give focus back to the button ourselves.
              e.preventDefault();
              button.current?.focus();
            }}
            className="fixed left-1/2 top-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 space-y-3 rounded bg-white p-5 shadow-lg print:hidden"
          >
            <AlertDialog.Title className="text-lg font-semibold">{asking?.title}</AlertDialog.Title>
            <AlertDialog.Description asChild>
              <div className="space-y-2 text-sm text-slate-800">{asking?.description}</div>
            </AlertDialog.Description>
            <div className="flex flex-wrap justify-end gap-2 pt-2">
              <AlertDialog.Cancel className="rounded border border-slate-400 px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100">
                {t("cancel")}
              </AlertDialog.Cancel>
              <AlertDialog.Action onClick={confirm} className={`rounded px-4 py-2 font-semibold text-white ${confirmClass}`}>
                {asking?.confirmLabel ?? confirmLabel}
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </AlertDialog.Portal>
      </AlertDialog.Root>
    </>
  );
}
