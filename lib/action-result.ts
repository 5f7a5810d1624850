/**
 * What a server action answers (server/action.ts builds it), and the one way
 * browser code turns that answer into data: `unwrap`, which throws an
 * ActionFailure for a refusal, so TanStack Query and mutations report it as
 * their error with the server's message, code and per-field errors.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: string; fieldErrors?: Record<string, string[]> };

type Refusal = Extract<ActionResult<unknown>, { ok: false }>;

/** A refused (or unanswered) server action, carrying what a form needs to show. */
export class ActionFailure extends Error {
  readonly code: string;
  readonly fieldErrors?: Record<string, string[]>;
  constructor(result: Refusal) {
    super(result.error);
    this.name = "ActionFailure";
    this.code = result.code;
    this.fieldErrors = result.fieldErrors;
  }
}

const UNREACHABLE = "Factdesk could not be reached. Check your connection and try again.";

/**
 * The action's data, or an ActionFailure: the server's refusal, or code
 * "network" with `unreachable` as the message when the action never answered
 * (network down, server restarting). A create may have been saved all the
 * same; its retry sends the same idempotency key (lib/submission-key.ts), so
 * trying again cannot save it twice.
 */
export async function unwrap<T>(pending: Promise<ActionResult<T>>, unreachable = UNREACHABLE): Promise<T> {
  let result: ActionResult<T>;
  try {
    result = await pending;
  } catch {
    throw new ActionFailure({ ok: false, error: unreachable, code: "network" });
  }
  if (!result.ok) throw new ActionFailure(result);
  return result.data;
}
