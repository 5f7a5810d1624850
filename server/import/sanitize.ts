/**
 * The sanitized copy of an imported page, kept for the "as imported" view.
 * An allowlist (sanitize-html): structure and text only. Scripts, styles,
 * event handlers, frames, forms, embedded media and every URL scheme but
 * http/https are gone; images too, because loading them would tell the
 * source site who is reading. The view also renders it in a sandboxed
 * frame, so a sanitizer miss still cannot run script.
 */
import sanitizeHtml from "sanitize-html";

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "article", "section", "header", "footer", "main", "nav", "aside", "div", "span",
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
    "ul", "ol", "li", "dl", "dt", "dd", "a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark", "abbr", "cite", "q", "time",
    "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
  ],
  allowedAttributes: { a: ["href", "title", "rel", "target"], time: ["datetime"], abbr: ["title"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan", "scope"] },
  allowedSchemes: ["http", "https"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Dropped with their contents (not just unwrapped): their text is code or UI, never article.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object", "embed", "svg", "math", "form", "button", "select", "title", "head"],
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
  },
};

/** Sanitized HTML, at most `maxChars` characters of input considered. */
export function sanitizeImportedHtml(html: string, maxChars = 3_000_000): string {
  return sanitizeHtml(html.slice(0, maxChars), OPTIONS);
}
