"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useEffect, useMemo, useRef, useState, useTransition, type FormEvent, type InputHTMLAttributes, type ReactNode } from "react";
import { ruleMessage } from "@/lib/i18n/rules";
import { CheckboxField, Field, inputClass } from "@/components/ui/field";
import { DateInput } from "@/components/ui/date-input";
import {
  enrolmentFormAction,
  lookupNikAction,
  resubmitEnrolmentAction,
  type EnrolmentFormState,
} from "@/lib/enrolment/actions";
import { CONSENT_TEXT_VERSION, consentTextKey } from "@/lib/enrolment/consent";
import { NameConfirm } from "@/components/enrolment/name-confirm";
import { DocumentsField } from "@/components/enrolment/documents-field";
import { DuplicateWarning } from "@/components/enrolment/likely-duplicates";
import type { DocumentDto } from "@/lib/documents/schema";
import { ATTESTATIONS, invalidatedAttestations, type Attestation } from "@/components/enrolment/attestation-basis";
import { CheckAnswers, readAnswers, type AnswerSection } from "@/components/enrolment/check-answers";
import { DecisionBar } from "@/components/enrolment/decision-bar";
import { forgetKept, formValues, readKept, scheduleKept, writeKept, type KeptInput } from "@/components/enrolment/kept-input";
import type { EnrolmentFormOptions, NikLookup, StoredParticipant } from "@/lib/enrolment/data";
import { advanceContributions } from "@/lib/enrolment/pricing";
import { PriceStepsText } from "@/components/review/coverage-summary";
import {
  FORM_FIELD_ORDER,
  HEIR_RELATIONSHIPS,
  MAX_MONTHS_IN_ADVANCE,
  parseRupiahInput,
  type EnrolmentFieldName,
} from "@/lib/enrolment/schema/fields";
import {
  KUR_PURPOSES,
  KUR_SCHEMES,
  checkKbli,
  checkPlafon,
  evaluateMandate,
  formatDateId,
  formatRupiah,
  interestRateFor,
  isFourAccessProductionKbli,
  isKurScheme,
  mikroAccessCap,
  monthOf,
  npwpRequired,
  provinceByCode,
  sectorGroupForKbli,
  bpuSectorForKbli,
  tenorCapMonths,
  type KurPurpose,
} from "@/lib/rules";

function asAmount(value: string): number | null {
  const n = parseRupiahInput(value);
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : null;
}

const isPurpose = (v: string): v is KurPurpose => (KUR_PURPOSES as readonly string[]).includes(v);

export interface CorrectionProps {
  enrolmentId: string;
  version: number;
  nik: string;
  participantEditable: boolean;
  participant: StoredParticipant;
}

interface FormProps {
  options: EnrolmentFormOptions;
  /**
   * Names this form's input kept in the browser (components/enrolment/kept-input.ts): the signed-in
   * user and the form, e.g. `<userId>:new`, `<userId>:draft:<id>`, `<userId>:correction:<id>`.
   */
  keepKey: string;
  submissionKey: string;
  today: string;
  /** A resumed draft's or a correction's values. */
  initialValues?: Record<string, string>;
  initialLookup?: NikLookup | null;
  /** Present when correcting a returned enrolment: resubmits instead of submitting, no drafts. */
  correction?: CorrectionProps;
  /**
   * The documents already attached (components/enrolment/documents-field.tsx) and the key they belong
   * to: the form's own submission key, or for a correction the enrolment's (its form key is not reused).
   */
  documents?: { submissionKey: string; initial: DocumentDto[]; onChange?: (documents: DocumentDto[]) => void };
}

/** A labelled text input; the officer's input stays uncontrolled (see the form's comment). */
function TextField({
  name,
  label,
  hint,
  errors,
  defaultValue,
  onChange,
  ...input
}: {
  name: EnrolmentFieldName;
  label: string;
  hint?: string;
  errors?: string[];
  defaultValue: string;
  onChange?: (value: string) => void;
} & Pick<InputHTMLAttributes<HTMLInputElement>, "type" | "inputMode" | "maxLength" | "min" | "max">) {
  // A date input also says the chosen day with the month named, whatever the browser's locale.
  const { type, ...rest } = input;
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(p) =>
        type === "date" ? (
          <DateInput {...p} {...rest} name={name} autoComplete="off" defaultValue={defaultValue} onChange={(ev) => onChange?.(ev.target.value)} className={inputClass} saidTestId={`said-${name}`} />
        ) : (
          <input {...p} {...input} name={name} autoComplete="off" defaultValue={defaultValue} onChange={(ev) => onChange?.(ev.target.value)} className={inputClass} />
        )
      }
    </Field>
  );
}

/** A labelled <select> with a "choose" option first; `value` makes it controlled, else `defaultValue`. */
function SelectField({
  name,
  label,
  hint,
  errors,
  choose,
  options,
  defaultValue,
  onChange,
}: {
  name: EnrolmentFieldName;
  label: string;
  hint?: string;
  errors?: string[];
  choose: string;
  options: readonly (readonly [value: string, label: string])[];
  defaultValue: string;
  onChange?: (value: string) => void;
}) {
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(p) => (
        <select {...p} name={name} defaultValue={defaultValue} onChange={onChange ? (ev) => onChange(ev.target.value) : undefined} className={inputClass}>
          <option value="">{choose}</option>
          {options.map(([value, text]) => (
            <option key={value} value={value}>{text}</option>
          ))}
        </select>
      )}
    </Field>
  );
}

const primaryButton = "w-full rounded bg-brand-700 px-4 py-3 font-semibold text-white hover:bg-brand-800 disabled:opacity-60 sm:w-auto";
const secondaryButton = "w-full rounded border border-brand-700 bg-white px-4 py-3 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60 sm:w-auto";

/** A submit button that says which of the form's two actions it asks for (see enrolmentFormAction). */
function IntentButton({ intent, onIntent, pending, className, children }: { intent: "submit" | "draft"; onIntent: (i: "submit" | "draft") => void; pending: boolean; className: string; children: ReactNode }) {
  return (
    <button type="submit" name="intent" value={intent} onClick={() => onIntent(intent)} disabled={pending} aria-disabled={pending} className={className}>
      {children}
    </button>
  );
}

/** A navigation Next signals by throwing (redirect, notFound): not a failure of the request. */
function isNavigation(error: unknown): error is { digest: string } {
  return typeof (error as { digest?: unknown })?.digest === "string" && (error as { digest: string }).digest.startsWith("NEXT_");
}

type BodyState = EnrolmentFormState & { notSent?: boolean };

export function EnrolmentForm(props: FormProps) {
  const j = useTranslations("officerJourney");
  const server = props.correction ? resubmitEnrolmentAction : enrolmentFormAction;
  const [state, action, pending] = useActionState<BodyState, FormData>(async (prev, formData) => {
    try {
      return await server(prev, formData);
    } catch (error) {
      if (isNavigation(error)) {
        // A redirect is the server's "saved": the kept copy has done its job.
        if (error.digest.startsWith("NEXT_REDIRECT")) forgetKept(props.keepKey);
        throw error;
      }
      // No answer (connection lost, server down or crashed): React would replace the form with the
      // error page; instead the form stays with everything typed, kept in the browser, and says so.
      const offline = typeof navigator !== "undefined" && navigator.onLine === false;
      return {
        code: "UNAVAILABLE",
        notSent: true,
        message: j(offline ? "notSent.offline" : "notSent.noAnswer"),
        values: { ...formValues(formData), intent: String(formData.get("intent") ?? "submit") },
        attempt: (prev.attempt ?? 0) + 1,
      };
    }
  }, {});
  // Input kept in this browser from an earlier visit that never reached the server (a reload, a
  // crashed tab, the error page), read after hydration: the server render cannot see it.
  const [restored, setRestored] = useState<KeptInput | null>(null);
  useEffect(() => {
    const kept = readKept(props.keepKey);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
    if (kept) setRestored(kept);
  }, [props.keepKey]);
  const discard = () => {
    forgetKept(props.keepKey);
    setRestored(null);
  };
  // The attached documents outlive the re-mount below: they are stored already, not part of the post.
  const [documents, setDocuments] = useState(props.documents?.initial ?? []);
  const documentsOf = { submissionKey: props.documents?.submissionKey ?? props.submissionKey, initial: documents, onChange: setDocuments };
  // Re-mounted after each failed submit (see attempt) and on a restore, so every control starts from the kept input.
  return (
    <EnrolmentFormBody
      key={`${state.attempt ?? 0}:${restored?.savedAt ?? ""}`}
      {...props}
      documents={documentsOf}
      initialValues={restored?.values ?? props.initialValues}
      storedValues={props.initialValues}
      restored={state.attempt ? null : restored}
      onDiscard={discard}
      state={state}
      action={action}
      pending={pending}
    />
  );
}

function EnrolmentFormBody({
  options,
  keepKey,
  submissionKey,
  today,
  initialValues,
  storedValues,
  restored,
  onDiscard,
  initialLookup,
  correction,
  documents,
  state,
  action,
  pending,
}: FormProps & {
  /** The values the page was opened with (a draft's, a correction's), before any kept input. */
  storedValues?: Record<string, string>;
  restored: KeptInput | null;
  onDiscard: () => void;
  state: BodyState;
  action: (formData: FormData) => void;
  pending: boolean;
}) {
  const t = useTranslations("form");
  const e = useTranslations("eform");
  const j = useTranslations("officerJourney");
  const enums = useTranslations("enums");
  const format = useFormatter();
  const [intent, setIntent] = useState<"submit" | "draft">("submit");
  const formRef = useRef<HTMLFormElement>(null);
  /** Typed since the page opened (or restored and not sent): leaving warns. */
  const dirty = useRef(Boolean(restored) || Boolean(state.values));
  const [step, setStep] = useState<"edit" | "check">("edit");
  const [answers, setAnswers] = useState<AnswerSection[]>([]);
  const focusAfterStep = useRef<string | null>(null);
  /** On a correction: the attestations whose data changed, with the changed fields' labels. */
  const [retick, setRetick] = useState<Partial<Record<Attestation, string[]>>>({});
  const saving = pending && intent === "draft";
  const values = state.values ?? initialValues ?? {};
  const errors = state.errors ?? {};
  const summaryRef = useRef<HTMLDivElement>(null);
  const v = (name: EnrolmentFieldName) => values[name] ?? "";

  // The live preview follows what is typed; text inputs stay uncontrolled so that the values React
  // puts back after a failed submit are exactly what the officer typed.
  const [scheme, setScheme] = useState(v("scheme"));
  const [plafon, setPlafon] = useState(v("plafon"));
  const [income, setIncome] = useState(v("declaredIncome"));
  const [jht, setJht] = useState(values.jht === "on");
  const [months, setMonths] = useState(v("monthsInAdvance") || "1");
  const [purpose, setPurpose] = useState(v("purpose"));
  const [kbli, setKbli] = useState(v("kbli"));
  const [priorMikro, setPriorMikro] = useState(v("priorMikroCount"));
  const [priorKecil, setPriorKecil] = useState(v("priorKecilCount"));
  const [employsWorkers, setEmploysWorkers] = useState(values.employsWorkers === "on");
  const [branchId, setBranchId] = useState(v("kantorCabangId") || options.suggestedKantorCabangId || "");
  const [branchTouched, setBranchTouched] = useState(Boolean(values.kantorCabangId));
  const [lookup, setLookup] = useState<NikLookup | null>(state.data ?? initialLookup ?? null);
  const [checking, startLookup] = useTransition();
  /** The lookup's refusal (e.g. its rate limit), said beside the NIK instead of passing as "not registered". */
  const [lookupRefusal, setLookupRefusal] = useState<string | null>(null);
  const lastLooked = useRef<string>("");
  /** The NIK the lookup answered for (the name confirmation asks about that one). */
  const [lookedNik, setLookedNik] = useState(v("nik"));

  const existing = correction ? (correction.participantEditable ? null : correction.participant) : (lookup?.participant ?? null);

  useEffect(() => {
    const target = focusAfterStep.current;
    if (!target) return;
    focusAfterStep.current = null;
    document.getElementById(target)?.focus();
  }, [step]);

  // Leaving with input the server does not have yet asks first: a reload or closed tab through the
  // browser's own prompt, a link inside the portal through a confirm.
  useEffect(() => {
    const beforeUnload = (ev: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      ev.preventDefault();
      ev.returnValue = "";
    };
    const onClick = (ev: MouseEvent) => {
      if (!dirty.current || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
      const link = (ev.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin || (url.pathname === window.location.pathname && url.hash)) return;
      if (!window.confirm(j("leave"))) {
        ev.preventDefault();
        ev.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [j]);

  /** Every change is kept in the browser (shortly after typing stops) and, on a correction, checked against the attestations. */
  function onFormInput(ev: FormEvent<HTMLFormElement>) {
    const form = ev.currentTarget;
    dirty.current = true;
    scheduleKept(keepKey, () => formValues(form));
    if (correction && storedValues) untickChanged(form);
  }

  function untickChanged(form: HTMLFormElement) {
    const changed = invalidatedAttestations(storedValues ?? {}, formValues(form));
    const next = { ...retick };
    let grew = false;
    for (const a of ATTESTATIONS) {
      const fields = changed[a];
      if (!fields || storedValues?.[a] !== "on") continue;
      const labels = fields.map((f) => form.querySelector(`label[for="f-${f}"]`)?.textContent?.trim() ?? f);
      if (next[a]?.join() === labels.join()) continue;
      // Taken off once, when its data first changes; the officer ticks it again after checking.
      if (!next[a]) {
        const box = form.elements.namedItem(a);
        if (box instanceof HTMLInputElement) box.checked = false;
      }
      next[a] = labels;
      grew = true;
    }
    if (grew) setRetick(next);
  }

  function goCheck() {
    const form = formRef.current;
    if (!form) return;
    writeKept(keepKey, formValues(form));
    setAnswers(readAnswers(form, j("check.yes"), j("check.no")));
    focusAfterStep.current = "check-title";
    setStep("check");
    window.scrollTo({ top: 0 });
  }

  function backToEdit(fieldId: string) {
    focusAfterStep.current = fieldId;
    setStep("edit");
  }

  useEffect(() => {
    if (!state.errors && !state.message) return;
    const first = FORM_FIELD_ORDER.find((f) => state.errors?.[f]?.length && document.getElementById(`f-${f}`));
    const target = first ? document.getElementById(`f-${first}`) : summaryRef.current;
    target?.focus();
  }, [state]);

  /** The BPJS branch for a province: one in the province, else one in its Kanwil, else the office's. */
  function suggestBranch(provinceCode: string | null) {
    if (branchTouched || !provinceCode) return;
    const province = provinceByCode(provinceCode);
    // The office's own branch stays when it already serves that province.
    if (options.kantorCabang.find((b) => b.id === branchId)?.provinceCode === provinceCode) return;
    const match =
      options.kantorCabang.find((b) => b.provinceCode === provinceCode) ??
      options.kantorCabang.find((b) => province && b.kanwilCode === province.kanwil);
    if (match) setBranchId(match.id);
  }

  function checkNik(raw: string) {
    const nik = raw.replace(/\s+/g, "");
    if (correction || !/^\d{16}$/.test(nik) || nik === lastLooked.current) return;
    lastLooked.current = nik;
    startLookup(async () => {
      const answer = await lookupNikAction(nik);
      const found = answer?.data ?? null;
      setLookupRefusal(answer?.serverError?.message ?? null);
      // A refused lookup is asked again when the officer next leaves the field.
      if (answer?.serverError) lastLooked.current = "";
      setLookup(found);
      setLookedNik(nik);
      if (found?.addressProvinceCode) suggestBranch(found.addressProvinceCode);
    });
  }

  // A restored NIK is looked up again, as if typed, so a registered participant shows as such.
  useEffect(() => {
    if (restored && !lookup && /^\d{16}$/.test(v("nik").replace(/\s+/g, ""))) checkNik(v("nik"));
    // Once, on the restoring mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const plafonIssue = isKurScheme(scheme) && asAmount(plafon) !== null ? checkPlafon(scheme, asAmount(plafon)!) : null;

  const preview = useMemo(() => {
    if (!isKurScheme(scheme)) return null;
    const amount = asAmount(plafon);
    if (amount === null || checkPlafon(scheme, amount)) return null;
    const branch = options.kantorCabang.find((b) => b.id === branchId);
    const decision = evaluateMandate({
      scheme,
      plafon: amount,
      date: today,
      penyalurId: options.penyalurId,
      kanwilCode: branch?.kanwilCode ?? null,
      provinceCode: branch?.provinceCode ?? null,
      phaseRules: options.phaseRules,
    });
    const incomeAmount = asAmount(income);
    const n = Number(months);
    const kbliNow = checkKbli(kbli);
    const sector = kbliNow.ok ? bpuSectorForKbli(kbliNow.value) : "OTHER";
    const quote =
      decision.status !== "OUT_OF_SCOPE" && incomeAmount !== null && Number.isInteger(n) && n >= 1 && n <= MAX_MONTHS_IN_ADVANCE
        ? advanceContributions({ declaredIncome: incomeAmount, jht, sector, firstMonth: monthOf(today), months: n })
        : null;
    // Each scheme's tier counts the earlier accesses of that scheme (docs/regulation.md §1.1).
    const count = (typed: string) => (/^\d{1,2}$/.test(typed) ? Number(typed) : 0);
    const rate = interestRateFor(scheme, { mikro: count(priorMikro), kecil: count(priorKecil) }, today);
    return { decision, quote, rate, months: n };
  }, [scheme, plafon, income, jht, months, priorMikro, priorKecil, kbli, branchId, options, today]);

  const err = (name: EnrolmentFieldName) => errors[name];
  const tRules = useTranslations("rules");
  const errorFields = FORM_FIELD_ORDER.filter((f) => errors[f]?.length);
  const kbliCheck = checkKbli(kbli);
  const tenorCap = isKurScheme(scheme) && isPurpose(purpose) ? tenorCapMonths(scheme, purpose) : null;
  const plafonAmount = asAmount(plafon);
  const needsNpwp = plafonAmount !== null && npwpRequired(plafonAmount);
  const fieldset = "space-y-4 rounded border border-slate-200 bg-white p-4";
  const legend = "px-1 text-lg font-semibold";
  const grid = "grid gap-4 sm:grid-cols-2";
  /** Registered through another penyalur only: its existence is all this bank learns. */
  const registeredElsewhere = !correction && Boolean(lookup?.registered) && !existing;
  const provinceOptions = options.provinces.map((pr) => [pr.code, pr.name] as const);

  const notSent = state.code === "UNAVAILABLE";
  const retryIntent = state.values?.intent === "draft" ? "draft" : "submit";

  return (
    <form
      ref={formRef}
      action={action}
      noValidate
      onInput={onFormInput}
      onChange={onFormInput}
      onSubmit={(ev) => writeKept(keepKey, formValues(ev.currentTarget))}
      className="space-y-6 pb-24 sm:pb-0"
    >
      <input type="hidden" name="submissionKey" value={values.submissionKey || submissionKey} />
      <input type="hidden" name="consentTextVersion" value={CONSENT_TEXT_VERSION} />
      {(existing || registeredElsewhere) && !correction ? <input type="hidden" name="existingParticipant" value="1" /> : null}
      {correction ? (
        <>
          <input type="hidden" name="enrolmentId" value={correction.enrolmentId} />
          <input type="hidden" name="version" value={correction.version} />
        </>
      ) : null}

      {restored ? (
        <div role="status" className="rounded border-l-4 border-brand-600 bg-brand-50 p-4 text-sm" data-testid="restored">
          <p className="font-semibold">{j("restored.title")}</p>
          <p>{j("restored.body", { time: format.dateTime(new Date(restored.savedAt), "withTime") })}</p>
          <button type="button" onClick={onDiscard} className="mt-2 min-h-6 rounded border border-brand-700 bg-white px-3 py-1 font-medium text-brand-800 hover:bg-brand-50">
            {j("restored.discard")}
          </button>
        </div>
      ) : null}

      {notSent ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded border-l-4 border-amber-600 bg-amber-50 p-4 text-sm text-amber-950" data-testid="not-sent">
          <p className="font-semibold">{j("notSent.title")}</p>
          <p>{state.message}</p>
          <button
            type="submit"
            name="intent"
            value={retryIntent}
            onClick={() => setIntent(retryIntent)}
            disabled={pending}
            className="mt-2 min-h-6 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {pending ? t("submitting") : j(retryIntent === "draft" ? "notSent.retryDraft" : "notSent.retry")}
          </button>
        </div>
      ) : state.message ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">{t("errorsTitle")}</p>
          <p>{state.message}</p>
          {errorFields.length ? (
            <ul className="mt-2 list-disc pl-5">
              {errorFields.map((f) => (
                <li key={f}>
                  <a href={`#f-${f}`} className="underline">{errors[f]?.[0]}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {step === "check" ? <CheckAnswers sections={answers} onChange={backToEdit} /> : null}

      {/* Hidden, not unmounted, while the answers are checked: the form posts what the fields hold. */}
      <div hidden={step === "check"} className="space-y-6">
      <fieldset className={fieldset}>
        <legend className={legend}>{t("debtor")}</legend>
        <Field name="nik" label={t("nik")} hint={t("nikHint")} errors={err("nik")}>
          {(p) => (
            <input
              {...p}
              name="nik"
              inputMode="numeric"
              autoComplete="off"
              maxLength={24}
              defaultValue={correction ? correction.nik : v("nik")}
              readOnly={Boolean(correction)}
              onBlur={(ev) => checkNik(ev.target.value)}
              onChange={(ev) => {
                const digits = ev.target.value.replace(/\s+/g, "");
                if (digits.length === 16) checkNik(digits);
                else if (lookup) {
                  // Another NIK is being typed: what was found for the previous one no longer applies.
                  lastLooked.current = "";
                  setLookup(null);
                }
              }}
              className={inputClass}
            />
          )}
        </Field>
        <p role="status" aria-live="polite" className="text-sm text-slate-700" data-testid="nik-status">
          {checking ? e("lookupChecking") : lookupRefusal ? lookupRefusal : !correction && lookup && !lookup.participant ? e("lookupNew") : ""}
        </p>
        {existing ? (
          <section aria-labelledby="existing-title" className="rounded border border-brand-600 bg-brand-50 p-3 text-sm" data-testid="existing-participant">
            <h3 id="existing-title" className="font-semibold">{e("existingTitle")}</h3>
            <dl className="mt-1 grid gap-x-4 sm:grid-cols-[auto_1fr]">
              <dt className="font-medium">{t("fullName")}</dt>
              <dd>{existing.fullName}</dd>
              <dt className="font-medium">{t("birthDate")}</dt>
              <dd>{existing.birthPlace ? `${existing.birthPlace}, ` : ""}{formatDateId(existing.birthDate)}</dd>
              <dt className="font-medium">{t("sex")}</dt>
              <dd>{enums(`sex.${existing.sex}`)}</dd>
              <dt className="font-medium">{e("phoneMasked")}</dt>
              <dd>{existing.phoneMasked}</dd>
              {existing.area ? (
                <>
                  <dt className="font-medium">{e("area")}</dt>
                  <dd>{existing.area}</dd>
                </>
              ) : null}
            </dl>
            <p className="mt-2 text-xs text-slate-700">{correction ? e("participantLocked") : e("existingNote")}</p>
          </section>
        ) : registeredElsewhere ? (
          <NameConfirm nik={lookedNik} inputClass={inputClass} />
        ) : (
          <>
            <TextField name="fullName" label={t("fullName")} errors={err("fullName")} maxLength={100} defaultValue={v("fullName")} />
            <div className={grid}>
              <TextField name="birthPlace" label={e("birthPlace")} errors={err("birthPlace")} maxLength={60} defaultValue={v("birthPlace")} />
              <TextField name="birthDate" label={t("birthDate")} errors={err("birthDate")} type="date" defaultValue={v("birthDate")} />
            </div>
            <div className={grid}>
              <SelectField name="sex" label={t("sex")} errors={err("sex")} choose={t("choose")} defaultValue={v("sex")} options={[["L", t("male")], ["P", t("female")]]} />
              <TextField name="motherMaidenName" label={e("motherMaidenName")} errors={err("motherMaidenName")} maxLength={100} defaultValue={v("motherMaidenName")} />
            </div>
            <div className={grid}>
              <TextField name="phone" label={t("phone")} hint={t("phoneHint")} errors={err("phone")} type="tel" inputMode="tel" defaultValue={v("phone")} />
              <TextField name="email" label={e("email")} errors={err("email")} type="email" maxLength={254} defaultValue={v("email")} />
            </div>
            <SelectField
              name="addressProvinceCode"
              label={e("addressProvince")}
              errors={err("addressProvinceCode")}
              choose={t("choose")}
              defaultValue={v("addressProvinceCode")}
              options={provinceOptions}
              onChange={suggestBranch}
            />
            <div className={grid}>
              <TextField name="addressRegency" label={e("addressRegency")} errors={err("addressRegency")} maxLength={80} defaultValue={v("addressRegency")} />
              <TextField name="addressDistrict" label={e("addressDistrict")} errors={err("addressDistrict")} maxLength={80} defaultValue={v("addressDistrict")} />
            </div>
            <TextField name="addressStreet" label={e("addressStreet")} errors={err("addressStreet")} maxLength={200} defaultValue={v("addressStreet")} />
          </>
        )}
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{e("business")}</legend>
        <TextField name="businessName" label={e("businessName")} errors={err("businessName")} maxLength={120} defaultValue={v("businessName")} />
        <div className={grid}>
          <TextField
            name="kbli"
            label={e("kbli")}
            hint={
              !kbliCheck.ok
                ? e("kbliHint")
                : scheme === "MIKRO"
                  ? e("sectorGroupMikroHint", {
                      sector: enums(`kurSector.${sectorGroupForKbli(kbliCheck.value)}`),
                      cap: mikroAccessCap(kbliCheck.value),
                      ayat: isFourAccessProductionKbli(kbliCheck.value) ? "4" : "4a",
                    })
                  : e("sectorGroupHint", { sector: enums(`kurSector.${sectorGroupForKbli(kbliCheck.value)}`) })
            }
            errors={err("kbli")}
            inputMode="numeric"
            maxLength={10}
            defaultValue={v("kbli")}
            onChange={setKbli}
          />
          <TextField name="nib" label={e("nib")} hint={e("nibHint")} errors={err("nib")} inputMode="numeric" maxLength={20} defaultValue={v("nib")} />
        </div>
        <div className={grid}>
          <TextField name="businessStartedOn" label={e("businessStartedOn")} hint={e("businessStartedOnHint")} errors={err("businessStartedOn")} type="date" max={today} defaultValue={v("businessStartedOn")} />
          <SelectField
            name="businessProvinceCode"
            label={e("businessProvince")}
            errors={err("businessProvinceCode")}
            choose={t("choose")}
            defaultValue={v("businessProvinceCode") || options.officeProvinceCode}
            options={provinceOptions}
          />
        </div>
        <div className={grid}>
          <div className="space-y-1">
            <CheckboxField name="employsWorkers" label={e("employsWorkers")} errors={err("employsWorkers")} defaultChecked={employsWorkers} onChange={setEmploysWorkers} />
            <p className="pl-7 text-xs text-slate-600">{e("employsWorkersHint")}</p>
          </div>
          {employsWorkers || err("workerCount") ? (
            <TextField name="workerCount" label={e("workerCount")} errors={err("workerCount")} inputMode="numeric" maxLength={4} defaultValue={v("workerCount")} />
          ) : null}
        </div>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("loan")}</legend>
        <TextField name="loanNumber" label={e("loanNumber")} hint={e("loanNumberHint")} errors={err("loanNumber")} maxLength={60} defaultValue={v("loanNumber")} />
        <div className={grid}>
          <SelectField
            name="scheme"
            label={t("scheme")}
            errors={err("scheme")}
            choose={t("choose")}
            defaultValue={v("scheme")}
            options={KUR_SCHEMES.map((s) => [s, enums(`scheme.${s}`)] as const)}
            onChange={setScheme}
          />
          <TextField name="plafon" label={t("plafon")} hint={t("plafonHint")} errors={err("plafon")} inputMode="numeric" defaultValue={v("plafon")} onChange={setPlafon} />
        </div>
        <div className={grid}>
          <SelectField
            name="purpose"
            label={e("purpose")}
            errors={err("purpose")}
            choose={t("choose")}
            defaultValue={v("purpose")}
            options={KUR_PURPOSES.map((pu) => [pu, enums(`purpose.${pu}`)] as const)}
            onChange={setPurpose}
          />
          <TextField
            name="tenorMonths"
            label={e("tenorMonths")}
            hint={tenorCap ? e("tenorHint", { cap: tenorCap }) : e("tenorHintNone")}
            errors={err("tenorMonths")}
            inputMode="numeric"
            maxLength={3}
            defaultValue={v("tenorMonths")}
          />
        </div>
        <div className={grid}>
          <TextField name="plannedDisbursementDate" label={e("plannedDisbursementDate")} errors={err("plannedDisbursementDate")} type="date" min={today} defaultValue={v("plannedDisbursementDate")} />
          <TextField name="npwp" label={e("npwp")} hint={e("npwpHint")} errors={err("npwp")} inputMode="numeric" maxLength={30} defaultValue={v("npwp")} />
        </div>
        <div className={grid}>
          <TextField name="priorMikroCount" label={e("priorMikroCount")} hint={e("priorMikroHint")} errors={err("priorMikroCount")} inputMode="numeric" maxLength={2} defaultValue={v("priorMikroCount")} onChange={setPriorMikro} />
          <TextField name="priorKecilCount" label={e("priorKecilCount")} hint={e("priorKecilHint")} errors={err("priorKecilCount")} inputMode="numeric" maxLength={2} defaultValue={v("priorKecilCount")} onChange={setPriorKecil} />
        </div>
        <TextField name="outstandingMikro" label={e("outstandingMikro")} hint={e("outstandingMikroHint")} errors={err("outstandingMikro")} inputMode="numeric" defaultValue={v("outstandingMikro")} />
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("coverage")}</legend>
        <TextField name="declaredIncome" label={t("income")} hint={t("incomeHint")} errors={err("declaredIncome")} inputMode="numeric" defaultValue={v("declaredIncome")} onChange={setIncome} />
        <CheckboxField name="jht" label={t("jht")} errors={err("jht")} defaultChecked={values.jht === "on"} onChange={setJht} />
        {employsWorkers && !jht && !err("jht") ? (
          <p role="status" className="rounded border-l-4 border-amber-600 bg-amber-50 p-2 text-sm text-amber-900" data-testid="jht-employer">{e("jhtEmployerNote")}</p>
        ) : null}
        <div className={grid}>
          <Field name="monthsInAdvance" label={e("monthsInAdvance")} errors={err("monthsInAdvance")}>
            {(p) => (
              <select {...p} name="monthsInAdvance" value={months} onChange={(ev) => setMonths(ev.target.value)} className={inputClass}>
                {Array.from({ length: MAX_MONTHS_IN_ADVANCE }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={String(n)}>{e("monthsOption", { count: n })}</option>
                ))}
              </select>
            )}
          </Field>
          <Field name="kantorCabangId" label={t("branch")} hint={t("branchHint")} errors={err("kantorCabangId")}>
            {(p) => (
              <select
                {...p}
                name="kantorCabangId"
                value={branchId}
                onChange={(ev) => {
                  setBranchId(ev.target.value);
                  setBranchTouched(true);
                }}
                className={inputClass}
              >
                <option value="">{t("choose")}</option>
                {options.kantorCabang.map((b) => (
                  <option key={b.id} value={b.id}>{b.name} ({b.kanwilName})</option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <CheckboxField name="autoDebitConsent" label={e("autoDebitConsent")} hint={e("autoDebitConsentHint")} errors={err("autoDebitConsent")} defaultChecked={values.autoDebitConsent === "on"} />
        <TextField name="heirName" label={e("heirName")} errors={err("heirName")} maxLength={100} defaultValue={v("heirName")} />
        <div className={grid}>
          <SelectField
            name="heirRelationship"
            label={e("heirRelationship")}
            errors={err("heirRelationship")}
            choose={t("choose")}
            defaultValue={v("heirRelationship")}
            options={HEIR_RELATIONSHIPS.map((r) => [r, enums(`heirRelationship.${r}`)] as const)}
          />
          <TextField name="heirPhone" label={e("heirPhone")} hint={t("phoneHint")} errors={err("heirPhone")} type="tel" inputMode="tel" defaultValue={v("heirPhone")} />
        </div>
      </fieldset>

      <DocumentsField className={fieldset} submissionKey={documents?.submissionKey ?? submissionKey} initial={documents?.initial ?? []} onChange={documents?.onChange} />

      <fieldset className={fieldset}>
        <legend className={legend}>{e("attestations")}</legend>
        {correction ? <p className="text-sm text-slate-700">{j("attest.kept")}</p> : null}
        {Object.keys(retick).length ? (
          <div role="status" className="rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950" data-testid="retick">
            <p className="font-semibold">{j("attest.retickTitle")}</p>
            <ul className="list-disc pl-5">
              {ATTESTATIONS.filter((a) => retick[a]).map((a) => (
                <li key={a}>{j("attest.retick", { attestation: e(a), fields: retick[a]!.join(", ") })}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <CheckboxField name="attestNikChecked" label={e("attestNikChecked")} errors={err("attestNikChecked")} defaultChecked={values.attestNikChecked === "on"} />
        <CheckboxField name="attestSlikChecked" label={e("attestSlikChecked")} errors={err("attestSlikChecked")} defaultChecked={values.attestSlikChecked === "on"} />
        <CheckboxField name="attestNoOtherKur" label={e("attestNoOtherKur")} errors={err("attestNoOtherKur")} defaultChecked={values.attestNoOtherKur === "on"} />
        {needsNpwp || err("attestNpwpPresent") ? (
          <CheckboxField name="attestNpwpPresent" label={e("attestNpwpPresent")} errors={err("attestNpwpPresent")} defaultChecked={values.attestNpwpPresent === "on"} />
        ) : null}
        <div className="rounded border border-slate-300 bg-slate-50 p-3">
          <h3 className="text-sm font-semibold">{e("consentLegend")}</h3>
          <p className="mt-1 text-sm" data-testid="consent-text">{e(`consentTexts.${consentTextKey(CONSENT_TEXT_VERSION)!}`)}</p>
          <p className="mt-1 text-xs text-slate-600">{e("consentVersion", { version: CONSENT_TEXT_VERSION })}</p>
          <div className="mt-2">
            <CheckboxField name="consent" label={e("consent")} errors={err("consent") ?? err("consentTextVersion")} defaultChecked={values.consent === "on"} />
          </div>
        </div>
      </fieldset>
      </div>

      <section aria-labelledby="preview-title" aria-live="polite" className="rounded border border-brand-600 bg-brand-50 p-4">
        <h2 id="preview-title" className="font-semibold">{t("preview")}</h2>
        {preview ? (
          <div className="mt-1 space-y-1 text-sm" data-testid="preview">
            <p>
              <span className="font-semibold">{enums(`mandate.${preview.decision.status}`)}</span>
              {" — "}
              {ruleMessage(tRules, preview.decision.explanation)}
            </p>
            {preview.quote ? (
              <>
                <p data-testid="preview-amount">
                  <span className="font-semibold"><PriceStepsText months={preview.quote.lines} /> {t("perMonth")}</span>
                  {" (JKK "}{formatRupiah(preview.quote.lines[0]!.gross.jkk)}{" + JKM "}{formatRupiah(preview.quote.lines[0]!.gross.jkm)}
                  {preview.quote.lines[0]!.gross.jht ? ` + JHT ${formatRupiah(preview.quote.lines[0]!.gross.jht)}` : ""}
                  {preview.quote.lines[0]!.discount ? ` − ${t("reliefShort")} ${formatRupiah(preview.quote.lines[0]!.discount)}` : ""}
                  {")"}
                </p>
                <p className="text-xs">{t("previewPlan")}</p>
                {preview.months > 1 ? (
                  <p data-testid="preview-total">
                    {e("totalAdvance", { count: preview.months })}: <span className="font-semibold">{formatRupiah(preview.quote.total)}</span>
                  </p>
                ) : null}
              </>
            ) : null}
            <p>{e("interest", { rate: String(preview.rate.ratePercent) })}</p>
          </div>
        ) : plafonIssue ? (
          <p className="mt-1 text-sm font-medium text-red-800" data-testid="preview-plafon">{ruleMessage(tRules, plafonIssue)}</p>
        ) : (
          <p className="mt-1 text-sm text-slate-600">—</p>
        )}
        <p className="mt-2 text-xs text-slate-600">{t("previewNote")}</p>
        <DuplicateWarning excludeEnrolmentId={correction?.enrolmentId} />
      </section>

      <div className="flex flex-col gap-3 sm:flex-row">
        {step === "check" ? (
          <>
            <IntentButton intent="submit" onIntent={setIntent} pending={pending} className={primaryButton}>
              {pending && !saving ? t("submitting") : correction ? e("resubmit") : t("submit")}
            </IntentButton>
            <button
              type="button"
              onClick={() => backToEdit("f-nik")}
              className={secondaryButton}
            >
              {j("check.back")}
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={goCheck}
            disabled={pending}
            className={primaryButton}
          >
            {j("check.review")}
          </button>
        )}
        {correction || step === "check" ? null : (
          <IntentButton intent="draft" onIntent={setIntent} pending={pending} className={secondaryButton}>
            {saving ? e("savingDraft") : e("saveDraft")}
          </IntentButton>
        )}
      </div>
      {step === "edit" ? (
        <DecisionBar
          status={preview ? enums(`mandate.${preview.decision.status}`) : null}
          amount={preview?.quote ? `${formatRupiah(preview.quote.lines[0]!.total)} ${t("perMonth")}` : null}
          problem={!preview && plafonIssue ? ruleMessage(tRules, plafonIssue) : null}
        />
      ) : null}
    </form>
  );
}
