import Link from "next/link";
import type { ReactNode } from "react";
import { countApprovalQueue } from "@/db/queries/approval-cards";
import { countUnreadNotifications } from "@/db/queries/notifications";
import { can } from "@/lib/permissions";
import { getCurrentUser } from "@/server/session";
import { signOutAction } from "@/app/(auth)/actions";

/** The desk: every page under here needs a session; each page still checks its own permission. */
export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const awaiting = user && can(user.role, "review:verdict") ? await countApprovalQueue({ excludingAuthorId: user.id }) : 0;
  const unread = user && can(user.role, "read:desk") ? await countUnreadNotifications({ userId: user.id }) : 0;
  return (
    <>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href="/articles" className="brand">
            Fact<span>desk</span>
          </Link>
          {user ? (
            <nav className="nav" aria-label="Desk">
              <Link href="/queues">Queues</Link>
              <Link href="/articles">Articles</Link>
              <Link href="/articles/new">Import</Link>
              {can(user.role, "review:verdict") && (
                <Link href="/approvals">
                  Approvals{awaiting > 0 && <span className="count" aria-label={`${awaiting} awaiting you`}>{awaiting}</span>}
                </Link>
              )}
              {can(user.role, "review:verdict") && <Link href="/prior-fact-checks">Prior checks</Link>}
              <Link href="/sources-changed">Sources</Link>
              {can(user.role, "read:audit-log") && <Link href="/audit">Audit log</Link>}
              {can(user.role, "manage:organisation") && <Link href="/admin/users">Users</Link>}
              {can(user.role, "manage:organisation") && <Link href="/admin/rating-scale">Rating scale</Link>}
              {can(user.role, "manage:organisation") && <Link href="/admin/settings">Settings</Link>}
              {can(user.role, "manage:organisation") && <Link href="/admin/pages">Pages</Link>}
              <Link href="/fact-checks">Public site</Link>
              <Link href="/notifications" data-testid="notifications-link">
                Notifications{unread > 0 && <span className="count" aria-label={`${unread} unread`}>{unread}</span>}
              </Link>
            </nav>
          ) : (
            <div className="nav" />
          )}
          {user && (
            <div className="user-menu">
              <span>
                {user.name} <span className="muted">· {user.role}</span>
              </span>
              <form action={signOutAction}>
                <button type="submit" className="button ghost small">
                  Sign out
                </button>
              </form>
            </div>
          )}
        </div>
      </header>
      {children}
    </>
  );
}
