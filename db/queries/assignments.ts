import "server-only";
import { eq } from "drizzle-orm";
import { assignmentBlocker } from "@/lib/assignment";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/permissions";
import { getDatabase } from "../client";
import { recordAudit } from "./audit";
import { notify } from "./notifications";
import { selectForUpdate } from "./row-locks";

export type AssignInput = {
  kind: "article" | "claim";
  id: string;
  /** Who the actor saw assigned; a different value means someone re-assigned it meanwhile. */
  expectedAssigneeId: string | null;
  assigneeId: string | null;
  actor: { id: string; role: Role; name: string };
};

/**
 * Assigns an article or a claim to a person (or nobody). Guarded by the
 * assignee the actor saw rather than the row's `version`, which moves with
 * every status change: only a competing assignment is a conflict here.
 */
export async function assign(input: AssignInput): Promise<{ assigneeId: string | null }> {
  const database = await getDatabase();
  const { t } = database;
  const table = input.kind === "article" ? t.articles : t.claims;
  return database.transaction(async (tx) => {
    // Locked: two people assigning at once are decided one after the other, the second against the first's choice.
    const row = await selectForUpdate(tx, table, input.id);
    if (!row) throw new AppError(`not_found:${input.kind}`, `That ${input.kind} does not exist.`);
    if (row.assigneeId !== input.expectedAssigneeId) {
      throw new AppError(`conflict:${input.kind}`, `Someone else changed who this ${input.kind} is assigned to since you opened it. Reload to see the current assignment.`);
    }
    if (row.assigneeId === input.assigneeId) return { assigneeId: row.assigneeId };
    let assignee: { id: string; name: string; active: boolean } | undefined;
    if (input.assigneeId) {
      [assignee] = await tx.select({ id: t.users.id, name: t.users.name, active: t.users.active }).from(t.users).where(eq(t.users.id, input.assigneeId));
      if (!assignee) throw new AppError("not_found:user", "That person does not exist.");
    }
    const blocker = assignmentBlocker({ actor: input.actor, currentAssigneeId: row.assigneeId, nextAssigneeId: input.assigneeId, nextAssigneeActive: assignee?.active });
    if (blocker) throw new AppError(`forbidden:assign`, blocker);
    await tx.update(table).set({ assigneeId: input.assigneeId, version: row.version + 1 }).where(eq(table.id, input.id));

    let articleId = input.id;
    let what: string;
    if (input.kind === "claim") {
      const [claim] = await tx.select({ articleId: t.claims.articleId, statement: t.claims.statement }).from(t.claims).where(eq(t.claims.id, input.id));
      articleId = claim!.articleId;
      what = `the claim “${claim!.statement}”`;
    } else {
      const [article] = await tx.select({ title: t.articles.title }).from(t.articles).where(eq(t.articles.id, input.id));
      what = `the article “${article!.title}”`;
    }
    await recordAudit(tx, { actorId: input.actor.id, action: `${input.kind}.assign`, entityType: input.kind, entityId: input.id, before: { assigneeId: row.assigneeId }, after: { assigneeId: input.assigneeId, assigneeName: assignee?.name ?? null } });
    if (input.assigneeId) {
      await notify(tx, { userIds: [input.assigneeId], kind: "assignment", actorId: input.actor.id, articleId, claimId: input.kind === "claim" ? input.id : null, message: `${input.actor.name} assigned you ${what}.` });
    }
    return { assigneeId: input.assigneeId };
  });
}
