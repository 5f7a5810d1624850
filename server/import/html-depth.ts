/**
 * How deeply an HTML string nests, estimated in one pass over the text,
 * before any parser sees it. Why: linkedom takes quadratic time on deep
 * nesting (100,000 nested <div>s: ~20 s) and Readability then recurses past
 * the stack limit, so one hostile upload or page could stall or crash an
 * import. Real articles nest a few dozen levels.
 *
 * The estimate counts open minus close tags, ignoring void elements and
 * elements whose end tag is optional (p, li, td…, which parsers close
 * implicitly), so it never undercounts hostile input by much and does not
 * overcount ordinary sloppy HTML.
 */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "command"]);
const OPTIONAL_END = new Set(["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body"]);
// Raw-text elements: their content is not markup, so tags inside must not count.
const RAW_TEXT = /<(script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

// Readability is superlinear in depth too: 900 levels took ~30 s, 250 take well under a second.
export const MAX_HTML_DEPTH = 256;

export function estimatedHtmlDepth(html: string): number {
  const text = html.replace(/<!--[\s\S]*?-->/g, "").replace(RAW_TEXT, "");
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const name = m[2]!.toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name) || m[3] === "/") continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}
