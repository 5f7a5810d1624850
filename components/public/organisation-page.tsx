import type { OrganisationPage } from "@/db/queries/organisation-pages";
import type { Rating } from "@/db/queries/ratings";
import { formatDate } from "@/components/ui/format";
import { Markdown } from "@/components/ui/markdown";
import { RatingLegend } from "./rating-legend";
import extra from "./fact-check.module.css";

/** An organisation page as readers see it; the methodology page also carries the live rating legend. */
export function OrganisationPageView({ page, ratings }: { page: OrganisationPage; ratings: Rating[] }) {
  return (
    <main id="main" className={extra.orgPage}>
      <article aria-labelledby="org-page-title">
        <h1 id="org-page-title">{page.title}</h1>
        <Markdown source={page.body} headingLevel={2} />
        {page.slug === "methodology" ? <RatingLegend ratings={ratings} headingId="legend-heading" /> : null}
        {page.updatedAt ? (
          <p className="muted small">
            Last updated <time dateTime={page.updatedAt.toISOString()}>{formatDate(page.updatedAt)}</time>
          </p>
        ) : null}
      </article>
    </main>
  );
}
