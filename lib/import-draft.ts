/**
 * An import draft: what the reviewer previews before saving. Every block
 * the extraction found is here, in page order, including the ones it thinks
 * are not article text (`drop` with a `reason`), so the reviewer can
 * overrule the heuristics either way. Plain data: travels to the browser
 * and back.
 */
import type { Block, BlockKind, BlockPlace } from "@/lib/anchoring/text";

export type { BlockPlace };

export type DraftBlock = {
  kind: BlockKind;
  text: string;
  place?: BlockPlace;
  /** Left out of the snapshot when saved. */
  drop: boolean;
  /** Why extraction pre-marked it (shown to the reviewer), or null. */
  reason: string | null;
};

export type DraftMetadata = {
  title: string;
  author: string | null;
  publisher: string | null;
  /** yyyy-mm-dd */
  publishedOn: string | null;
  /** Where the reviewer found it (the URL they entered, after redirects). */
  sourceUrl: string | null;
  /** The page's own canonical URL (link rel=canonical, og:url, JSON-LD), used to spot duplicates. */
  canonicalUrl: string | null;
  /** BCP 47 language tag, e.g. en-GB. */
  language: string | null;
};

export type DraftSource = { kind: "url" | "file" | "paste"; label: string };

export type ImportDraft = {
  source: DraftSource;
  metadata: DraftMetadata;
  blocks: DraftBlock[];
  /** Sanitized page HTML for the "as imported" view, or null for text sources. */
  sourceHtml: string | null;
  /** The file as imported (a PDF), kept on the server for the "as imported" view. */
  originalFileId?: string | null;
};

/** Reason given to page blocks the reader view did not take as article text. */
export const OUTSIDE_READER_VIEW = "Outside the article (reader view)";

export const EMPTY_METADATA: DraftMetadata = {
  title: "",
  author: null,
  publisher: null,
  publishedOn: null,
  sourceUrl: null,
  canonicalUrl: null,
  language: null,
};

/** The blocks a saved import keeps: every block not left out, in page order, without the review notes. */
export function keptBlocks(blocks: DraftBlock[]): Block[] {
  return blocks.filter((b) => !b.drop).map(({ kind, text, place }) => (place ? { kind, text, place } : { kind, text }));
}
