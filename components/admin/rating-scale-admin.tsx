"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import {
  createRatingAction,
  deleteRatingAction,
  moveRatingAction,
  setRatingHiddenAction,
  updateRatingAction,
} from "@/app/(desk)/admin/rating-scale/actions";
import { RatingBadge } from "@/components/ui/badges";
import { UndoToast } from "@/components/ui/undo-toast";
import { useUndoWindow } from "@/components/ui/undo-window";
import type { RatingWithUse } from "@/db/queries/ratings";
import type { ActionResult } from "@/lib/action-result";
import { RatingForm } from "./rating-form";
import styles from "./rating-scale.module.css";

type Notice = { kind: "success" | "error"; message: string } | null;
const OFFLINE = "Could not reach the server, so nothing was saved. Try again.";

/** The rating scale: labels in order, each editable, movable, hideable, and deletable while unused. */
export function RatingScaleAdmin({ ratings }: { ratings: RatingWithUse[] }) {
  const router = useRouter();
  const [notice, setNotice] = useState<Notice>(null);
  const [editing, setEditing] = useState<string | null>(null);
  // A deletion waits in an undo window (undo-window.ts): the label leaves the list at once and nothing is sent
  // until the window ends, so Undo simply puts it back.
  const undoWindow = useUndoWindow();
  const [deleting, setDeleting] = useState<string | null>(null);

  async function run<T>(call: () => Promise<ActionResult<T>>, success: string): Promise<string | null> {
    let result: ActionResult<T>;
    try {
      result = await call();
    } catch {
      setNotice({ kind: "error", message: OFFLINE });
      return OFFLINE;
    }
    if (!result.ok) {
      setNotice({ kind: "error", message: result.error });
      return result.error;
    }
    setNotice({ kind: "success", message: success });
    router.refresh();
    return null;
  }

  function remove(r: RatingWithUse) {
    setNotice(null);
    setDeleting(r.id);
    undoWindow.start({
      text: `Deleting “${r.label}”`,
      undo: () => setDeleting(null),
      commit: async () => {
        const failure = await run(() => deleteRatingAction({ id: r.id, version: r.version }), `Deleted “${r.label}”.`);
        setDeleting(null);
        setNotice(null);
        return failure ? { ok: false, text: `“${r.label}” was not deleted. ${failure}` } : { ok: true, text: `Deleted “${r.label}”.` };
      },
    });
  }

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Rating scale</h1>
          <p className="muted" style={{ margin: 0 }}>
            The labels reviewers choose from, in the order they are offered. A higher value means more true; ClaimReview uses it with best 5 and worst 1.
          </p>
        </div>
      </div>
      {notice && (
        <div className={`alert ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
          <span data-testid={notice.kind === "error" ? "form-error" : "toast"}>{notice.message}</span>
        </div>
      )}
      <ol className={styles.list}>
        {ratings.filter((r) => r.id !== deleting).map((r, index, shown) => (
          <li key={r.id} className={`${styles.item} ${r.hidden ? styles.hidden : ""}`} aria-labelledby={`rating-${r.id}`}>
            <div className={styles.itemHead}>
              <h2 id={`rating-${r.id}`}>
                <RatingBadge label={r.label} colour={r.colour} />
              </h2>
              <span className="small muted">
                Value {r.value} · {r.colour} · used by {r.verdictCount} verdict revision{r.verdictCount === 1 ? "" : "s"}
                {r.hidden && " · hidden from pickers"}
              </span>
              <div className={styles.actions}>
                <button type="button" className="button ghost small" aria-label={`Move ${r.label} up`} disabled={index === 0} onClick={() => run(() => moveRatingAction({ id: r.id, version: r.version, direction: "up" }), `Moved “${r.label}” up.`)}>
                  ↑ Up
                </button>
                <button type="button" className="button ghost small" aria-label={`Move ${r.label} down`} disabled={index === shown.length - 1} onClick={() => run(() => moveRatingAction({ id: r.id, version: r.version, direction: "down" }), `Moved “${r.label}” down.`)}>
                  ↓ Down
                </button>
                <button type="button" className="button ghost small" aria-label={`Edit ${r.label}`} aria-expanded={editing === r.id} onClick={() => setEditing(editing === r.id ? null : r.id)}>
                  Edit
                </button>
                <button type="button" className="button ghost small" aria-label={`${r.hidden ? "Show" : "Hide"} ${r.label}`} onClick={() => run(() => setRatingHiddenAction({ id: r.id, version: r.version, hidden: !r.hidden }), r.hidden ? `“${r.label}” is offered again.` : `“${r.label}” is hidden from pickers.`)}>
                  {r.hidden ? "Show" : "Hide"}
                </button>
                <button type="button" className="button ghost small" aria-label={`Delete ${r.label}`} onClick={() => remove(r)}>
                  Delete
                </button>
              </div>
            </div>
            <p className="small" style={{ margin: "0.4rem 0 0" }}>
              {r.description}
            </p>
            {editing === r.id && (
              <div style={{ marginTop: "0.75rem" }}>
                <RatingForm
                  initial={{ label: r.label, value: r.value, colour: r.colour, description: r.description }}
                  submitLabel="Save label"
                  onCancel={() => setEditing(null)}
                  onSubmit={async (v) => {
                    const failure = await run(() => updateRatingAction({ id: r.id, version: r.version, ...v }), `Saved “${v.label}”.`);
                    if (!failure) setEditing(null);
                    return failure;
                  }}
                />
              </div>
            )}
          </li>
        ))}
      </ol>
      <section className="card" aria-labelledby="add-rating">
        <h2 id="add-rating">Add a label</h2>
        <RatingForm
          key={ratings.length}
          initial={{ label: "", value: 3, colour: "#4a5568", description: "" }}
          submitLabel="Add label"
          onSubmit={(v) => run(() => createRatingAction(v), `Added “${v.label}” at the end of the scale.`)}
        />
      </section>
      <UndoToast state={undoWindow.state} onUndo={undoWindow.undo} onSendNow={() => void undoWindow.sendNow()} onDismiss={undoWindow.dismiss} />
    </>
  );
}
