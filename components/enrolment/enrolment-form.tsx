"use client";

import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { submitEnrolmentAction, type EnrolmentFormState } from "@/lib/enrolment/actions";
import type { EnrolmentFormOptions } from "@/lib/enrolment/data";
import { parseRupiahInput, type EnrolmentFieldName } from "@/lib/enrolment/schema";
import type { Dictionary, Locale } from "@/lib/i18n/dictionaries";
import {
  KUR_SCHEMES,
  MANDATE_LABELS,
  MANDATE_LABELS_EN,
  SCHEME_LABELS,
  checkPlafon,
  contributionForMonth,
  evaluateMandate,
  formatRupiah,
  monthOf,
  type KurScheme,
} from "@/lib/rules";

/** Order in which fields appear: the first one with an error gets the focus. */
const FIELD_ORDER: EnrolmentFieldName[] = [
  "nik",
  "fullName",
  "birthDate",
  "sex",
  "phone",
  "scheme",
  "plafon",
  "declaredIncome",
  "jht",
  "kantorCabangId",
];

function asAmount(value: string): number | null {
  const n = parseRupiahInput(value);
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : null;
}

interface FormProps {
  options: EnrolmentFormOptions;
  submissionKey: string;
  today: string;
  t: Dictionary;
  locale: Locale;
}

export function EnrolmentForm(props: FormProps) {
  const [state, action, pending] = useActionState<EnrolmentFormState, FormData>(submitEnrolmentAction, {});
  // Re-mounted after each failed submit so every control starts from the kept input (see attempt).
  return <EnrolmentFormBody key={state.attempt ?? 0} {...props} state={state} action={action} pending={pending} />;
}

function EnrolmentFormBody({
  options,
  submissionKey,
  today,
  t,
  locale,
  state,
  action,
  pending,
}: FormProps & { state: EnrolmentFormState; action: (formData: FormData) => void; pending: boolean }) {
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const summaryRef = useRef<HTMLDivElement>(null);

  // The live preview follows what is typed; the inputs themselves stay uncontrolled so that the
  // values React puts back after a failed submit are exactly what the officer typed.
  const [scheme, setScheme] = useState(values.scheme ?? "");
  const [plafon, setPlafon] = useState(values.plafon ?? "");
  const [income, setIncome] = useState(values.declaredIncome ?? "");
  const [jht, setJht] = useState(values.jht === "on");
  const [branchId, setBranchId] = useState(values.kantorCabangId ?? options.suggestedKantorCabangId ?? "");

  useEffect(() => {
    if (!state.errors && !state.message) return;
    const first = FIELD_ORDER.find((f) => state.errors?.[f]?.length);
    const target = first ? document.getElementById(`f-${first}`) : summaryRef.current;
    target?.focus();
  }, [state]);

  const preview = useMemo(() => {
    if (!KUR_SCHEMES.includes(scheme as KurScheme)) return null;
    const amount = asAmount(plafon);
    if (amount === null || checkPlafon(scheme as KurScheme, amount)) return null;
    const kanwilCode = options.kantorCabang.find((b) => b.id === branchId)?.kanwilCode ?? null;
    const decision = evaluateMandate({
      scheme: scheme as KurScheme,
      plafon: amount,
      date: today,
      penyalurId: options.penyalurId,
      kanwilCode,
      phaseRules: options.phaseRules,
    });
    const incomeAmount = asAmount(income);
    const quote =
      decision.status !== "OUT_OF_SCOPE" && incomeAmount !== null
        ? contributionForMonth({ declaredIncome: incomeAmount, jht, sector: "OTHER", month: monthOf(today) })
        : null;
    return { decision, quote };
  }, [scheme, plafon, income, jht, branchId, options, today]);

  const err = (name: EnrolmentFieldName) => errors[name];
  const mandateLabels = locale === "id" ? MANDATE_LABELS : MANDATE_LABELS_EN;
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <form action={action} noValidate className="space-y-6">
      <input type="hidden" name="submissionKey" value={submissionKey} />

      {state.message ? (
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-4 text-sm text-red-900"
        >
          <p className="font-semibold">{t.form.errorsTitle}</p>
          <p>{state.message}</p>
          {hasErrors ? (
            <ul className="mt-2 list-disc pl-5">
              {FIELD_ORDER.filter((f) => errors[f]?.length).map((f) => (
                <li key={f}>
                  <a href={`#f-${f}`} className="underline">{errors[f]?.[0]}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <fieldset className="space-y-4 rounded border border-slate-200 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">{t.form.debtor}</legend>
        <Field name="nik" label={t.form.nik} hint={t.form.nikHint} errors={err("nik")}>
          {(p) => (
            <input {...p} name="nik" inputMode="numeric" autoComplete="off" maxLength={24} defaultValue={values.nik ?? ""} className={inputClass} />
          )}
        </Field>
        <Field name="fullName" label={t.form.fullName} errors={err("fullName")}>
          {(p) => <input {...p} name="fullName" autoComplete="off" maxLength={100} defaultValue={values.fullName ?? ""} className={inputClass} />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="birthDate" label={t.form.birthDate} errors={err("birthDate")}>
            {(p) => <input {...p} name="birthDate" type="date" defaultValue={values.birthDate ?? ""} className={inputClass} />}
          </Field>
          <Field name="sex" label={t.form.sex} errors={err("sex")}>
            {(p) => (
              <select {...p} name="sex" defaultValue={values.sex ?? ""} className={inputClass}>
                <option value="">{t.form.choose}</option>
                <option value="L">{t.form.male}</option>
                <option value="P">{t.form.female}</option>
              </select>
            )}
          </Field>
        </div>
        <Field name="phone" label={t.form.phone} hint={t.form.phoneHint} errors={err("phone")}>
          {(p) => <input {...p} name="phone" type="tel" inputMode="tel" autoComplete="off" defaultValue={values.phone ?? ""} className={inputClass} />}
        </Field>
      </fieldset>

      <fieldset className="space-y-4 rounded border border-slate-200 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">{t.form.loan}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="scheme" label={t.form.scheme} errors={err("scheme")}>
            {(p) => (
              <select {...p} name="scheme" defaultValue={values.scheme ?? ""} onChange={(e) => setScheme(e.target.value)} className={inputClass}>
                <option value="">{t.form.choose}</option>
                {KUR_SCHEMES.map((s) => (
                  <option key={s} value={s}>{SCHEME_LABELS[s]}</option>
                ))}
              </select>
            )}
          </Field>
          <Field name="plafon" label={t.form.plafon} hint={t.form.plafonHint} errors={err("plafon")}>
            {(p) => (
              <input {...p} name="plafon" inputMode="numeric" autoComplete="off" defaultValue={values.plafon ?? ""} onChange={(e) => setPlafon(e.target.value)} className={inputClass} />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="space-y-4 rounded border border-slate-200 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">{t.form.coverage}</legend>
        <Field name="declaredIncome" label={t.form.income} hint={t.form.incomeHint} errors={err("declaredIncome")}>
          {(p) => (
            <input {...p} name="declaredIncome" inputMode="numeric" autoComplete="off" defaultValue={values.declaredIncome ?? ""} onChange={(e) => setIncome(e.target.value)} className={inputClass} />
          )}
        </Field>
        <div className="flex items-start gap-2">
          <input id="f-jht" name="jht" type="checkbox" defaultChecked={values.jht === "on"} onChange={(e) => setJht(e.target.checked)} className="mt-1 h-5 w-5" />
          <label htmlFor="f-jht" className="text-sm">{t.form.jht}</label>
        </div>
        <Field name="kantorCabangId" label={t.form.branch} hint={t.form.branchHint} errors={err("kantorCabangId")}>
          {(p) => (
            <select {...p} name="kantorCabangId" defaultValue={values.kantorCabangId ?? options.suggestedKantorCabangId ?? ""} onChange={(e) => setBranchId(e.target.value)} className={inputClass}>
              <option value="">{t.form.choose}</option>
              {options.kantorCabang.map((b) => (
                <option key={b.id} value={b.id}>{b.name} ({b.kanwilName})</option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <section aria-labelledby="preview-title" aria-live="polite" className="rounded border border-brand-600 bg-brand-50 p-4">
        <h2 id="preview-title" className="font-semibold">{t.form.preview}</h2>
        {preview ? (
          <div className="mt-1 space-y-1 text-sm" data-testid="preview">
            <p>
              <span className="font-semibold">{mandateLabels[preview.decision.status]}</span>
              {" — "}
              {locale === "id" ? preview.decision.explanation : preview.decision.explanationEn}
            </p>
            {preview.quote ? (
              <p>
                <span className="font-semibold">{formatRupiah(preview.quote.total)} {t.form.perMonth}</span>
                {" (JKK "}{formatRupiah(preview.quote.jkk)}{", JKM "}{formatRupiah(preview.quote.jkm)}
                {preview.quote.jht ? `, JHT ${formatRupiah(preview.quote.jht)}` : ""}
                {")"}
              </p>
            ) : null}
          </div>
        ) : (
          <p className="mt-1 text-sm text-slate-600">—</p>
        )}
        <p className="mt-2 text-xs text-slate-600">{t.form.previewNote}</p>
      </section>

      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className="w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60 sm:w-auto"
      >
        {pending ? t.form.submitting : t.form.submit}
      </button>
    </form>
  );
}
