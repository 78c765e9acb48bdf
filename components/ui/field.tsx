import type { ReactNode } from "react";

/**
 * A labelled form control with its hint and its error, wired for screen readers: the error is
 * announced with the field (aria-describedby) and the control is marked aria-invalid.
 */
export function Field({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
      {hint ? <p id={`${id}-hint`} className="text-xs text-slate-600">{hint}</p> : null}
      {children({ id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy || undefined })}
      <FieldError id={id} errors={errors} />
    </div>
  );
}

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={`${id}-error`} className="text-sm font-medium text-red-700">
      {errors.join(" ")}
    </p>
  ) : null;
}

export const inputClass =
  "block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50";

/**
 * A checkbox with its label beside it, its error announced with it (aria-describedby) and marked
 * aria-invalid; `id` is `f-<name>` like Field's, so "focus the first error" works the same way.
 */
export function CheckboxField({
  name,
  label,
  errors,
  defaultChecked,
  onChange,
  hint,
}: {
  name: string;
  label: string;
  errors?: string[];
  defaultChecked?: boolean;
  onChange?: (checked: boolean) => void;
  /** A plain explanation under the label, read with the box (aria-describedby). */
  hint?: string;
}) {
  const id = `f-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <div className="flex items-start gap-2">
        <input
          id={id}
          name={name}
          type="checkbox"
          defaultChecked={defaultChecked}
          onChange={onChange ? (e) => onChange(e.target.checked) : undefined}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy || undefined}
          className="mt-1 h-5 w-5 shrink-0"
        />
        <label htmlFor={id} className="text-sm">{label}</label>
      </div>
      {hint ? <p id={`${id}-hint`} className="pl-7 text-xs text-slate-600">{hint}</p> : null}
      <FieldError id={id} errors={errors} />
    </div>
  );
}
