"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { undoImportBatchAction } from "@/app/(desk)/prior-fact-checks/actions";

/** Removes what one import brought in, after a confirmation naming it. */
export function UndoImportButton({ batchId, label, what }: { batchId: string; label: string; what: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const undo = async () => {
    if (!window.confirm(`Remove the ${what} imported from ${label}?`)) return;
    setBusy(true);
    try {
      const result = await undoImportBatchAction({ batchId });
      setMessage(result.ok ? `Removed ${result.data.removed}.` : result.error);
      if (result.ok) router.refresh();
    } catch {
      setMessage("Factdesk could not be reached. Nothing was removed; try again.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button ghost small" disabled={busy} onClick={() => void undo()} aria-label={`Undo the import from ${label}`}>
        Undo import
      </button>
      {message && (
        <span role="status" className="small">
          {" "}
          {message}
        </span>
      )}
    </>
  );
}
