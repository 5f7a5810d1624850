import "server-only";
import { and, eq } from "drizzle-orm";
import { MODEL_VERSION } from "@/lib/check-worthy";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { canonicalText, codePointLength } from "@/lib/anchoring/text";
import { getDatabase } from "../client";
import { recordAudit } from "./audit";

type Tables = typeof import("../schema/pg");
export type DismissedSuggestion = Tables["dismissedSuggestions"]["$inferSelect"];

/**
 * Hides a check-worthy suggestion (a span of one snapshot) for everyone on
 * the article. Suggestions themselves are computed from the text
 * (lib/check-worthy); only the reviewers' dismissals are stored, with the
 * version of the model that made the suggestion, so a retrained model may
 * offer the sentence again. Dismissing twice is harmless: the first dismissal stands.
 */
export async function dismissSuggestion(input: { articleId: string; versionId: string; start: number; end: number; userId: string }): Promise<DismissedSuggestion> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [snapshot] = await tx.select().from(t.articleVersions).where(eq(t.articleVersions.id, input.versionId));
    if (!snapshot || snapshot.articleId !== input.articleId) throw new AppError("not_found:article", "That article version does not exist.");
    const length = codePointLength(canonicalText(snapshot.blocks));
    if (!(input.start >= 0 && input.end <= length && input.start < input.end)) {
      throw new AppError("invalid:suggestion", "That suggestion is outside the article text. Reload the article.");
    }
    const span = and(
      eq(t.dismissedSuggestions.versionId, input.versionId),
      eq(t.dismissedSuggestions.start, input.start),
      eq(t.dismissedSuggestions.end, input.end),
      eq(t.dismissedSuggestions.modelVersion, MODEL_VERSION),
    );
    const [existing] = await tx.select().from(t.dismissedSuggestions).where(span);
    if (existing) return existing;
    const [row] = await tx
      .insert(t.dismissedSuggestions)
      .values({ id: newId(), articleId: input.articleId, versionId: input.versionId, start: input.start, end: input.end, modelVersion: MODEL_VERSION, createdBy: input.userId, createdAt: new Date() })
      .returning();
    await recordAudit(tx, { actorId: input.userId, action: "suggestion.dismiss", entityType: "article", entityId: input.articleId, after: row });
    return row!;
  });
}

/** The dismissals of the current model's suggestions on one snapshot (an earlier model's no longer hide anything). */
export async function listDismissedSuggestions({ versionId }: { versionId: string }): Promise<DismissedSuggestion[]> {
  const { db, t } = await getDatabase();
  return db
    .select()
    .from(t.dismissedSuggestions)
    .where(and(eq(t.dismissedSuggestions.versionId, versionId), eq(t.dismissedSuggestions.modelVersion, MODEL_VERSION)));
}
