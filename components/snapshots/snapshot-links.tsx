import Link from "next/link";
import type { AnchorStatus } from "@/lib/workflow";

/**
 * Workspace links for snapshots: import a new version, compare with the
 * previous snapshot, and a prompt when re-anchoring left claims to review.
 */
export function SnapshotLinks({ articleId, snapshotNumber, claims }: { articleId: string; snapshotNumber: number; claims: { anchorStatus: AnchorStatus }[] }) {
  const waiting = claims.filter((c) => c.anchorStatus === "needs_review" || c.anchorStatus === "orphaned").length;
  return (
    <>
      <p className="small row">
        <Link href={`/articles/${articleId}/versions/new`}>New version (refresh from source or upload)</Link>
        {snapshotNumber > 1 && <Link href={`/articles/${articleId}/versions/${snapshotNumber}`}>Compare with snapshot {snapshotNumber - 1}</Link>}
      </p>
      {waiting > 0 && snapshotNumber > 1 && (
        <p className="alert warn" data-testid="anchor-review-prompt">
          {waiting} claim{waiting === 1 ? "" : "s"} could not be placed with confidence in the new text.{" "}
          <Link href={`/articles/${articleId}/versions/${snapshotNumber}`}>Review {waiting === 1 ? "it" : "them"}</Link>
        </p>
      )}
    </>
  );
}
