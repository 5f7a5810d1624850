/** A form-level error, announced to screen readers as it appears. */
export function FormError({ message, testId = "form-error" }: { message?: string | null; testId?: string }) {
  if (!message) return null;
  return (
    <div className="alert error" role="alert" data-testid={testId}>
      {message}
    </div>
  );
}

export function FieldError({ errors, id }: { errors?: string[]; id: string }) {
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={id}>
      {errors.join(" ")}
    </p>
  );
}
