"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tooLong } from "@/lib/validation/messages";
import { createRating, deleteRating, moveRating, setRatingHidden, updateRating } from "@/db/queries/ratings";
import { action } from "@/server/action";
import { idSchema } from "@/lib/validation/ids";

// Labels and colours appear on public pages too: every change invalidates public data (and the rendered-page cache with it).
const ADMIN = { permission: "manage:organisation", invalidates: "public" } as const;
const row = { id: idSchema, version: z.int().min(0) };
const definition = {
  label: z.string().trim().min(1, "Enter a label.").max(40, tooLong("A label")),
  value: z.coerce.number().int("Use a whole number.").min(1, "From 1 (false) to 5 (true).").max(5, "From 1 (false) to 5 (true)."),
  colour: z.string().trim().regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour such as #1a7f37."),
  description: z.string().trim().min(1, "Describe when to use this label.").max(500, tooLong("A description")),
};

// The desk's pages show the scale as well: they are rendered again.
const refresh = () => revalidatePath("/", "layout");

export const createRatingAction = action(z.object(definition), ADMIN, async (input, user) => {
  const rating = await createRating({ ...input, actorId: user.id });
  refresh();
  return rating;
});

export const updateRatingAction = action(z.object({ ...row, ...definition }), ADMIN, async (input, user) => {
  const rating = await updateRating({ ...input, actorId: user.id });
  refresh();
  return rating;
});

export const moveRatingAction = action(z.object({ ...row, direction: z.enum(["up", "down"]) }), ADMIN, async (input, user) => {
  const ratings = await moveRating({ ...input, actorId: user.id });
  refresh();
  return ratings.map((r) => r.id);
});

export const setRatingHiddenAction = action(z.object({ ...row, hidden: z.boolean() }), ADMIN, async (input, user) => {
  const rating = await setRatingHidden({ ...input, actorId: user.id });
  refresh();
  return rating;
});

export const deleteRatingAction = action(z.object(row), ADMIN, async (input, user) => {
  await deleteRating({ ...input, actorId: user.id });
  refresh();
  return { deleted: input.id };
});
