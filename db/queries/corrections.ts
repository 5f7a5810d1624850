import "server-only";
import { eq } from "drizzle-orm";
import { newId } from "@/lib/ids";
import { getDatabase, type Db } from "../client";
import { recordAudit } from "./audit";

type Tables = typeof import("../schema/pg");
type Claim = Tables["claims"]["$inferSelect"];
type Verdict = Tables["verdicts"]["$inferSelect"];
type Publication = Tables["publications"]["$inferSelect"];

/**
 * A public correction always has a note; these stand in for a revision that has none.
 * The app's own write paths never need them: once a fact-check exists, every
 * new revision needs a correction note (requireCorrectionNote), and it cannot
 * be published while a revision proposed before it awaits approval
 * (publishBlocker). Only rows written some other way (a script, a restored
 * backup) reach a published page without one.
 */
const FALLBACK_NOTE = "We revised our review of this claim.";
const ADDED_NOTE = "We added this claim to the fact-check.";

/**
 * Called (inside the approving transaction) when a revision becomes what
 * readers of a published fact-check see: a dated public note tied to the
 * claim and to the revisions before and after, and the publication's
 * `updatedAt` moves. The caller has established that the public revision
 * changes.
 */
export async function recordPublishedRevision(tx: Db, input: { claim: Claim; verdict: Verdict; publication: Publication; editorId: string; now: Date }): Promise<void> {
  const { t } = await getDatabase();
  const { claim, verdict, publication, now } = input;
  const previousVerdictId = claim.publishedVerdictId ?? null;
  const correction = {
    id: newId(),
    publicationId: publication.id,
    note: verdict.correctionNote ?? (previousVerdictId ? FALLBACK_NOTE : ADDED_NOTE),
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
  publication.version += 1;
  await recordAudit(tx, {
    actorId: input.editorId,
    action: "publication.correct",
    entityType: "publication",
    entityId: publication.id,
    before: { updatedAt: publication.updatedAt, verdictId: previousVerdictId },
    after: { updatedAt: now, verdictId: verdict.id, claimId: claim.id, note: correction.note, withdrawn: Boolean(verdict.withdrawnReason) },
  });
}
