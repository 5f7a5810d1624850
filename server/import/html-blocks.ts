/**
 * HTML → draft blocks, by walking a DOM (linkedom on the server; any DOM
 * works). Headings, paragraphs, list items and quotes become blocks;
 * inline markup is flattened to its text; scripts, styles, forms, frames
 * and media contribute nothing. Text inside site chrome (nav, header,
 * footer, aside, comment sections, ads — by element or by class/id) is
 * kept but pre-marked with the reason, for the reviewer to confirm.
 */
import { normalizeText, type BlockKind } from "@/lib/anchoring/text";
import type { DraftBlock } from "../../lib/import-draft";

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
  [/(^|[\s_-])(nav|navbar|menu|breadcrumbs?)([\s_-]|$)/i, "Site navigation"],
  [/(^|[\s_-])(comments?|respond|disqus)([\s_-]|$)/i, "Comments"],
  [/(^|[\s_-])(related|recommended|more-stories|read-more)([\s_-]|$)/i, "Related posts"],
  [/(^|[\s_-])(share|sharing|social)([\s_-]|$)/i, "Share buttons"],
  [/(^|[\s_-])(ad|ads|advert|advertisement|banner|sponsor|promo)([\s_-]|$)/i, "Advertisement"],
  [/(^|[\s_-])(sidebar|widget)([\s_-]|$)/i, "Sidebar"],
  [/(^|[\s_-])(footer|site-footer|copyright)([\s_-]|$)/i, "Page footer"],
  [/(^|[\s_-])(newsletter|subscribe|signup)([\s_-]|$)/i, "Newsletter prompt"],
  [/(^|[\s_-])(cookie|consent|gdpr)([\s_-]|$)/i, "Cookie notice"],
];

/** Why an element is page chrome rather than article, or null. */
function chromeReason(el: Element): string | null {
  const tag = el.tagName.toLowerCase();
  if (CHROME_TAGS[tag]) return CHROME_TAGS[tag];
  const role = el.getAttribute("role");
  if (role === "navigation" || role === "banner" || role === "contentinfo" || role === "complementary") return "Site navigation";
  const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
  if (!names.trim()) return null;
  return CHROME_CLASSES.find(([re]) => re.test(names))?.[1] ?? null;
}

/** Blocks of `root`, in document order. `markChrome` off for sources that are all article (Word files, reader-view output). */
export function blocksFromDom(root: Element, options: { markChrome?: boolean } = {}): DraftBlock[] {
  const out: DraftBlock[] = [];
  const markChrome = options.markChrome ?? true;
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
      if (SKIP.has(tag) || el.getAttribute("hidden") !== null || el.getAttribute("aria-hidden") === "true") continue;
      if (tag === "br") {
        inline.push(" ");
        continue;
      }
      const ownReason = reason ?? (markChrome ? chromeReason(el) : null);
      if (!BLOCK_LEVEL.has(tag)) {
        walk(el, kind, ownReason === reason ? reason : ownReason, depth + 1);
        continue;
      }
      flush();
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
