"use client";

import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { confirmParticipantNameAction } from "@/lib/enrolment/actions";

/**
 * A participant registered through another penyalur: the form says only that one exists, and the
 * officer confirms the name the debtor gives (docs/decisions/0012-nik-lookup-disclosure.md). The
 * stored data itself never reaches this bank.
 */
export function NameConfirm({ nik, inputClass }: { nik: string; inputClass: string }) {
  const e = useTranslations("eform");
  const id = useId();
  const [name, setName] = useState("");
  const [answer, setAnswer] = useState<"match" | "mismatch" | string | null>(null);
  const [pending, start] = useTransition();

  function confirm() {
    if (!name.trim()) return;
    start(async () => {
      const result = await confirmParticipantNameAction({ nik, name });
      if (result?.serverError) setAnswer(result.serverError.message);
      else setAnswer(result?.data?.matches ? "match" : "mismatch");
    });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="rounded border border-brand-600 bg-brand-50 p-3 text-sm" data-testid="registered-elsewhere">
      <h3 id={`${id}-title`} className="font-semibold">{e("registeredTitle")}</h3>
      <p className="mt-1">{e("registeredNote")}</p>
      <label htmlFor={`${id}-name`} className="mt-3 block font-medium">{e("confirmNameLabel")}</label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id={`${id}-name`}
          value={name}
          maxLength={100}
          autoComplete="off"
          onChange={(ev) => {
            setName(ev.target.value);
            setAnswer(null);
          }}
          onKeyDown={(ev) => {
            if (ev.key === "Enter") {
              ev.preventDefault();
              confirm();
            }
          }}
          className={`${inputClass} min-w-0 flex-1`}
        />
        <button type="button" onClick={confirm} disabled={pending} className="rounded border border-brand-700 px-3 py-2 font-medium text-brand-700">
          {e("confirmName")}
        </button>
      </div>
      <p role="status" aria-live="polite" className="mt-2" data-testid="name-confirm-status">
        {pending ? e("lookupChecking") : answer === "match" ? e("nameMatches") : answer === "mismatch" ? e("nameDiffers") : (answer ?? "")}
      </p>
    </section>
  );
}
