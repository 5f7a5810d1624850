import "server-only";
import { eq } from "drizzle-orm";
import { newId } from "@/lib/ids";
import { getDatabase, type Db } from "../client";
import { recordAudit } from "./audit";

type Tables = typeof import("../schema/pg");
type Claim = Tables["claims"]["$inferSelect"];
type Verdict = Tables["verdicts"]["$inferSelect"];

/** Shown when a revision reaches a published page without a note (it was proposed before the article was published). */
const FALLBACK_NOTE = "We revised the verdict on this claim.";

/**
 * Called (inside the approving transaction) when a verdict revision becomes
 * the approved one. If the article has a publication and the public verdict
 * changes, this is a correction: a dated public note tied to the claim and to
 * the verdicts before and after, and the publication's `updatedAt` (JSON-LD
 * `dateModified`) moves. Before publication nothing happens: the first
 * publish shows the approved verdicts as they are.
 */
export async function recordPublishedRevision(tx: Db, input: { claim: Claim; verdict: Verdict; editorId: string; now: Date }): Promise<void> {
  const { t } = await getDatabase();
  const { claim, verdict, now } = input;
  const [publication] = await tx.select().from(t.publications).where(eq(t.publications.articleId, claim.articleId));
  if (!publication) return;
  // Claims approved before approvedVerdictId existed fall back to the current verdict, as the public page does.
  const previousVerdictId = claim.approvedVerdictId ?? null;
  if (previousVerdictId === verdict.id) return;
  const correction = {
    id: newId(),
    publicationId: publication.id,
    note: verdict.correctionNote ?? FALLBACK_NOTE,
    createdBy: input.editorId,
    createdAt: now,
    claimId: claim.id,
    verdictId: verdict.id,
    previousVerdictId,
  };
  await tx.insert(t.corrections).values(correction);
  await tx
    .update(t.publications)
    .set({ updatedAt: now, version: publication.version + 1 })
    .where(eq(t.publications.id, publication.id));
  await recordAudit(tx, {
    actorId: input.editorId,
    action: "publication.correct",
    entityType: "publication",
    entityId: publication.id,
    before: { updatedAt: publication.updatedAt, verdictId: previousVerdictId },
    after: { updatedAt: now, verdictId: verdict.id, claimId: claim.id, note: correction.note },
  });
}
