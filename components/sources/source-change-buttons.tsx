"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { checkLinksNowAction, resolveSourceChangeAction } from "@/app/(desk)/sources-changed/actions";
import { FormError } from "@/components/ui/form-error";
import { unwrap } from "@/lib/action-result";

/** Runs one server action at a time: pending while it runs, its error kept to show, the page reloaded once it succeeds. */
function useDeskAction() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (act: () => Promise<void>) =>
    start(async () => {
      try {
        await act();
        setError(null);
        router.refresh();
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    });
  return { pending, error, run };
}

/** "Mark as seen" on one finding; the list reloads without it. */
export function ResolveSourceChange({ id, label }: { id: string; label: string }) {
  const { pending, error, run } = useDeskAction();
  return (
    <>
      <button
        type="button"
        className="button secondary small"
        disabled={pending}
        aria-label={`Mark as seen: ${label}`}
        onClick={() => run(async () => void (await unwrap(resolveSourceChangeAction({ id }))))}
      >
        {pending ? "Saving…" : "Mark as seen"}
      </button>
      <FormError message={error} />
    </>
  );
}

/** Operators: queue the link checks that are due now. */
export function CheckLinksNow() {
  const { pending, error, run } = useDeskAction();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="row">
      <button
        type="button"
        className="button secondary small"
        disabled={pending}
        onClick={() =>
          run(async () => {
            const { queued } = await unwrap(checkLinksNowAction({}));
            setMessage(queued ? `${queued} address${queued === 1 ? "" : "es"} queued for a check.` : "Every cited address is already queued for a check.");
          })
        }
      >
        {pending ? "Queueing…" : "Check links now"}
      </button>
      <span role="status" className="small muted">
        {message}
      </span>
      <FormError message={error} />
    </div>
  );
}
