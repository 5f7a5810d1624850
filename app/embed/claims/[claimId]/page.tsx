import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { VerdictBadge } from "@/components/public/verdict-badge";
import { formatDate } from "@/components/ui/format";
import { claimPermalink } from "@/lib/claimreview";
import { siteUrl } from "@/server/env";
import { publicClaimById } from "@/server/public-cache";
import extra from "@/components/public/fact-check.module.css";

type Props = { params: Promise<{ claimId: string }> };

export const metadata: Metadata = { robots: { index: false } };

/**
 * A claim card other sites can put in an iframe: the only route whose
 * headers allow framing (next.config.ts). Links open on our site in a new
 * tab, never inside the host page's frame.
 */
export default async function EmbedClaimPage({ params }: Props) {
  const { claimId } = await params;
  await connection();
  const found = await publicClaimById(claimId);
  if (!found) notFound();
  const { claim, factCheck } = found;
  const url = claimPermalink(siteUrl(), factCheck.publication.slug, claim.id);
  const { rating } = claim.verdict;
  return (
    <main id="main" className={extra.embed}>
      <p>
        <VerdictBadge label={rating.label} colour={rating.colour} value={rating.value} />
        {claim.history.length ? <span className={extra.updatedBadge}>Updated</span> : null}
      </p>
      <h1>{claim.statement}</h1>
      <p className={extra.embedSource}>
        Claim in “{factCheck.article.title}”{factCheck.article.publisher ? `, ${factCheck.article.publisher}` : ""}. Checked by {factCheck.organisationName},{" "}
        {formatDate(factCheck.publication.updatedAt)}.
      </p>
      <p>
        <a href={url} target="_blank" rel="noopener">
          Read the full fact-check and the evidence
        </a>
      </p>
    </main>
  );
}
