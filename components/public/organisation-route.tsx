import type { Metadata } from "next";
import { connection } from "next/server";
import { siteUrl } from "@/server/env";
import type { OrganisationPageSlug } from "@/lib/organisation-pages";
import { cachedOrganisationPage, cachedRatings } from "@/server/public-cache";
import { OrganisationPageView } from "./organisation-page";

/**
 * The page and metadata functions for one organisation page route
 * (/methodology, /corrections-policy, /about), read from the public cache.
 */
export function organisationRoute(slug: OrganisationPageSlug) {
  return {
    async generateMetadata(): Promise<Metadata> {
      await connection();
      const page = await cachedOrganisationPage(slug);
      return { title: page.title, alternates: { canonical: `${siteUrl()}/${slug}` } };
    },
    async Page() {
      await connection();
      const [page, ratings] = await Promise.all([cachedOrganisationPage(slug), cachedRatings()]);
      return <OrganisationPageView page={page} ratings={ratings} />;
    },
  };
}
