"use client";
import { useState } from "react";
import { setupAction } from "@/app/(auth)/actions";
import { FieldError, FormError } from "@/components/ui/form-error";
import styles from "./auth.module.css";
import { useAuthAction } from "./use-auth-action";

type FieldName = "name" | "email" | "password" | "confirm";

/** First-run set-up: creates the first admin, signs them in and opens user administration. */
export function SetupForm() {
  const { submit, onSubmit, pending, fieldErrors, message } = useAuthAction(setupAction, "Please correct the fields marked below.");
  const [values, setValues] = useState<Record<FieldName, string>>({ name: "", email: "", password: "", confirm: "" });

  function field(name: FieldName, label: string, props: { type: string; autoComplete: string; hint?: string; autoFocus?: boolean }) {
    const id = `setup-${name}`;
    const errors = fieldErrors[name];
    const describedBy = [props.hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {props.hint && (
          <p className="hint small" id={`${id}-hint`} style={{ margin: "0 0 0.3rem" }}>
            {props.hint}
          </p>
        )}
        <input
          id={id}
          name={name}
          type={props.type}
          autoComplete={props.autoComplete}
          autoFocus={props.autoFocus}
          required
          minLength={name === "password" ? 12 : undefined}
          value={values[name]}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
          aria-invalid={errors ? true : undefined}
          aria-describedby={describedBy}
        />
        <FieldError id={`${id}-error`} errors={errors} />
      </div>
    );
  }

  return (
    <form action={submit} onSubmit={onSubmit} className={styles.form}>
      <FormError message={pending ? null : message} />
      {field("name", "Your name", { type: "text", autoComplete: "name", autoFocus: true })}
      {field("email", "Email", { type: "email", autoComplete: "email" })}
      {field("password", "Password", { type: "password", autoComplete: "new-password", hint: "At least 12 characters. A short sentence works well." })}
      {field("confirm", "Confirm password", { type: "password", autoComplete: "new-password" })}
      <button type="submit" className={`button ${styles.submit}`} disabled={pending} aria-busy={pending || undefined}>
        {pending ? "Creating account…" : "Create admin account"}
      </button>
    </form>
  );
}
