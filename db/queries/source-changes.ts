import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDatabase } from "../client";
import { recordAudit } from "./audit";

/**
 * What link checks found changed in cited sources (server/sources/link-check.ts
 * writes them): the desk's list at /sources-changed, and marking one as seen.
 */

/** Unresolved link-check findings, newest first, with the citation, claim and article they concern (the desk's list). */
export async function openSourceChanges({ limit = 200 }: { limit?: number } = {}) {
  const { db, t } = await getDatabase();
  return db
    .select({
      id: t.sourceChanges.id,
      kind: t.sourceChanges.kind,
      detectedAt: t.sourceChanges.detectedAt,
      fetch: { id: t.sourceFetches.id, finalUrl: t.sourceFetches.finalUrl, httpStatus: t.sourceFetches.httpStatus, outcome: t.sourceFetches.outcome, message: t.sourceFetches.message, fetchedAt: t.sourceFetches.fetchedAt },
      citation: { id: t.citations.id, url: t.citations.url, title: t.citations.title, quote: t.citations.quote, verdictId: t.citations.verdictId },
      archivedFetchId: t.citationArchives.fetchId,
      claim: { id: t.claims.id, statement: t.claims.statement },
      article: { id: t.articles.id, title: t.articles.title },
    })
    .from(t.sourceChanges)
    .innerJoin(t.sourceFetches, eq(t.sourceFetches.id, t.sourceChanges.fetchId))
    .innerJoin(t.citations, eq(t.citations.id, t.sourceChanges.citationId))
    .innerJoin(t.citationArchives, eq(t.citationArchives.citationId, t.citations.id))
    .innerJoin(t.verdicts, eq(t.verdicts.id, t.citations.verdictId))
    .innerJoin(t.claims, eq(t.claims.id, t.verdicts.claimId))
    .innerJoin(t.articles, eq(t.articles.id, t.claims.articleId))
    .where(isNull(t.sourceChanges.resolvedAt))
    .orderBy(desc(t.sourceChanges.detectedAt), desc(t.sourceChanges.id))
    .limit(limit);
}

/** Marks a finding as dealt with (audited). Resolving one already resolved changes nothing. */
export async function resolveSourceChange(id: string, userId: string) {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [existing] = await tx.select().from(t.sourceChanges).where(eq(t.sourceChanges.id, id));
    if (!existing) throw new AppError("not_found:source_change", "That source change does not exist.");
    if (existing.resolvedAt) return existing;
    const now = new Date();
    const [resolved] = await tx
      .update(t.sourceChanges)
      .set({ resolvedAt: now, resolvedBy: userId })
      .where(and(eq(t.sourceChanges.id, id), isNull(t.sourceChanges.resolvedAt)))
      .returning();
    await recordAudit(tx, { actorId: userId, action: "source_change.resolve", entityType: "source_change", entityId: id, after: { citationId: existing.citationId, kind: existing.kind } });
    return resolved ?? existing;
  });
}
