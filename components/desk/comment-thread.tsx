"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { startTransition, useId, useState, type FormEvent } from "react";
import { addCommentAction, listCommentsAction } from "@/app/(desk)/articles/[id]/collaboration-actions";
import { FormError } from "@/components/ui/form-error";
import { formatDateTime } from "@/components/ui/format";
import { unwrap } from "@/lib/action-result";
import { submitOnce } from "@/lib/submission-key";
import { deskKeys, useDeskPeople } from "./queries";
import styles from "./desk.module.css";

const MAX = 5000;

/**
 * A discussion thread on an article or a claim. "@Name" or "@email" mentions
 * notify that person; the server decides who was mentioned.
 */
export function CommentThread({ articleId, claimId, canWrite, label }: { articleId: string; claimId: string | null; canWrite: boolean; label: string }) {
  const id = useId();
  const router = useRouter();
  const queryClient = useQueryClient();
  const key = deskKeys.comments(articleId, claimId);
  const { data: comments, error } = useQuery({ queryKey: key, queryFn: () => unwrap(listCommentsAction({ articleId, claimId })) });
  const { data: people } = useDeskPeople();
  const [body, setBody] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const add = useMutation({
    // Posting the same text again after a failure reuses the first attempt's key: the comment is not posted twice.
    mutationFn: (text: string) => unwrap(submitOnce("comment", { articleId, claimId, body: text }, addCommentAction)),
    onSuccess: () => {
      setBody("");
      setFormError(null);
      startTransition(() => router.refresh());
    },
    onError: (e: Error) => setFormError(e.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return setFormError("Write something first.");
    add.mutate(body);
  };

  // Suggest completions for the "@word" being typed at the end of the text.
  const partial = /(?:^|\s)@([^\s@]{1,40})$/.exec(body)?.[1]?.toLowerCase();
  const suggestions = partial && people ? people.people.filter((p) => p.name.toLowerCase().startsWith(partial) || p.email.startsWith(partial)).slice(0, 5) : [];

  return (
    <section className={styles.thread} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className={styles.threadHeading}>
        {label} <span className="muted small">({comments?.length ?? 0})</span>
      </h3>
      {error && <p className="small muted">Could not load comments: {error.message}</p>}
      {comments && comments.length > 0 && (
        <ol className={styles.comments}>
          {comments.map((c) => (
            <li key={c.id} className={styles.comment}>
              <p className={styles.commentMeta}>
                <strong>{c.authorName}</strong> <span className="muted">· {formatDateTime(c.createdAt)}</span>
              </p>
              <p className={styles.commentBody}>{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <form onSubmit={submit} noValidate className={styles.commentForm}>
          <label htmlFor={`${id}-body`} className="visually-hidden">
            {`Comment on ${label.toLowerCase().replace(/^comments on /, "")}`}
          </label>
          <textarea
            id={`${id}-body`}
            rows={2}
            maxLength={MAX}
            placeholder="Write a comment. Mention someone with @Name."
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-describedby={suggestions.length ? `${id}-suggest` : undefined}
          />
          {suggestions.length > 0 && (
            <div id={`${id}-suggest`} className={styles.suggestions} role="group" aria-label="Mention suggestions">
              {suggestions.map((p) => (
                <button key={p.id} type="button" className="button ghost small" onClick={() => setBody(body.replace(/@([^\s@]{1,40})$/, `@${p.name} `))}>
                  @{p.name}
                </button>
              ))}
            </div>
          )}
          <FormError message={formError} />
          <button type="submit" className="button secondary small" disabled={add.isPending}>
            {add.isPending ? "Posting…" : "Post comment"}
          </button>
        </form>
      )}
    </section>
  );
}
