"use client";

import { useState } from "react";
import { callApi } from "./api-client";

export interface FormField {
  name: string;
  label: string;
  type?: "text" | "number" | "date" | "checkbox" | "select";
  value?: string | number | boolean | null;
  options?: Array<{ value: string; label: string }>;
  hint?: string;
  disabled?: boolean;
}

/**
 * A small admin form that sends its fields as JSON and shows the server's Chinese messages next to
 * the fields they concern, keeping what was typed. Checkboxes send booleans; every other value is
 * sent as typed and validated on the server.
 */
export function ApiForm({
  id,
  url,
  method,
  fields,
  submitLabel,
  onDone = () => window.location.reload(),
}: {
  id: string;
  url: string;
  method: "POST" | "PATCH";
  fields: FormField[];
  submitLabel: string;
  onDone?: () => void;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const body: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.disabled) continue;
      const input = form.elements.namedItem(f.name) as HTMLInputElement | HTMLSelectElement | null;
      if (!input) continue;
      body[f.name] = f.type === "checkbox" ? (input as HTMLInputElement).checked : input.value;
    }
    setBusy(true);
    const result = await callApi(url, method, body);
    setBusy(false);
    if (result.ok) return onDone();
    setErrors(result.error.fields);
    setMessage(result.error.message);
  }

  return (
    <form
      className="api-form"
      onSubmit={submit}
      noValidate
      aria-describedby={message ? `${id}-message` : undefined}
    >
      {message && (
        <p className="form-error" role="alert" id={`${id}-message`}>
          {message}
        </p>
      )}
      <div className="api-form__fields">
        {fields.map((f) => {
          const fieldId = `${id}-${f.name}`;
          const error = errors[f.name];
          const described = [error && `${fieldId}-error`, f.hint && `${fieldId}-hint`]
            .filter(Boolean)
            .join(" ");
          if (f.type === "checkbox")
            return (
              <label key={f.name} className="check" htmlFor={fieldId}>
                <input id={fieldId} name={f.name} type="checkbox" defaultChecked={Boolean(f.value)} />
                {f.label}
                {error && (
                  <em className="field-error" id={`${fieldId}-error`}>
                    {error}
                  </em>
                )}
              </label>
            );
          return (
            <div key={f.name} className={error ? "field field--error" : "field"}>
              <label htmlFor={fieldId}>
                <span>{f.label}</span>
              </label>
              {f.type === "select" ? (
                <select
                  id={fieldId}
                  name={f.name}
                  defaultValue={String(f.value ?? "")}
                  aria-invalid={Boolean(error)}
                  aria-describedby={described || undefined}
                >
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={fieldId}
                  name={f.name}
                  type={f.type ?? "text"}
                  defaultValue={f.value == null ? "" : String(f.value)}
                  disabled={f.disabled}
                  aria-invalid={Boolean(error)}
                  aria-describedby={described || undefined}
                  inputMode={f.type === "number" ? "numeric" : undefined}
                />
              )}
              {f.hint && (
                <small className="muted" id={`${fieldId}-hint`}>
                  {f.hint}
                </small>
              )}
              {error && (
                <em className="field-error" id={`${fieldId}-error`}>
                  {error}
                </em>
              )}
            </div>
          );
        })}
      </div>
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
