/**
 * Which elements a browser would not show. Pages keep hidden copies of
 * their paragraphs (mobile and desktop variants, "read more" expansions,
 * text for scripts to reveal): a reader never sees them, so the import must
 * not take them as article text. Hidden means: the `hidden` attribute,
 * aria-hidden="true", an inline style with display:none or
 * visibility:hidden, or a class or id that the page's own <style> sheets
 * hide. External style sheets are not fetched: only what the page carries
 * can be read.
 */

/** Shown to the reviewer on blocks that were hidden on the page. */
export const HIDDEN_ON_PAGE = "Hidden on the page";

export type HiddenSelectors = { classes: Set<string>; ids: Set<string> };

export const NO_HIDDEN_SELECTORS: HiddenSelectors = { classes: new Set(), ids: new Set() };

/** A page's style text beyond this is not read: hiding rules sit in the first sheets, and the regexes stay cheap. */
const MAX_CSS = 400_000;
const HIDING = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important)?\s*(;|$)/i;
const INLINE_HIDING = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

/**
 * The classes and ids that the page's inline <style> sheets hide with a rule
 * of their own (`.x { display: none }`, `.a, #b { visibility: hidden }`).
 * Rules inside @media, @supports and the like are ignored: they hide only on
 * some screens or printers. Compound selectors (`.menu .x`, `.x:hover`,
 * `.open .x`) are ignored too: they hide only in some state or place.
 */
export function hiddenSelectorsFromHtml(html: string): HiddenSelectors {
  const found: HiddenSelectors = { classes: new Set(), ids: new Set() };
  // indexOf, not a lazy regex: a hostile page with thousands of unclosed <style> tags would make the regex quadratic.
  const lower = html.toLowerCase();
  let css = "";
  for (let at = lower.indexOf("<style"); at >= 0 && css.length <= MAX_CSS; at = lower.indexOf("<style", at + 1)) {
    const open = lower.indexOf(">", at);
    const close = open < 0 ? -1 : lower.indexOf("</style", open);
    if (close < 0) break;
    css += `${html.slice(open + 1, close)}\n`;
    at = close;
  }
  if (!css) return found;
  css = withoutAtBlocks(css.slice(0, MAX_CSS).replace(/\/\*[\s\S]*?\*\//g, ""));
  for (const rule of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!HIDING.test(rule[2]!)) continue;
    for (const selector of rule[1]!.split(",")) {
      const simple = /^\s*([.#])([\w-]+)\s*$/.exec(selector);
      if (simple) (simple[1] === "." ? found.classes : found.ids).add(simple[2]!);
    }
  }
  return found;
}

/** CSS with every @-block (and what it nests) taken out, by counting braces. */
function withoutAtBlocks(css: string): string {
  let out = "";
  let i = 0;
  while (i < css.length) {
    const at = css.indexOf("@", i);
    if (at < 0) return out + css.slice(i);
    out += css.slice(i, at);
    const open = css.indexOf("{", at);
    const semi = css.indexOf(";", at);
    // "@import …;" and "@charset …;" have no block.
    if (open < 0 || (semi >= 0 && semi < open)) {
      i = semi < 0 ? css.length : semi + 1;
      continue;
    }
    let depth = 0;
    let j = open;
    for (; j < css.length; j++) {
      if (css[j] === "{") depth++;
      else if (css[j] === "}" && --depth === 0) break;
    }
    i = j + 1;
  }
  return out;
}

/**
 * Hidden for certain and nothing to show: the `hidden` attribute and
 * aria-hidden="true" (icons, screen-reader-silenced duplicates). Their text is
 * not taken at all.
 */
export function isRemoved(el: Element): boolean {
  return el.getAttribute("hidden") !== null || el.getAttribute("aria-hidden") === "true";
}

/**
 * Hidden by style: the text is taken but left out with HIDDEN_ON_PAGE, since
 * some pages hide the rest of an article behind a "read more" switch and the
 * reviewer may want it back. (Its ancestors are the caller's business.)
 */
export function isStyledHidden(el: Element, selectors: HiddenSelectors): boolean {
  const style = el.getAttribute("style");
  if (style && INLINE_HIDING.test(style)) return true;
  if (selectors.classes.size) {
    const classes = (el.getAttribute("class") ?? "").split(/\s+/);
    if (classes.some((c) => c && selectors.classes.has(c))) return true;
  }
  const id = el.getAttribute("id");
  return id !== null && selectors.ids.has(id);
}
