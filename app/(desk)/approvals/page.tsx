import type { Metadata } from "next";
import { ApprovalQueue } from "@/components/approvals/approval-queue";
import { Forbidden } from "@/components/desk/forbidden";
import { listApprovalCards } from "@/db/queries/approval-cards";
import { listRatings } from "@/db/queries/ratings";
import { requirePageUser } from "@/server/session";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const { user, allowed } = await requirePageUser("review:verdict", "/approvals");
  if (!allowed) return <Forbidden what="Only editors and admins approve verdicts. Your proposals appear here for them." />;
  const [cards, ratings] = await Promise.all([listApprovalCards(), listRatings()]);
  return (
    <main id="main" className="page" style={{ maxWidth: 960 }}>
      <ApprovalQueue cards={cards} viewerId={user.id} ratings={ratings.map(({ id, label, hidden }) => ({ id, label, hidden }))} />
    </main>
  );
}
