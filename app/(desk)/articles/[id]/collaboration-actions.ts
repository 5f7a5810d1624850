"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { tooLong } from "@/lib/validation/messages";
import { assign } from "@/db/queries/assignments";
import { addComment, listComments, MAX_COMMENT } from "@/db/queries/comments";
import { listUsers } from "@/db/queries/users";
import { listVerdictHistory } from "@/db/queries/verdicts";
import { action } from "@/server/action";
import { idempotencyKeyField } from "@/lib/submission-key";
import { describeHistory } from "@/lib/verdict-history";
import { serialize } from "./serialize";
import { idSchema } from "@/lib/validation/ids";

const id = idSchema;

/** One comment thread: the article's own (no claimId) or a claim's. */
export const listCommentsAction = action(z.object({ articleId: id, claimId: id.nullable() }), { permission: "read:desk" }, async (input) =>
  serialize(await listComments(input)),
);

/** Posts a comment; a retry with the same idempotency key answers with the first comment and notifies no one again. */
export const addCommentAction = action(
  z.object({
    articleId: id,
    claimId: id.nullable(),
    body: z.string().trim().min(1, "Write something first.").max(MAX_COMMENT, tooLong("A comment")),
    idempotencyKey: idempotencyKeyField,
  }),
  { permission: "write:desk" },
  async (input, user) => {
    const { comment, mentioned } = await addComment({ ...input, authorId: user.id });
    refresh(); // the header's unread counts: re-render this page, leave every cache alone
    return { id: comment.id, mentioned: mentioned.length };
  },
);

/** Active people work can be assigned to or mentioned, for pickers. */
export const listDeskPeopleAction = action(z.object({}), { permission: "read:desk" }, async (_input, user) => ({
  me: { id: user.id, role: user.role },
  people: (await listUsers()).filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role })),
}));

/** Assigns an article or a claim; the rules (who may assign whom) are checked in the query, in its transaction. */
export const assignAction = action(
  z.object({ kind: z.enum(["article", "claim"]), id, expectedAssigneeId: id.nullable(), assigneeId: id.nullable() }),
  { permission: "write:desk" },
  async (input, user) => {
    const result = await assign({ ...input, actor: { id: user.id, role: user.role, name: user.name } });
    refresh();
    return result;
  },
);

/** Every verdict revision of a claim with what changed from the one before, newest first. */
export const verdictHistoryAction = action(z.object({ claimId: id }), { permission: "read:desk" }, async ({ claimId }) => {
  const revisions = await listVerdictHistory({ claimId });
  const changes = new Map(describeHistory(revisions).map((c) => [c.revision, c]));
  return serialize(
    [...revisions].reverse().map((r) => ({
      revision: r.revision,
      ratingLabel: r.ratingLabel,
      ratingColour: r.ratingColour,
      authorName: r.authorName,
      createdAt: r.createdAt,
      change: changes.get(r.revision)!,
    })),
  );
});
