import "server-only";
import { and, eq } from "drizzle-orm";
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
 * (lib/check-worthy.ts); only the reviewers' dismissals are stored.
 * Dismissing twice is harmless: the first dismissal stands.
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
    const span = and(eq(t.dismissedSuggestions.versionId, input.versionId), eq(t.dismissedSuggestions.start, input.start), eq(t.dismissedSuggestions.end, input.end));
    const [existing] = await tx.select().from(t.dismissedSuggestions).where(span);
    if (existing) return existing;
    const [row] = await tx
      .insert(t.dismissedSuggestions)
      .values({ id: newId(), articleId: input.articleId, versionId: input.versionId, start: input.start, end: input.end, createdBy: input.userId, createdAt: new Date() })
      .returning();
    await recordAudit(tx, { actorId: input.userId, action: "suggestion.dismiss", entityType: "article", entityId: input.articleId, after: row });
    return row!;
  });
}

export async function listDismissedSuggestions({ versionId }: { versionId: string }): Promise<DismissedSuggestion[]> {
  const { db, t } = await getDatabase();
  return db.select().from(t.dismissedSuggestions).where(eq(t.dismissedSuggestions.versionId, versionId));
}
