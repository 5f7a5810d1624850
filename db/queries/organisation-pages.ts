import "server-only";
import { and, eq } from "drizzle-orm";
import { staleVersion } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { ORGANISATION_PAGE_DEFAULTS, ORGANISATION_PAGE_SLUGS, type OrganisationPageSlug } from "@/lib/organisation-pages";
import { getDatabase } from "../client";
import { recordAudit } from "./audit";

export type OrganisationPage = {
  slug: OrganisationPageSlug;
  title: string;
  body: string;
  updatedAt: Date | null;
  /** 0 while the page still shows its default text (no row yet). */
  version: number;
};

/** One organisation page: the admin's text, or the default until an admin saves one. */
export async function getOrganisationPage({ slug }: { slug: OrganisationPageSlug }): Promise<OrganisationPage> {
  const { db, t } = await getDatabase();
  const [row] = await db.select().from(t.organisationPages).where(eq(t.organisationPages.slug, slug));
  if (!row) return { slug, ...ORGANISATION_PAGE_DEFAULTS[slug], updatedAt: null, version: 0 };
  return { slug, title: row.title, body: row.body, updatedAt: row.updatedAt, version: row.version };
}

export async function listOrganisationPages(): Promise<OrganisationPage[]> {
  return Promise.all(ORGANISATION_PAGE_SLUGS.map((slug) => getOrganisationPage({ slug })));
}

/**
 * Saves a page. `version` is what the editor loaded (0 = the default text):
 * a stale version, or two admins saving the first version at once, fails
 * with "changed by someone else" instead of overwriting.
 */
export async function saveOrganisationPage(input: { slug: OrganisationPageSlug; title: string; body: string; version: number; userId: string }): Promise<OrganisationPage> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [existing] = await tx.select().from(t.organisationPages).where(eq(t.organisationPages.slug, input.slug));
    const now = new Date();
    const values = { title: input.title.trim(), body: input.body.trim(), updatedBy: input.userId, updatedAt: now };
    let saved;
    if (!existing) {
      if (input.version !== 0) throw staleVersion("page");
      // Two first saves at once: the slug is unique, so the second inserts nothing and gets the conflict below.
      [saved] = await tx.insert(t.organisationPages).values({ id: newId(), slug: input.slug, ...values }).onConflictDoNothing().returning();
    } else {
      [saved] = await tx
        .update(t.organisationPages)
        .set({ ...values, version: existing.version + 1 })
        .where(and(eq(t.organisationPages.id, existing.id), eq(t.organisationPages.version, input.version)))
        .returning();
    }
    if (!saved) throw staleVersion("page");
    await recordAudit(tx, {
      actorId: input.userId,
      action: "organisation_page.save",
      entityType: "organisation_page",
      entityId: saved.id,
      before: existing ? { title: existing.title, body: existing.body, version: existing.version } : null,
      after: { title: saved.title, body: saved.body, version: saved.version },
    });
    return { slug: input.slug, title: saved.title, body: saved.body, updatedAt: saved.updatedAt, version: saved.version };
  });
}
