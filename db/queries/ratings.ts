import "server-only";
import { and, asc, count, eq, max } from "drizzle-orm";
import { badgeContrastProblem } from "@/lib/contrast";
import { AppError, staleVersion } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { DEFAULT_RATING_SCALE, type RatingDefinition } from "@/lib/rating-scale";
import { getDatabase, type Db } from "../client";
import { recordAudit } from "./audit";

export type Rating = typeof import("../schema/pg").ratings.$inferSelect;

/** The whole scale in order, hidden labels included (verdicts that use them still show them). */
export async function listRatings(): Promise<Rating[]> {
  const { db, t } = await getDatabase();
  return db.select().from(t.ratings).orderBy(asc(t.ratings.position));
}

/** Installs the default scale on an empty database; a no-op once any rating exists. */
export async function ensureDefaultRatings(tx?: Db): Promise<void> {
  const database = await getDatabase();
  const { t } = database;
  const run = async (q: Db) => {
    const [row] = await q.select({ n: count() }).from(t.ratings);
    if (Number(row?.n ?? 0) > 0) return;
    await q.insert(t.ratings).values(DEFAULT_RATING_SCALE.map((r, position) => ({ id: newId(), ...r, position })));
  };
  if (tx) await run(tx);
  else await database.transaction(run);
}

export type RatingWithUse = Rating & { verdictCount: number };

/** The scale for the admin screen, with how many verdict revisions use each label. */
export async function listRatingsWithUse(): Promise<RatingWithUse[]> {
  const { db, t } = await getDatabase();
  const uses = await db.select({ ratingId: t.verdicts.ratingId, n: count() }).from(t.verdicts).groupBy(t.verdicts.ratingId);
  const byId = new Map(uses.map((u) => [u.ratingId, Number(u.n)]));
  return (await listRatings()).map((r) => ({ ...r, verdictCount: byId.get(r.id) ?? 0 }));
}

function checkDefinition(input: RatingDefinition): void {
  const problem = badgeContrastProblem(input.colour);
  if (problem) throw new AppError("invalid:rating", problem, { fieldErrors: { colour: [problem] } });
  if (!Number.isInteger(input.value) || input.value < 1 || input.value > 5) {
    throw new AppError("invalid:rating", "The value must be a whole number from 1 (false) to 5 (true).", { fieldErrors: { value: ["From 1 to 5."] } });
  }
}

async function labelTaken(tx: Db, label: string, exceptId?: string): Promise<boolean> {
  const { t } = await getDatabase();
  const rows = await tx.select({ id: t.ratings.id, label: t.ratings.label }).from(t.ratings);
  return rows.some((r) => r.id !== exceptId && r.label.toLowerCase() === label.toLowerCase());
}

const duplicate = (label: string) => new AppError("conflict:rating", `There is already a label called “${label}”.`, { fieldErrors: { label: ["Already on the scale."] } });

/** Adds a label at the end of the scale. */
export async function createRating(input: RatingDefinition & { actorId: string }): Promise<Rating> {
  checkDefinition(input);
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    if (await labelTaken(tx, input.label)) throw duplicate(input.label);
    const [last] = await tx.select({ n: max(t.ratings.position) }).from(t.ratings);
    const [rating] = await tx
      .insert(t.ratings)
      .values({ id: newId(), label: input.label, value: input.value, colour: input.colour, description: input.description, position: Number(last?.n ?? -1) + 1 })
      .returning();
    await recordAudit(tx, { actorId: input.actorId, action: "rating.create", entityType: "rating", entityId: rating!.id, after: rating });
    return rating!;
  });
}

/**
 * Edits a label. Colour and description change everywhere at once. The name
 * and the value are what a published verdict says: while a published claim
 * or a headline uses the label they stay, so no verdict changes meaning
 * without a correction (add a new label and hide this one instead).
 */
export async function updateRating(input: RatingDefinition & { id: string; version: number; actorId: string }): Promise<Rating> {
  checkDefinition(input);
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [before] = await tx.select().from(t.ratings).where(eq(t.ratings.id, input.id));
    if (!before) throw new AppError("not_found:rating", "That label does not exist.");
    if (await labelTaken(tx, input.label, input.id)) throw duplicate(input.label);
    if ((input.label !== before.label || input.value !== before.value) && (await publishedUses(tx, input.id)) > 0) {
      throw new AppError(
        "conflict:rating",
        `“${before.label}” is a verdict on published fact-checks: renaming it or changing its value would change what those verdicts say without a correction. Add a new label and hide this one instead.`,
      );
    }
    const [after] = await tx
      .update(t.ratings)
      .set({ label: input.label, value: input.value, colour: input.colour, description: input.description, version: input.version + 1 })
      .where(and(eq(t.ratings.id, input.id), eq(t.ratings.version, input.version)))
      .returning();
    if (!after) throw staleVersion("label");
    await recordAudit(tx, { actorId: input.actorId, action: "rating.update", entityType: "rating", entityId: input.id, before, after });
    return after;
  });
}

/** Hides a label from pickers (verdicts keep it) or offers it again. */
export async function setRatingHidden(input: { id: string; version: number; hidden: boolean; actorId: string }): Promise<Rating> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [before] = await tx.select().from(t.ratings).where(eq(t.ratings.id, input.id));
    if (!before) throw new AppError("not_found:rating", "That label does not exist.");
    if (input.hidden) {
      const visible = await tx.select({ id: t.ratings.id }).from(t.ratings).where(eq(t.ratings.hidden, false));
      if (visible.filter((r) => r.id !== input.id).length === 0) throw new AppError("invalid:rating", "Keep at least one label visible: reviewers need something to choose.");
    }
    const [after] = await tx
      .update(t.ratings)
      .set({ hidden: input.hidden, version: input.version + 1 })
      .where(and(eq(t.ratings.id, input.id), eq(t.ratings.version, input.version)))
      .returning();
    if (!after) throw staleVersion("label");
    await recordAudit(tx, { actorId: input.actorId, action: input.hidden ? "rating.hide" : "rating.show", entityType: "rating", entityId: input.id, before: { hidden: before.hidden }, after: { hidden: after.hidden } });
    return after;
  });
}

/** Moves a label one place up or down the scale (swaps positions with its neighbour). */
export async function moveRating(input: { id: string; version: number; direction: "up" | "down"; actorId: string }): Promise<Rating[]> {
  const database = await getDatabase();
  const { t } = database;
  await database.transaction(async (tx) => {
    const all = await tx.select().from(t.ratings).orderBy(asc(t.ratings.position), asc(t.ratings.id));
    const index = all.findIndex((r) => r.id === input.id);
    if (index < 0) throw new AppError("not_found:rating", "That label does not exist.");
    if (all[index]!.version !== input.version) throw staleVersion("label");
    const other = index + (input.direction === "up" ? -1 : 1);
    if (other < 0 || other >= all.length) return;
    // Renumber the whole scale 0..n-1 in the new order, so equal or gapped positions cannot confuse later moves.
    const order = all.map((r) => r.id);
    [order[index], order[other]] = [order[other]!, order[index]!];
    for (const [position, id] of order.entries()) {
      const row = all.find((r) => r.id === id)!;
      if (row.position !== position) await tx.update(t.ratings).set({ position, version: row.version + 1 }).where(eq(t.ratings.id, id));
    }
    await recordAudit(tx, { actorId: input.actorId, action: "rating.reorder", entityType: "rating", entityId: input.id, before: { order: all.map((r) => r.label) }, after: { order: order.map((id) => all.find((r) => r.id === id)!.label) } });
  });
  return listRatings();
}

/** Deletes a label no verdict has ever used; a label in use can only be hidden (history must keep it). */
export async function deleteRating(input: { id: string; version: number; actorId: string }): Promise<void> {
  const database = await getDatabase();
  const { t } = database;
  await database.transaction(async (tx) => {
    const [before] = await tx.select().from(t.ratings).where(eq(t.ratings.id, input.id));
    if (!before) throw new AppError("not_found:rating", "That label does not exist.");
    if (before.version !== input.version) throw staleVersion("label");
    const [used] = await tx.select({ n: count() }).from(t.verdicts).where(eq(t.verdicts.ratingId, input.id));
    const n = Number(used?.n ?? 0);
    if (n > 0) {
      throw new AppError("conflict:rating", `“${before.label}” is used by ${n} verdict revision${n === 1 ? "" : "s"}, so it cannot be deleted. Hide it instead: it stays on those verdicts but is no longer offered.`);
    }
    const [headline] = await tx.select({ n: count() }).from(t.publications).where(eq(t.publications.headlineRatingId, input.id));
    const h = Number(headline?.n ?? 0);
    if (h > 0) {
      throw new AppError("conflict:rating", `“${before.label}” is the headline verdict of ${h} fact-check${h === 1 ? "" : "s"}, so it cannot be deleted. Hide it instead.`);
    }
    const [imported] = await tx.select({ n: count() }).from(t.claimOrigins).where(eq(t.claimOrigins.ratingId, input.id));
    const i = Number(imported?.n ?? 0);
    if (i > 0) throw new AppError("conflict:rating", `“${before.label}” is the earlier verdict of ${i} claim${i === 1 ? "" : "s"} brought in from Check, so it cannot be deleted. Hide it instead.`);
    const [rest] = await tx.select({ n: count() }).from(t.ratings);
    if (Number(rest?.n ?? 0) <= 1) throw new AppError("invalid:rating", "The scale needs at least one label.");
    // A remembered Check mapping to this label is forgotten with it: the next import asks again.
    await tx.delete(t.checkStatusMappings).where(eq(t.checkStatusMappings.ratingId, input.id));
    await tx.delete(t.ratings).where(eq(t.ratings.id, input.id));
    await recordAudit(tx, { actorId: input.actorId, action: "rating.delete", entityType: "rating", entityId: input.id, before });
  });
}

/** How many published claims (their public revision) and headline verdicts use a label. */
async function publishedUses(tx: Db, ratingId: string): Promise<number> {
  const { t } = await getDatabase();
  const [claims] = await tx
    .select({ n: count() })
    .from(t.claims)
    .innerJoin(t.verdicts, eq(t.verdicts.id, t.claims.publishedVerdictId))
    .where(eq(t.verdicts.ratingId, ratingId));
  const [headlines] = await tx.select({ n: count() }).from(t.publications).where(eq(t.publications.headlineRatingId, ratingId));
  return Number(claims?.n ?? 0) + Number(headlines?.n ?? 0);
}
