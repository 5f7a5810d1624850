/**
 * Markdown import: turns a markdown document into canonical blocks
 * (DESIGN.md, "Canonical text"). Only the visible text survives — the
 * reviewer UI and the public page render from blocks, so no markup (and
 * in particular no raw HTML) from the source ever reaches the DOM.
 *
 * Runs on server and client alike: no DOM, no node-only APIs.
 */
import { marked, type Token, type Tokens } from "marked";
import { normalizeBlocks, type Block, type BlockKind } from "./anchoring/text";

/**
 * Named entities we decode ourselves. marked already decodes numeric
 * references (`&#x1F600;`) but leaves named ones for the HTML renderer,
 * and we have no DOM to lean on on the server. This covers what editors
 * and CMS exports produce in practice; anything unknown is kept verbatim,
 * which is at worst ugly, never lossy.
 */
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0",
  ndash: "\u2013", mdash: "\u2014", hellip: "\u2026", minus: "\u2212",
  lsquo: "\u2018", rsquo: "\u2019", sbquo: "\u201a", ldquo: "\u201c", rdquo: "\u201d", bdquo: "\u201e",
  laquo: "\u00ab", raquo: "\u00bb", lsaquo: "\u2039", rsaquo: "\u203a",
  copy: "\u00a9", reg: "\u00ae", trade: "\u2122", deg: "\u00b0", plusmn: "\u00b1",
  times: "\u00d7", divide: "\u00f7", middot: "\u00b7", bull: "\u2022", sect: "\u00a7", para: "\u00b6",
  euro: "\u20ac", pound: "\u00a3", yen: "\u00a5", cent: "\u00a2", permil: "\u2030",
  frac12: "\u00bd", frac14: "\u00bc", frac34: "\u00be", sup2: "\u00b2", sup3: "\u00b3",
  micro: "\u00b5", shy: "\u00ad", zwj: "\u200d", zwnj: "\u200c", thinsp: "\u2009",
  ensp: "\u2002", emsp: "\u2003", iexcl: "\u00a1", iquest: "\u00bf", lrm: "\u200e", rlm: "\u200f",
};

/**
 * Decodes HTML character references (named from the table above, decimal
 * and hex numeric). Invalid code points become U+FFFD as browsers do.
 */
export function decodeEntities(s: string): string {
  return s.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g, (whole, dec, hex, name) => {
    if (name !== undefined) return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, name) ? NAMED_ENTITIES[name] : whole;
    const cp = dec !== undefined ? parseInt(dec, 10) : parseInt(hex, 16);
    const valid = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
    return valid ? String.fromCodePoint(cp) : "\ufffd";
  });
}

/**
 * Visible text of a raw HTML fragment: comments and the contents of
 * script/style/template are dropped entirely (never visible), other tags
 * are removed, block-level boundaries become line breaks so
 * `htmlBlockParagraphs` can split on them.
 */
function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
      .replace(/<(script|style|template|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, "")
      .replace(/<\/?(?:p|div|section|article|header|footer|h[1-6]|li|ul|ol|blockquote|pre|table|tr|figure|figcaption)\b[^>]*>|<br\s*\/?>/gi, "\n\n")
      .replace(/<\/?[a-zA-Z][^>]*>|<![^>]*>|<\?[\s\S]*?\?>/g, ""),
  );
}

/** Splits a raw HTML block into paragraphs at block-level tag boundaries. */
function htmlBlockParagraphs(html: string): string[] {
  return htmlToText(html).split(/\n\s*\n/);
}

/**
 * Visible text of inline tokens: links keep their text, emphasis and
 * strike-through keep their content, inline HTML tags are dropped (their
 * inner text arrives as sibling text tokens), images are dropped (alt text
 * is not part of the prose a reviewer quotes), hard breaks become spaces.
 */
function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return "";
  let out = "";
  for (const t of tokens) {
    switch (t.type) {
      case "text":
        // Block-level "text" tokens (tight list items) carry inline children.
        out += "tokens" in t && t.tokens && t.tokens.length > 0 ? inlineText(t.tokens) : decodeEntities((t as Tokens.Text).text);
        break;
      case "escape":
        out += (t as Tokens.Escape).text;
        break;
      case "codespan":
        // Entities inside code spans are literal text in markdown: `&amp;` shows as "&amp;".
        out += (t as Tokens.Codespan).text;
        break;
      case "br":
        out += " ";
        break;
      case "html":
        out += htmlToText((t as Tokens.HTML).text).replace(/\n/g, " ");
        break;
      case "image":
      case "checkbox":
        break;
      default:
        // strong, em, del, link and unknown extension tokens: keep their children's text.
        if ("tokens" in t && Array.isArray(t.tokens)) out += inlineText(t.tokens as Token[]);
        else if ("text" in t && typeof t.text === "string") out += decodeEntities(t.text);
    }
  }
  return out;
}

/**
 * Walks block tokens, appending blocks to `out`. `inQuote` turns every
 * text-bearing block inside a blockquote into a "quote" so the public page
 * can show that the source was quoting someone else.
 */
function walk(tokens: Token[], out: Block[], inQuote: boolean): void {
  const kind = (k: BlockKind): BlockKind => (inQuote ? "quote" : k);
  for (const t of tokens) {
    switch (t.type) {
      case "heading":
        out.push({ kind: kind("heading"), text: inlineText((t as Tokens.Heading).tokens) });
        break;
      case "paragraph":
        out.push({ kind: kind("paragraph"), text: inlineText((t as Tokens.Paragraph).tokens) });
        break;
      case "text":
        out.push({ kind: kind("paragraph"), text: inlineText([t]) });
        break;
      case "code":
        // Code is shown as plain text; whitespace collapses like everywhere else.
        out.push({ kind: kind("paragraph"), text: (t as Tokens.Code).text });
        break;
      case "blockquote":
        walk((t as Tokens.Blockquote).tokens, out, true);
        break;
      case "list":
        for (const item of (t as Tokens.List).items) walkListItem(item, out, inQuote);
        break;
      case "html":
        for (const p of htmlBlockParagraphs((t as Tokens.HTML).text)) out.push({ kind: kind("paragraph"), text: p });
        break;
      case "table": {
        // One block per row; cells separated by " | " so numbers in adjacent cells don't fuse.
        const table = t as Tokens.Table;
        for (const row of [table.header, ...table.rows]) {
          out.push({ kind: kind("paragraph"), text: row.map((cell) => inlineText(cell.tokens)).join(" | ") });
        }
        break;
      }
      default:
        // space, hr, def and unknown extensions carry no prose.
        break;
    }
  }
}

/**
 * One "list_item" block for the item's own text (all its paragraphs
 * joined), then its nested lists flattened after it in document order.
 * Quotes inside a list item become their own "quote" blocks.
 */
function walkListItem(item: Tokens.ListItem, out: Block[], inQuote: boolean): void {
  const own: string[] = [];
  const nested: Block[] = [];
  for (const child of item.tokens) {
    if (child.type === "list") for (const sub of (child as Tokens.List).items) walkListItem(sub, nested, inQuote);
    else if (child.type === "blockquote") walk((child as Tokens.Blockquote).tokens, nested, true);
    else if (child.type === "code") own.push((child as Tokens.Code).text);
    else if (child.type === "html") own.push(htmlToText((child as Tokens.HTML).text));
    else if ("tokens" in child && Array.isArray(child.tokens)) own.push(inlineText(child.tokens as Token[]));
    else if (child.type === "text") own.push(decodeEntities((child as Tokens.Text).text));
  }
  out.push({ kind: inQuote ? "quote" : "list_item", text: own.join(" ") });
  out.push(...nested);
}

/**
 * Parses markdown into normalized blocks: headings → "heading",
 * paragraphs → "paragraph", each list item (nested lists flattened) →
 * "list_item", blockquote content → "quote", code blocks and table rows →
 * "paragraph". Inline markup is reduced to its visible text.
 */
export function blocksFromMarkdown(raw: string): Block[] {
  // marked normalizes line endings too, but doing it first keeps the
  // contract independent of marked's version.
  const src = raw.replace(/\r\n?/g, "\n");
  if (src.trim() === "") return [];
  const out: Block[] = [];
  walk(marked.lexer(src, { gfm: true }), out, false);
  return normalizeBlocks(out);
}
