/**
 * HTML → import draft: metadata, blocks and the sanitized original.
 * The article is found with @mozilla/readability (Firefox Reader View) on a
 * linkedom DOM. Blocks come from the whole page in page order; those the
 * reader view left out are pre-marked "outside the article", so nothing
 * is lost if Readability guessed wrong and the reviewer can take it back.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { AppError } from "@/lib/errors";
import { DATE, markBoilerplate } from "./boilerplate";
import { metadataFromLines } from "./metadata-lines";
import { markTableOfContents } from "./table-of-contents";
import { OUTSIDE_READER_VIEW, type DraftBlock, type ImportDraft } from "../../lib/import-draft";
import { BYLINE_MARKUP, blocksFromDom } from "./html-blocks";
import { HIDDEN_ON_PAGE, hiddenSelectorsFromHtml } from "./hidden";
import { readMetadata } from "./metadata";
import { estimatedHtmlDepth, MAX_HTML_DEPTH } from "./html-depth";
import { sanitizeImportedHtml } from "./sanitize";

/** Below this share of reader-view text found among the page's blocks, trust the reader view's own blocks instead. */
const MIN_MATCHED_SHARE = 0.8;
/**
 * Reasons read from the page's markup that the reader view's choice does not
 * undo: Readability keeps a hidden copy of a paragraph or a byline it did not
 * recognise, but the page says what they are.
 */
const STICKY_REASONS = new Set([HIDDEN_ON_PAGE, BYLINE_MARKUP]);
/** …unless that would leave out most of the reader view's text: then the markup is misleading (a whole article hidden until a script shows it). */
const MIN_STICKY_KEPT_SHARE = 0.5;
/** Shortest page block kept because its text runs on inside the reader view's (rather than equalling one of its blocks). */
const MIN_CONTAINED = 40;

/**
 * Code and comments carry no article text but can be half of a news page's
 * bytes; dropping them before parsing roughly halves the DOM work. JSON-LD
 * stays: it holds the metadata. (The "as imported" copy is sanitized from the
 * original HTML, not from this.)
 */
function withoutCode(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style|noscript|template|svg)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi, (whole, tag: string, attrs: string) =>
      tag.toLowerCase() === "script" && /application\/ld\+json/i.test(attrs) ? whole : "",
    );
}

function parse(html: string): Document {
  // linkedom wants a full document; fragments (pasted HTML) get a body around them.
  const full = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return parseHTML(withoutCode(full)).document as unknown as Document;
}

export type HtmlSourceOptions = {
  /** The page's URL (for canonical links and relative URLs); null for files and pastes. */
  url: string | null;
  source: ImportDraft["source"];
  /** Run the reader view (web pages, .html files); off for pasted fragments and Word output, which are all article. */
  readerView: boolean;
  /** Keep the sanitized HTML for the "as imported" view. */
  keepHtml: boolean;
};

export function draftFromHtml(html: string, options: HtmlSourceOptions): ImportDraft {
  if (estimatedHtmlDepth(html) > MAX_HTML_DEPTH) {
    const what = options.source.kind === "file" ? options.source.label : "This page";
    throw new AppError("invalid:import-html", `${what} nests its markup more than ${MAX_HTML_DEPTH.toLocaleString("en")} levels deep, which no article needs, so it cannot be imported. Paste the article text instead.`);
  }
  const doc = parse(html);
  const metadata = readMetadata(doc, options.url);
  const body = doc.body ?? doc.documentElement;
  // Read from the original: parse() drops <style> along with scripts.
  const hidden = hiddenSelectorsFromHtml(html);
  let blocks = blocksFromDom(body as Element, { markChrome: options.readerView, hidden });

  if (options.readerView) {
    // Readability rewrites the DOM it is given; the page blocks above were taken first.
    // The serializer hands back its article element itself: no HTML string to build and parse again.
    const article = new Readability<Element>(doc, { charThreshold: 200, serializer: (el) => el as Element }).parse();
    if (article?.content) {
      const reader = blocksFromDom(article.content, { markChrome: false });
      blocks = alignWithReaderView(blocks, reader);
      if (!metadata.title && article.title) metadata.title = article.title.trim().slice(0, 300);
      if (!metadata.author && article.byline) metadata.author = article.byline.replace(DATE, " ").replace(/\s+/g, " ").replace(/^by\s+/i, "").trim().slice(0, 200) || null;
      if (!metadata.publisher && article.siteName) metadata.publisher = article.siteName.trim().slice(0, 200);
      if (!metadata.language && article.lang) metadata.language = article.lang.slice(0, 35);
    }
  }
  if (!metadata.title) metadata.title = blocks.find((b) => b.kind === "heading" && !b.drop)?.text.slice(0, 300) ?? "";
  const marked = markTableOfContents(markBoilerplate(blocks, metadata.title));
  return {
    source: options.source,
    metadata: metadataFromLines(metadata, marked),
    blocks: marked,
    sourceHtml: options.keepHtml ? sanitizeImportedHtml(html) : null,
  };
}

/**
 * Keeps page order and every block, marking the ones the reader view did
 * not keep. If the reader view's text cannot be found in the page blocks
 * (it rewrote the structure), its own blocks are used as they are.
 */
function alignWithReaderView(page: DraftBlock[], reader: DraftBlock[]): DraftBlock[] {
  const kept = new Set(reader.map((b) => b.text));
  const pageTexts = new Set(page.map((b) => b.text));
  const total = reader.reduce((n, b) => n + b.text.length, 0);
  const matched = reader.filter((b) => pageTexts.has(b.text)).reduce((n, b) => n + b.text.length, 0);
  if (total === 0 || matched / total < MIN_MATCHED_SHARE) return reader;
  // The reader view re-blocks some markup (a <pre> listing becomes two paragraphs): a page block whose
  // text, spaces aside, is a run of whole consecutive reader blocks is kept too. A phrase inside one
  // reader block is not (a teaser repeating the first sentence, a title inside the intro).
  const flat = (t: string) => t.replace(/\s+/g, "");
  const readerFlat = reader.map((b) => flat(b.text)).join("");
  const edges = new Set<number>([0]);
  reader.reduce((at, b) => (edges.add(at + flat(b.text).length), at + flat(b.text).length), 0);
  const isRun = (t: string) => {
    const f = flat(t);
    for (let i = readerFlat.indexOf(f); i >= 0; i = readerFlat.indexOf(f, i + 1)) if (edges.has(i) && edges.has(i + f.length)) return true;
    return false;
  };
  const inReader = (t: string) => kept.has(t) || (t.length >= MIN_CONTAINED && isRun(t));
  const align = (sticky: boolean) =>
    page.map((b) => {
      if (sticky && b.reason !== null && STICKY_REASONS.has(b.reason)) return b;
      if (inReader(b.text)) return { ...b, drop: false, reason: null };
      return b.drop ? b : { ...b, drop: true, reason: OUTSIDE_READER_VIEW };
    });
  const aligned = align(true);
  const keptText = aligned.filter((b) => !b.drop).reduce((n, b) => n + b.text.length, 0);
  return keptText >= total * MIN_STICKY_KEPT_SHARE ? aligned : align(false);
}
