import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { pickClaimant } from "@/lib/claimant";
import { AppError, staleVersion } from "@/lib/errors";
import { canProposeVerdict } from "@/lib/workflow";
import { citationsWithArchives, type CitationArchiveView } from "./sources";
import { getDatabase, type Db } from "../client";
import { refreshArticleStatus } from "./articles";
import { insertRevision, revisionContent, type CitationInput } from "./claim-revisions";
import { withIdempotency } from "./idempotency";
import { selectClaimForUpdate } from "./row-locks";

type Tables = typeof import("../schema/pg");
export type Verdict = Tables["verdicts"]["$inferSelect"];
export type Citation = Tables["citations"]["$inferSelect"];
export type { CitationInput };

/**
 * Proposes a verdict: a new revision with its own citations, submitted for
 * approval. Editing an approved verdict goes through here too and needs
 * approval again. `claimVersion` guards against overwriting a colleague's edit.
 * With an `idempotencyKey`, a retry of the same proposal returns the first
 * revision (its claimVersion is stale by then, so it must not be checked first).
 */
export async function proposeVerdict(input: {
  claimId: string;
  claimVersion: number;
  ratingId: string;
  rationale: string;
  citations: CitationInput[];
  userId: string;
  /** Required once the article has been published: the change becomes a public, dated correction. */
  correctionNote?: string | null;
  idempotencyKey?: string | null;
}): Promise<Verdict> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction((tx) =>
    withIdempotency(tx, { key: input.idempotencyKey, userId: input.userId, kind: "verdict" }, {
      create: () => proposeVerdictInTransaction(tx, input),
      idOf: (verdict) => verdict.id,
      replay: async (id) => (await tx.select().from(t.verdicts).where(eq(t.verdicts.id, id)))[0]!,
    }),
  );
}

/** proposeVerdict inside the caller's transaction (e.g. reusing a matched claim's verdict together with recording the link). */
export async function proposeVerdictInTransaction(tx: Db, input: Parameters<typeof proposeVerdict>[0]): Promise<Verdict> {
  const { t } = await getDatabase();
  const claim = await selectClaimForUpdate(tx, input.claimId);
  if (!claim) throw new AppError("not_found:claim", "That claim does not exist.");
  // Checked up front (the row is locked, so it cannot move): a stale save writes nothing and is told to reload.
  if (claim.version !== input.claimVersion) throw staleVersion("claim");
  if (!canProposeVerdict(claim.status)) {
    throw new AppError("invalid:verdict", "This claim is excluded from the fact-check. Include it again before proposing a verdict.");
  }
  const [rating] = await tx.select().from(t.ratings).where(eq(t.ratings.id, input.ratingId));
  if (!rating) throw new AppError("invalid:verdict", "Choose a rating from the scale.", { fieldErrors: { ratingId: ["Choose a rating."] } });
  if (rating.hidden && rating.id !== (await currentRatingId(tx, claim.currentVerdictId))) {
    throw new AppError("invalid:verdict", `“${rating.label}” is no longer offered on the rating scale. Choose another rating.`, { fieldErrors: { ratingId: ["No longer offered."] } });
  }
  if (input.citations.length === 0) {
    throw new AppError("invalid:verdict", "Add at least one citation: a verdict needs evidence.", { fieldErrors: { citations: ["Add at least one citation."] } });
  }
  // A pending removal from the public page stays pending: only including the claim again answers it.
  const pending = claim.currentVerdictId ? await revisionContent(tx, claim.currentVerdictId) : null;
  const verdict = await insertRevision(tx, {
    claim,
    content: { ratingId: rating.id, rationale: input.rationale, citations: input.citations, statement: claim.statement, claimant: pickClaimant(claim), withdrawnReason: pending?.withdrawnReason ?? null },
    correctionNote: input.correctionNote,
    authorId: input.userId,
    action: "verdict.propose",
    errorKind: "verdict",
  });
  await refreshArticleStatus(tx, claim.articleId, input.userId);
  return verdict;
}

/** A hidden label may stay on a verdict that already has it (a revision that only edits the rationale). */
async function currentRatingId(tx: Db, verdictId: string | null): Promise<string | null> {
  if (!verdictId) return null;
  const { t } = await getDatabase();
  const [row] = await tx.select({ ratingId: t.verdicts.ratingId }).from(t.verdicts).where(eq(t.verdicts.id, verdictId));
  return row?.ratingId ?? null;
}

export type CitationWithArchive = Citation & { archive: CitationArchiveView | null };
export type VerdictWithCitations = Verdict & { citations: CitationWithArchive[] };

/** Verdicts by id with their citations in order and each one's archive, in two queries whatever the count. */
export async function getVerdictsWithCitations({ ids }: { ids: string[] }): Promise<Map<string, VerdictWithCitations>> {
  const result = new Map<string, VerdictWithCitations>();
  if (ids.length === 0) return result;
  const { db, t } = await getDatabase();
  const verdictRows = await db.select().from(t.verdicts).where(inArray(t.verdicts.id, ids));
  const citationRows = await citationsWithArchives(ids);
  for (const v of verdictRows) result.set(v.id, { ...v, citations: [] });
  for (const c of citationRows) result.get(c.verdictId)?.citations.push(c);
  return result;
}

export type VerdictRevision = Verdict & {
  ratingLabel: string;
  ratingColour: string;
  authorName: string;
  citations: Pick<Citation, "url" | "title">[];
};

/** Every revision of a claim's verdict, oldest first, with what the history panel needs to compare them. */
export async function listVerdictHistory({ claimId }: { claimId: string }): Promise<VerdictRevision[]> {
  const { db, t } = await getDatabase();
  const rows = await db
    .select({ verdict: t.verdicts, ratingLabel: t.ratings.label, ratingColour: t.ratings.colour, authorName: t.users.name })
    .from(t.verdicts)
    .innerJoin(t.ratings, eq(t.ratings.id, t.verdicts.ratingId))
    .innerJoin(t.users, eq(t.users.id, t.verdicts.authorId))
    .where(eq(t.verdicts.claimId, claimId))
    .orderBy(asc(t.verdicts.revision));
  const ids = rows.map((r) => r.verdict.id);
  const cites = ids.length
    ? await db.select({ verdictId: t.citations.verdictId, url: t.citations.url, title: t.citations.title }).from(t.citations).where(inArray(t.citations.verdictId, ids)).orderBy(asc(t.citations.position))
    : [];
  return rows.map((r) => ({
    ...r.verdict,
    ratingLabel: r.ratingLabel,
    ratingColour: r.ratingColour,
    authorName: r.authorName,
    citations: cites.filter((c) => c.verdictId === r.verdict.id).map(({ url, title }) => ({ url, title })),
  }));
}
