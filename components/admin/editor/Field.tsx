"use client";

import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

/** A labelled control with its error message underneath, tied to it for screen readers. */
export function Field({
  label,
  error,
  errorId,
  children,
}: {
  label: string;
  error?: string;
  /** The id the control names in aria-describedby. */
  errorId: string;
  children: ReactNode;
}) {
  return (
    <label className={error ? "field field--error" : "field"}>
      <span>{label}</span>
      {children}
      {error && (
        <em className="field-error" id={errorId}>
          {error}
        </em>
      )}
    </label>
  );
}

const described = (name: string, error?: string) => ({
  "aria-invalid": Boolean(error),
  "aria-describedby": error ? `${name}-error` : undefined,
});

type TextProps<E> = {
  name: string;
  label: string;
  value: string;
  error?: string;
  onValue: (v: string) => void;
} & Omit<E, "onChange" | "value" | "name">;

export function TextField({
  name,
  label,
  value,
  error,
  onValue,
  ...rest
}: TextProps<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <Field label={label} error={error} errorId={`${name}-error`}>
      <input
        name={name}
        value={value}
        {...described(name, error)}
        onChange={(e) => onValue(e.target.value)}
        {...rest}
      />
    </Field>
  );
}

export function TextAreaField({
  name,
  label,
  value,
  error,
  onValue,
  ...rest
}: TextProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return (
    <Field label={label} error={error} errorId={`${name}-error`}>
      <textarea
        name={name}
        value={value}
        {...described(name, error)}
        onChange={(e) => onValue(e.target.value)}
        {...rest}
      />
    </Field>
  );
}

/** A choice that may be left empty (category, edition, lead image). */
export function OptionalSelect({
  name,
  label,
  value,
  choices,
  error,
  onValue,
}: {
  name: string;
  label: string;
  value: string;
  choices: { id: string; label: string }[];
  error?: string;
  onValue: (v: string) => void;
}) {
  return (
    <Field label={label} error={error} errorId={`${name}-error`}>
      <select name={name} value={value} {...described(name, error)} onChange={(e) => onValue(e.target.value)}>
        <option value="">（无）</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A checkbox with its label after it, and its error message underneath. */
export function CheckField({
  name,
  label,
  checked,
  error,
  onChecked,
}: {
  name: string;
  label: string;
  checked: boolean;
  error?: string;
  onChecked: (v: boolean) => void;
}) {
  return (
    <div className={error ? "check-field field--error" : "check-field"}>
      <label className="check">
        <input
          type="checkbox"
          name={name}
          checked={checked}
          {...described(name, error)}
          onChange={(e) => onChecked(e.target.checked)}
        />
        {label}
      </label>
      {error && (
        <em className="field-error" id={`${name}-error`}>
          {error}
        </em>
      )}
    </div>
  );
}
