"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useState } from "react";
import type { Serialized } from "@/components/annotation/types";
import { FormError } from "@/components/ui/form-error";
import { formatDateTime } from "@/components/ui/format";
import type { NotificationItem } from "@/db/queries/notifications";
import { unwrap } from "@/lib/action-result";
import { markNotificationsReadAction } from "./actions";
import styles from "./notifications.module.css";

const KIND: Record<NotificationItem["kind"], string> = { mention: "Mention", review: "Review", assignment: "Assignment" };

export function NotificationList({ notifications }: { notifications: Serialized<NotificationItem>[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const mark = useMutation({
    mutationFn: (ids?: string[]) => unwrap(markNotificationsReadAction({ ids })),
    onSuccess: () => {
      setError(null);
      startTransition(() => router.refresh());
    },
    onError: (e: Error) => setError(e.message),
  });
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Notifications</h1>
          <p className="muted" style={{ margin: 0 }}>
            {unread === 0 ? "You are all caught up." : `${unread} unread.`}
          </p>
        </div>
        {unread > 0 && (
          <button type="button" className="button secondary" onClick={() => mark.mutate(undefined)} disabled={mark.isPending}>
            Mark all as read
          </button>
        )}
      </div>
      <FormError message={error} />
      {notifications.length === 0 ? (
        <div className="card empty">No notifications yet. You will hear here when someone mentions you, reviews your verdict or assigns you work.</div>
      ) : (
        <ol className={styles.list}>
          {notifications.map((n) => (
            <li key={n.id} className={n.readAt ? styles.read : styles.unread}>
              <p className={styles.meta}>
                <span className="badge status">{KIND[n.kind]}</span>
                {!n.readAt && <strong className={styles.new}>New</strong>}
                <span className="small muted">{formatDateTime(n.createdAt)}</span>
              </p>
              <p className={styles.message}>{n.message}</p>
              <div className="row">
                {n.articleId && (
                  <Link className="small" href={`/articles/${n.articleId}${n.claimId ? `#claim-${n.claimId}` : ""}`} onClick={() => !n.readAt && mark.mutate([n.id])}>
                    Open
                  </Link>
                )}
                {!n.readAt && (
                  <button type="button" className="button ghost small" onClick={() => mark.mutate([n.id])} disabled={mark.isPending}>
                    Mark as read
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
