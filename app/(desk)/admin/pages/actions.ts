"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tooLong } from "@/lib/validation/messages";
import { saveOrganisationPage } from "@/db/queries/organisation-pages";
import { MAX_PAGE_BODY, MAX_PAGE_TITLE, ORGANISATION_PAGE_SLUGS } from "@/lib/organisation-pages";
import { action } from "@/server/action";

const schema = z.object({
  slug: z.enum(ORGANISATION_PAGE_SLUGS),
  title: z.string().trim().min(1, "Give the page a title.").max(MAX_PAGE_TITLE, tooLong("The title")),
  body: z.string().trim().min(1, "Write the page.").max(MAX_PAGE_BODY, tooLong("A page")),
  version: z.int().min(0),
});

/** Saves an organisation page (admins only); a stale version fails with "changed by someone else". */
export const saveOrganisationPageAction = action(schema, { permission: "manage:organisation", invalidates: "public" }, async (input, user) => {
  const page = await saveOrganisationPage({ ...input, userId: user.id });
  revalidatePath("/admin/pages");
  return { version: page.version };
});
