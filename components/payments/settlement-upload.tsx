"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/action/result";
import { uploadSettlementAction } from "@/lib/payments/actions";
import type { ChannelOption } from "@/lib/payments/data";

/** The settlement upload: the channel the file came from and the file; the import's page follows. */
export function SettlementUpload({ channels }: { channels: ChannelOption[] }) {
  const t = useTranslations("settlement");
  const [state, action, pending] = useActionState<FormState<unknown>, FormData>(uploadSettlementAction, {});
  return (
    <form action={action} className="space-y-3 rounded border border-slate-200 bg-white p-4" aria-label={t("upload")}>
      <Field name="channelKeyId" label={t("channel")} errors={state.errors?.channelKeyId}>
        {(p) => (
          <select {...p} name="channelKeyId" className={inputClass} defaultValue={state.values?.channelKeyId ?? channels[0]?.id}>
            {channels.map((c) => <option key={c.id} value={c.id}>{c.code} — {c.name}</option>)}
          </select>
        )}
      </Field>
      <Field name="file" label={t("file")} errors={state.errors?.file}>
        {(p) => <input {...p} name="file" type="file" accept=".csv,text/csv" className={inputClass} />}
      </Field>
      {state.message && !state.ok ? <p role="alert" className="text-sm font-medium text-red-800">{state.message}</p> : null}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? t("uploading") : t("upload")}
      </button>
    </form>
  );
}
