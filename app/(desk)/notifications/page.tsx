import type { Metadata } from "next";
import { listNotifications } from "@/db/queries/notifications";
import { Forbidden } from "@/components/desk/forbidden";
import { requirePageUser } from "@/server/session";
import { serialize } from "../articles/[id]/serialize";
import { NotificationList } from "./notification-list";

export const metadata: Metadata = { title: "Notifications" };

/** The signed-in person's mentions, review decisions on their verdicts, and assignments. */
export default async function NotificationsPage() {
  const { user, allowed } = await requirePageUser("read:desk", "/notifications");
  if (!allowed) return <Forbidden what="The desk is for reviewers, editors and admins." />;
  const notifications = await listNotifications({ userId: user.id, limit: 100 });
  return (
    <main id="main" className="page-narrow">
      <NotificationList notifications={serialize(notifications)} />
    </main>
  );
}
