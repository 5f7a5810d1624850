"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { startTransition, useId, useState } from "react";
import { assignAction } from "@/app/(desk)/articles/[id]/collaboration-actions";
import { FormError } from "@/components/ui/form-error";
import { unwrap } from "@/lib/action-result";
import { can } from "@/lib/permissions";
import { useDeskPeople } from "./queries";
import styles from "./desk.module.css";

type Props = {
  kind: "article" | "claim";
  id: string;
  assigneeId: string | null;
  /** Called after a successful change (e.g. to refetch the workspace). */
  onChanged?: () => void;
};

/**
 * Who works on this article or claim. Editors pick anyone; reviewers can
 * only take it themselves or give it back (the server enforces the same).
 */
export function AssigneePicker({ kind, id, assigneeId, onChanged }: Props) {
  const fieldId = useId();
  const router = useRouter();
  const { data } = useDeskPeople();
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(assigneeId);
  const [seen, setSeen] = useState(assigneeId);
  // A refetch brought a new assignment: show it (and guard the next change with it).
  if (assigneeId !== seen) {
    setSeen(assigneeId);
    setShown(assigneeId);
  }
  const mutation = useMutation({
    mutationFn: (next: string | null) => unwrap(assignAction({ kind, id, expectedAssigneeId: seen, assigneeId: next })),
    onSuccess: (result) => {
      setSeen(result.assigneeId);
      setError(null);
      onChanged?.();
      startTransition(() => router.refresh());
    },
    onError: (e: Error) => {
      setShown(seen);
      setError(e.message);
    },
  });
  if (!data) return null;
  const { me, people } = data;
  const mayAssignOthers = can(me.role, "assign:others");
  const options = mayAssignOthers ? people : people.filter((p) => p.id === me.id || p.id === shown);
  const lockedByOther = !mayAssignOthers && shown !== null && shown !== me.id;
  return (
    <div className={styles.assignee}>
      <label htmlFor={fieldId} className={styles.inlineLabel}>
        Assigned to
      </label>
      <select
        id={fieldId}
        value={shown ?? ""}
        disabled={mutation.isPending || lockedByOther}
        onChange={(e) => {
          const next = e.target.value || null;
          setShown(next);
          mutation.mutate(next);
        }}
      >
        <option value="">Nobody</option>
        {options.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id === me.id ? `${p.name} (me)` : p.name}
          </option>
        ))}
      </select>
      <FormError message={error} />
    </div>
  );
}
