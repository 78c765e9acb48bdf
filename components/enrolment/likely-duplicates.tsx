"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { likelyDuplicatesAction } from "@/lib/enrolment/duplicate-actions";
import type { LikelyDuplicate } from "@/lib/enrolment/data";

/** One line per likely duplicate: who (only inside the actor's scope), what agrees, status and branch. */
export function LikelyDuplicateList({ items, linkBase }: { items: LikelyDuplicate[]; linkBase: string }) {
  const t = useTranslations("reviewDesk");
  const enums = useTranslations("enums");
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" data-testid="likely-duplicates">
      {items.map((d, i) => (
        <li key={d.enrolmentId ?? i} data-testid="likely-duplicate">
          {d.inScope && d.enrolmentId ? (
            <Link href={`${linkBase}${d.enrolmentId}`} className="text-brand-700 underline">{d.fullName}</Link>
          ) : (
            t("likelyOther", { kantorCabang: d.kantorCabangName })
          )}
          {d.nikMasked ? <> · <span className="font-mono">{d.nikMasked}</span></> : null}
          {" · "}{d.reasons.map((r) => t(`likelyReasons.${r}`, { similarity: d.similarity })).join(", ")}
          {" · "}{enums(`status.${d.status}`)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The e-form's warning (issue #13): when the officer leaves a field of the debtor's identity, the
 * form's NIK, name, birth date, phone and loan number are checked against other NIKs' enrolments. It
 * reads the form it sits in (the e-form's inputs stay uncontrolled) and posts nothing into it.
 */
export function DuplicateWarning({ excludeEnrolmentId }: { excludeEnrolmentId?: string }) {
  const t = useTranslations("reviewDesk");
  const ref = useRef<HTMLDivElement>(null);
  const [items, setItems] = useState<LikelyDuplicate[]>([]);
  const last = useRef("");

  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const check = () => {
      const data = new FormData(form);
      const text = (k: string) => (typeof data.get(k) === "string" ? (data.get(k) as string) : "");
      const probe = { nik: text("nik"), fullName: text("fullName"), birthDate: text("birthDate"), phone: text("phone"), loanNumber: text("loanNumber") || undefined, excludeEnrolmentId };
      const key = JSON.stringify(probe);
      if (key === last.current || (probe.fullName.trim().length < 3 && !probe.phone)) return;
      last.current = key;
      likelyDuplicatesAction(probe).then(
        (answer) => {
          if (answer?.data) setItems(answer.data);
        },
        () => {
          // A warning, not a gate: offline or the server down, it is simply not shown (and asked again
          // at the next change). Never an uncaught error on the officer's page.
          last.current = "";
        },
      );
    };
    form.addEventListener("focusout", check);
    form.addEventListener("change", check);
    check();
    return () => {
      form.removeEventListener("focusout", check);
      form.removeEventListener("change", check);
    };
  }, [excludeEnrolmentId]);

  return (
    <div ref={ref} aria-live="polite">
      {items.length ? (
        <div role="status" className="mt-3 rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950" data-testid="duplicate-warning">
          <p className="font-semibold">{t("likelyWarningTitle")}</p>
          <p className="text-sm">
            {t("likelyWarning", { count: items.length, reasons: [...new Set(items.flatMap((d) => d.reasons))].map((r) => t(`likelyReasons.${r}`, { similarity: Math.max(...items.map((d) => d.similarity)) })).join(", ") })}
          </p>
          <LikelyDuplicateList items={items} linkBase="/pendaftaran/" />
        </div>
      ) : null}
    </div>
  );
}
