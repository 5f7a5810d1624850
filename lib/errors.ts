/**
 * One error type for everything a user may be told. The code says what went
 * wrong to which kind of thing (`forbidden:claim`, `conflict:verdict`); the
 * message is safe to show; the cause is only logged.
 */
export type ErrorKind = "unauthorized" | "forbidden" | "not_found" | "invalid" | "conflict" | "rate_limited";

const STATUS: Record<ErrorKind, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  rate_limited: 429,
};

export class AppError extends Error {
  readonly code: `${ErrorKind}:${string}`;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(code: `${ErrorKind}:${string}`, message: string, options?: { cause?: unknown; fieldErrors?: Record<string, string[]> }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
  }

  get kind(): ErrorKind {
    return this.code.split(":")[0] as ErrorKind;
  }

  get status(): number {
    return STATUS[this.kind];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The standard refusal for a stale `version` (optimistic concurrency). */
export function staleVersion(entity: string): AppError {
  return new AppError(
    `conflict:${entity}`,
    `This ${entity} was changed by someone else since you opened it. Reload to see their changes, then try again.`,
  );
}
