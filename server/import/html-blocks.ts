/**
 * HTML → draft blocks, by walking a DOM (linkedom on the server; any DOM
 * works). Headings, paragraphs, list items and quotes become blocks;
 * inline markup is flattened to its text; scripts, styles, forms, frames
 * and media contribute nothing. Text inside site chrome (nav, header,
 * footer, aside, comment sections, ads — by element or by class/id) is
 * kept but pre-marked with the reason, for the reviewer to confirm.
 * A block's reason is its own or an ancestor block's: an inline element
 * (a `<span class="comment">` in a code listing, an ad link in a sentence)
 * never marks the paragraph it sits in.
 */
import { normalizeText, type BlockKind } from "@/lib/anchoring/text";
import type { DraftBlock } from "../../lib/import-draft";
import { HIDDEN_ON_PAGE, isRemoved, isStyledHidden, NO_HIDDEN_SELECTORS, type HiddenSelectors } from "./hidden";

/** Given to bylines and date lines recognised by their markup (class, rel=author, <address>, a lone <time>). */
export const BYLINE_MARKUP = "Byline or date line (kept as metadata)";

const SKIP = new Set(["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas", "video", "audio", "img", "picture", "source", "form", "button", "input", "select", "textarea", "head", "title", "meta", "link"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/** Elements that end the current run of inline text. */
const BLOCK_LEVEL = new Set(["p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tr", "td", "th", "figure", "figcaption", "hr", "address", "details", "summary", "center", ...HEADINGS]);

const CHROME_TAGS: Record<string, string> = {
  nav: "Site navigation",
  header: "Page header",
  footer: "Page footer",
  aside: "Sidebar",
};
/** Class or id fragments that mark page furniture. Word-ish matches: "ad" alone, not "head" or "shadow". */
const CHROME_CLASSES: [RegExp, string][] = [
  // Ads first: an ad slot inside a navigation-looking wrapper is still an ad.
  [/(^|[\s_-])(ad|ads|advert|adverts|advertisement|adsbygoogle|adslot|adunit|dfp|gpt|banner|sponsor|sponsored|promo|outbrain|taboola)([\s_-]|$)/i, "Advertisement"],
  [/(^|[\s_-])(byline|bylines|dateline|author|authors|timestamp|posted-on|entry-meta|post-meta|article-meta|publish-date|pubdate)([\s_-]|$)/i, BYLINE_MARKUP],
  [/(^|[\s_-])(nav|navbar|menu|breadcrumbs?)([\s_-]|$)/i, "Site navigation"],
  [/(^|[\s_-])(comments?|respond|disqus)([\s_-]|$)/i, "Comments"],
  [/(^|[\s_-])(related|recommended|more-stories|read-more)([\s_-]|$)/i, "Related posts"],
  [/(^|[\s_-])(share|sharing|social)([\s_-]|$)/i, "Share buttons"],
  [/(^|[\s_-])(sidebar|widget)([\s_-]|$)/i, "Sidebar"],
  [/(^|[\s_-])(footer|site-footer|copyright)([\s_-]|$)/i, "Page footer"],
  [/(^|[\s_-])(newsletter|subscribe|signup)([\s_-]|$)/i, "Newsletter prompt"],
  [/(^|[\s_-])(cookie|consent|gdpr)([\s_-]|$)/i, "Cookie notice"],
];

const CHROME_ROLES: Record<string, string> = {
  navigation: "Site navigation",
  banner: "Page header",
  contentinfo: "Page footer",
  complementary: "Sidebar",
};

/** Why a block-level element is page chrome rather than article, or null. Its class or id says more than its tag or role. */
function chromeReason(el: Element, tag: string): string | null {
  const id = el.getAttribute("id") ?? "";
  const names = `${el.getAttribute("class") ?? ""} ${isHeadingSlug(el, id) ? "" : id}`;
  const byName = names.trim() ? CHROME_CLASSES.find(([re]) => re.test(names))?.[1] : undefined;
  if (byName) return byName !== BYLINE_MARKUP || (el.textContent ?? "").length <= MAX_BYLINE ? byName : null;
  if (tag === "address" || el.getAttribute("rel") === "author" || el.getAttribute("itemprop") === "author") return BYLINE_MARKUP;
  return CHROME_TAGS[tag] ?? CHROME_ROLES[el.getAttribute("role") ?? ""] ?? null;
}

/**
 * An id made from the section's own heading ("sharing-with-a-single-developer", as documentation and blog
 * tools write them) names its topic, not its role: "sharing" there is no share bar.
 */
function isHeadingSlug(el: Element, id: string): boolean {
  const words = id.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length < 2) return false;
  const heading = el.querySelector("h1, h2, h3, h4, h5, h6");
  if (!heading) return false;
  const said = new Set((heading.textContent ?? "").toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return words.every((w) => said.has(w));
}

/** A block whose only content is a <time> element: a date line. (Only direct children are looked at: this runs for every block.) */
function isLoneTime(el: Element): boolean {
  const only = el.children.length === 1 ? el.children[0]! : null;
  return only !== null && only.tagName.toLowerCase() === "time" && normalizeText(only.textContent ?? "") === normalizeText(el.textContent ?? "");
}

/** A byline is a line: a long block with an "author" class is an article or a bio, not a byline. */
const MAX_BYLINE = 200;

/**
 * A block's reason: what its section says (a comment author inside the
 * comments is part of "Comments"), except an ad, which is an ad wherever it
 * sits (inside a navigation bar, a sidebar, the article).
 */
function blockReason(el: Element, tag: string, inherited: string | null): string | null {
  const own = chromeReason(el, tag) ?? (isLoneTime(el) ? BYLINE_MARKUP : null);
  return own === "Advertisement" ? own : (inherited ?? own);
}

/** Blocks of `root`, in document order. `markChrome` off for sources that are all article (Word files, reader-view output). */
export function blocksFromDom(root: Element, options: { markChrome?: boolean; hidden?: HiddenSelectors } = {}): DraftBlock[] {
  const out: DraftBlock[] = [];
  const markChrome = options.markChrome ?? true;
  const hidden = options.hidden ?? NO_HIDDEN_SELECTORS;
  let inline: string[] = [];
  let inlineKind: BlockKind = "paragraph";
  let inlineReason: string | null = null;

  const push = (kind: BlockKind, raw: string, reason: string | null) => {
    const text = normalizeText(raw);
    if (text) out.push({ kind, text, drop: reason !== null, reason });
  };
  const flush = () => {
    if (inline.length) push(inlineKind, inline.join(""), inlineReason);
    inline = [];
  };

  // Real pages nest a few dozen levels; a hostile one nests 100,000 and would overflow the stack here.
  // Past this depth a subtree's text is kept as one run instead of being walked element by element.
  const MAX_DEPTH = 200;
  const walk = (node: Node, kind: BlockKind, reason: string | null, depth = 0) => {
    if (depth > MAX_DEPTH) {
      if (inline.length === 0) {
        inlineKind = kind;
        inlineReason = reason;
      }
      inline.push(node.textContent ?? "");
      return;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (inline.length === 0) {
          inlineKind = kind;
          inlineReason = reason;
        }
        inline.push(child.nodeValue ?? "");
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      const tag = el.tagName.toLowerCase();
      if (SKIP.has(tag) || isRemoved(el)) continue;
      if (tag === "br") {
        inline.push(" ");
        continue;
      }
      const styledHidden = isStyledHidden(el, hidden);
      if (!BLOCK_LEVEL.has(tag)) {
        // A hidden word inside a shown sentence is not part of what the reader sees.
        if (!styledHidden || reason === HIDDEN_ON_PAGE) walk(el, kind, reason, depth + 1);
        continue;
      }
      flush();
      const ownReason = reason === HIDDEN_ON_PAGE || styledHidden ? HIDDEN_ON_PAGE : markChrome ? blockReason(el, tag, reason) : reason;
      // Paragraphs inside a list item or quote stay list item or quote.
      const childKind: BlockKind = HEADINGS.has(tag) ? "heading" : tag === "li" || tag === "dt" || tag === "dd" ? "list_item" : tag === "blockquote" ? "quote" : kind === "heading" ? "paragraph" : kind;
      walk(el, childKind, ownReason, depth + 1);
      flush();
    }
  };
  walk(root, "paragraph", null);
  flush();
  return out;
}
