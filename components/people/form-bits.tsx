"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/field";
import type { FormState } from "@/lib/action/result";
import { PLACE_KIND_OF_ROLE, SECOND_FACTOR_ROLES } from "@/lib/admin/people/schema";
import type { Role } from "@/lib/auth/roles";

/** The places a role can be given (built by the page from lib/admin/people/data placeOptions). */
export type PlaceChoices = Record<"office" | "kc" | "kanwil", { value: string; label: string }[]>;

export const buttonClass = "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
export const secondaryButtonClass = "rounded border border-slate-400 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60";

/** After an answer with errors, focus goes to the first field in error, else to the message. */
export function useFocusFirstError(state: FormState<unknown>, messageId: string): RefObject<HTMLFormElement | null> {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!state.message) return;
    const first = formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]");
    (first ?? document.getElementById(messageId))?.focus();
  }, [state, messageId]);
  return formRef;
}

/** The form's one message: an alert for a failure. */
export function FormMessage({ id, state }: { id: string; state: FormState<unknown> }) {
  if (!state.message) return null;
  return (
    <p id={id} tabIndex={-1} role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
      {state.message}
    </p>
  );
}

/**
 * Role and place together: the place list shows only the kind of place the chosen role works in
 * (the server checks the pair again). `roles` is what may be chosen.
 */
export function AccessFields({
  roles,
  places,
  values,
  errors,
  onRole,
}: {
  roles: readonly Role[];
  places: PlaceChoices;
  values: { role?: string; place?: string };
  errors?: FormState["errors"];
  onRole?: (role: Role | "") => void;
}) {
  const t = useTranslations("people.form");
  const tRole = useTranslations("enums.role");
  const [role, setRole] = useState<Role | "">((values.role as Role | undefined) ?? "");
  const kind = role ? PLACE_KIND_OF_ROLE[role] : null;
  const group = kind === "office" ? t("groupOffice") : kind === "kc" ? t("groupKc") : t("groupKanwil");
  return (
    <>
      <Field name="role" label={t("role")} errors={errors?.role}>
        {(p) => (
          <select
            {...p}
            name="role"
            defaultValue={values.role ?? ""}
            onChange={(e) => {
              setRole(e.target.value as Role | "");
              onRole?.(e.target.value as Role | "");
            }}
            className={inputClass}
          >
            <option value="">{t("chooseRole")}</option>
            {roles.map((r) => (
              <option key={r} value={r}>{tRole(r)}</option>
            ))}
          </select>
        )}
      </Field>
      <Field name="place" label={t("place")} hint={t("placeHint")} errors={errors?.place}>
        {(p) => (
          <select {...p} key={kind ?? "none"} name="place" defaultValue={values.place ?? ""} disabled={!!role && !kind} className={inputClass}>
            {kind ? (
              <>
                <option value="">{t("choosePlace")}</option>
                <optgroup label={group}>
                  {places[kind].map((o) => (
                    <option key={o.value} value={o.value}>{o.label}</option>
                  ))}
                </optgroup>
              </>
            ) : (
              <option value="">{role ? t("noPlace") : t("choosePlace")}</option>
            )}
          </select>
        )}
      </Field>
    </>
  );
}

export const mayHaveSecondFactor = (role: string | undefined) => SECOND_FACTOR_ROLES.includes(role as Role);
