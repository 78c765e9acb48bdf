"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { removeDocumentAction, uploadDocumentAction, type DocumentsState } from "@/lib/documents/actions";
import { ACCEPTED_TYPES, DOCUMENT_KINDS, MAX_UPLOAD_BYTES, type DocumentDto, type DocumentKind } from "@/lib/documents/schema";

/**
 * The e-form's documents (issue #13): the officer attaches a photo taken with the phone's camera or a
 * file, one at a time, to the form's submission key (a new form, a draft or a correction). Each
 * upload is its own request, so a 4 MB photo never rides along with the form's submit, and the form
 * itself posts nothing of it (the inputs here have no `name`). The server checks the bytes and
 * re-encodes them (lib/documents/process.ts); this control only says what it answered.
 */
export function DocumentsField({
  submissionKey,
  initial,
  onChange,
  className,
}: {
  submissionKey: string;
  initial: DocumentDto[];
  /** Told the list after each upload or removal (a parent that re-mounts this control keeps it). */
  onChange?: (documents: DocumentDto[]) => void;
  className?: string;
}) {
  const t = useTranslations("documents");
  const format = useFormatter();
  const [documents, setList] = useState(initial);
  const setDocuments = (next: DocumentDto[]) => {
    setList(next);
    onChange?.(next);
  };
  const [kind, setKind] = useState<DocumentKind>(initial.some((d) => d.kind === "KTP") ? "NPWP" : "KTP");
  const [label, setLabel] = useState("");
  const [answer, setAnswer] = useState<DocumentsState>({});
  const [notice, setNotice] = useState("");
  const [pending, startTransition] = useTransition();
  const cameraRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const mb = MAX_UPLOAD_BYTES / 1024 / 1024;
  const kindName = (d: { kind: DocumentKind; label: string | null }) => (d.kind === "OTHER" && d.label ? d.label : t(`kinds.${d.kind}`));

  function send(input: HTMLInputElement | null) {
    const file = input?.files?.[0];
    if (!input || !file) return;
    input.value = "";
    setNotice("");
    if (file.size > MAX_UPLOAD_BYTES) {
      setAnswer({ code: "VALIDATION", errors: { file: [t("refused.size", { mb })] } });
      return;
    }
    const data = new FormData();
    data.set("submissionKey", submissionKey);
    data.set("kind", kind);
    if (kind === "OTHER") data.set("label", label);
    data.set("file", file);
    startTransition(async () => {
      const result = await uploadDocumentAction({}, data);
      setAnswer(result);
      if (result.ok && result.data) {
        setDocuments(result.data);
        setNotice(t("uploaded", { kind: kindName({ kind, label }) }));
        setLabel("");
        if (kind === "KTP" && !result.data.some((d) => d.kind === "NPWP")) setKind("NPWP");
      }
    });
  }

  function remove(documentId: string) {
    const data = new FormData();
    data.set("documentId", documentId);
    data.set("submissionKey", submissionKey);
    setNotice("");
    startTransition(async () => {
      const result = await removeDocumentAction({}, data);
      setAnswer(result);
      if (result.ok && result.data) {
        setDocuments(result.data);
        setNotice(t("removed"));
      }
    });
  }

  const fileErrors = answer.errors?.file ?? (answer.code && !answer.errors?.label ? [answer.message ?? ""] : undefined);
  const pickerClass =
    "block w-full text-sm file:mr-3 file:min-h-11 file:cursor-pointer file:rounded file:border-0 file:bg-brand-700 file:px-4 file:py-2 file:font-semibold file:text-white disabled:opacity-60";

  return (
    <fieldset className={className} data-testid="documents" aria-busy={pending}>
      <legend className="px-1 text-lg font-semibold">{t("title")}</legend>
      <p className="text-sm text-slate-700" id={`${id}-hint`}>{t("hint", { mb })}</p>

      {documents.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" data-testid="document-list">
          {documents.map((d) => (
            <li key={d.id} className="flex gap-3 rounded border border-slate-200 p-2" data-testid="document" data-kind={d.kind}>
              {d.mimeType.startsWith("image/") ? (
                // eslint-disable-next-line @next/next/no-img-element -- an authorized, per-user route: not for the image optimizer
                <img src={`/dokumen/${d.id}`} alt={kindName(d)} className="h-16 w-16 shrink-0 rounded bg-slate-100 object-cover" />
              ) : (
                <span aria-hidden="true" className="flex h-16 w-16 shrink-0 items-center justify-center rounded bg-slate-100 text-xs font-semibold">PDF</span>
              )}
              <div className="min-w-0 text-sm">
                <p className="font-semibold">{kindName(d)}</p>
                <p className="text-slate-600">
                  {t("size", { kb: Math.max(1, Math.round(d.byteSize / 1024)) })} · {t("addedOn", { at: format.dateTime(new Date(d.createdAt), "withTime") })}
                </p>
                <p className="mt-1 flex flex-wrap gap-x-4">
                  <a href={`/dokumen/${d.id}`} target="_blank" rel="noopener" className="inline-block py-1 text-brand-700 underline">
                    {t("viewNamed", { kind: kindName(d) })}
                  </a>
                  {d.removable ? (
                    <button type="button" onClick={() => remove(d.id)} disabled={pending} className="py-1 text-red-800 underline">
                      {t("removeNamed", { kind: kindName(d) })}
                    </button>
                  ) : null}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}

      <div className="grid gap-3 sm:grid-cols-2">
        <Field name={`${id}-kind`} label={t("kind")}>
          {(p) => (
            <select {...p} value={kind} onChange={(ev) => setKind(ev.target.value as DocumentKind)} className={inputClass}>
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>{t(`kinds.${k}`)}</option>
              ))}
            </select>
          )}
        </Field>
        {kind === "OTHER" ? (
          <Field name={`${id}-label`} label={t("label")} hint={t("labelHint")} errors={answer.errors?.label}>
            {(p) => <input {...p} value={label} maxLength={80} onChange={(ev) => setLabel(ev.target.value)} className={inputClass} />}
          </Field>
        ) : null}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-camera`} className="block text-sm font-medium text-slate-800">{t("takePhoto")}</label>
          <input
            ref={cameraRef}
            id={`${id}-camera`}
            type="file"
            accept="image/*"
            capture="environment"
            disabled={pending}
            aria-describedby={`${id}-hint${fileErrors ? ` ${id}-error` : ""}`}
            onChange={() => send(cameraRef.current)}
            className={pickerClass}
            data-testid="document-camera"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-800">{t("chooseFile")}</label>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            accept={ACCEPTED_TYPES}
            disabled={pending}
            aria-describedby={`${id}-hint${fileErrors ? ` ${id}-error` : ""}`}
            onChange={() => send(fileRef.current)}
            className={pickerClass}
            data-testid="document-file"
          />
        </div>
      </div>
      <div aria-live="polite" className="text-sm">
        {pending ? <p>{t("uploading")}</p> : null}
        {fileErrors?.length ? (
          <p id={`${id}-error`} className="font-medium text-red-700" data-testid="document-error">{fileErrors.join(" ")}</p>
        ) : null}
        {notice && !pending ? <p className="text-green-800" data-testid="document-notice">{notice}</p> : null}
      </div>
    </fieldset>
  );
}
