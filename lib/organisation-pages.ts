/**
 * The organisation pages the IFCN Code of Principles asks a fact-checker to
 * publish (methodology, corrections policy, funding and team). Admins edit
 * them as markdown; these defaults stand in until they do, so a fresh
 * install never shows an empty page.
 */
export const ORGANISATION_PAGE_SLUGS = ["methodology", "corrections-policy", "about"] as const;
export type OrganisationPageSlug = (typeof ORGANISATION_PAGE_SLUGS)[number];

export const MAX_PAGE_TITLE = 120;
export const MAX_PAGE_BODY = 50_000;

export const ORGANISATION_PAGE_DEFAULTS: Record<OrganisationPageSlug, { title: string; body: string }> = {
  methodology: {
    title: "How we fact-check",
    body: [
      "We check factual claims about health made in articles that many people read. We do not check opinions, predictions or advice.",
      "## How a claim is checked",
      "1. A reviewer highlights the claim in the article as it was published and restates it in plain words.",
      "2. The reviewer looks for the best available evidence: systematic reviews and trials, official health agencies, and named experts. Every source is listed with the fact-check, with a link and, where possible, an archived copy.",
      "3. The reviewer rates the claim and explains the rating.",
      "4. An editor who did not write the verdict checks the evidence and the reasoning and approves it, or sends it back. Nothing is published without that second person.",
      "## Ratings",
      "Each claim gets one rating from the scale below. The rating is about the claim, never about the person or outlet who made it.",
    ].join("\n\n"),
  },
  "corrections-policy": {
    title: "Corrections policy",
    body: [
      "We correct our mistakes openly. If new evidence appears, or a reader shows that we got something wrong, we re-check the claim.",
      "When a published verdict, its reasoning or its sources change, the fact-check shows an **Updated** label, a dated note explaining what changed, and the claim's earlier ratings. We never change a published verdict silently.",
      "To ask for a correction, write to us through the contact details on our [about page](/about). We answer every request.",
    ].join("\n\n"),
  },
  about: {
    title: "About us",
    body: [
      "We are an independent fact-checking team that checks health claims.",
      "## Funding",
      "Say here who funds the organisation and how much each funder contributes. No funder has any say over what we check or how we rate it.",
      "## Team",
      "List the editors and reviewers here.",
      "## Contact",
      "Write the address readers can use for questions and correction requests.",
    ].join("\n\n"),
  },
};

