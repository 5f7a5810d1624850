/**
 * Heuristics that pre-mark blocks which are probably not article text: site
 * navigation, bylines, comment prompts, "related posts", share and subscribe
 * prompts, copyright lines, ads, tags, and spam injected into a page (a line
 * in another script with a promotional phrase, like the last line of
 * fixtures/articles/kratom-combating-withdrawal-news.txt). They only
 * pre-mark: the reviewer sees the reason and can keep the block.
 * Short blocks only (≤ SHORT): a long paragraph that happens to start with
 * "Related" is article text.
 */
import { OUTSIDE_READER_VIEW, type DraftBlock } from "../../lib/import-draft";

const SHORT = 160;

type Rule = { reason: string; test: (text: string, context: RuleContext) => boolean };
type RuleContext = { title: string; script: ScriptName | null; index: number; kind: DraftBlock["kind"] };

const NAV_WORDS = new Set(["home", "news", "blog", "about", "about us", "contact", "contact us", "shop", "store", "menu", "search", "login", "log in", "sign in", "register", "categories", "category", "archives", "health", "sports", "business", "opinion", "world", "politics", "subscribe", "faq", "privacy", "privacy policy", "terms"]);

const simplify = (s: string) => s.toLowerCase().replace(/[\s\u00a0]+/g, " ").replace(/[“”"'’.:!?|›»>/\\-]+$/g, "").trim();

/** "Home News Blog", "Home › News › The title", "Home | Shop" */
function isNavigation(text: string, ctx: RuleContext): boolean {
  // A breadcrumb trail: "Home › Health › Anything".
  if (/^home\s*[›»>/|]/i.test(text.trim()) && text.length < 120) return true;
  const t = simplify(text);
  const title = simplify(ctx.title);
  const rest = title && t.endsWith(title) ? t.slice(0, t.length - title.length) : t;
  const words = rest.split(/\s*[|›»>/·•]\s*|\s+/).filter(Boolean);
  if (words.length === 0 || (rest === t && words.length < 2)) return false;
  // Every word is a navigation word (allowing two-word ones like "contact us").
  const joined = words.join(" ");
  let remaining = joined;
  for (const w of [...NAV_WORDS].sort((a, b) => b.length - a.length)) remaining = remaining.split(w).join(" ");
  return remaining.trim() === "" && words[0] === "home";
}

const RULES: Rule[] = [
  { reason: "Site navigation", test: isNavigation },
  // Paragraphs only: a document's own heading stays (the reviewer may want it), a stray title line does not.
  { reason: "Repeats the title (kept as metadata)", test: (t, c) => c.kind !== "heading" && c.title !== "" && simplify(t) === simplify(c.title) },
  { reason: "Byline (the author is metadata)", test: (t) => /^(by|posted by|written by|author:?)\s+[\p{L}.' -]{2,60}$/iu.test(t) && t.split(/\s+/).length <= 6 },
  { reason: "Date line (the date is metadata)", test: (t) => /^(published|posted|updated)( on)?:?\s+[\w ,.:/-]{4,40}$/i.test(t) },
  { reason: "Comment prompt", test: (t) => /^(leave a (comment|reply)|post a comment|add a comment|\d+ (comments?|replies)|comments( \(\d+\))?|no comments yet|cancel reply|reply)\.?$/i.test(t.trim()) },
  { reason: "Related posts list", test: (t) => /^(related( posts| articles| stories| content)?|you (may|might) also like|read (more|next|also)|more (from|stories|articles)|recommended( for you)?|popular posts|recent posts|trending)\b/i.test(t) },
  { reason: "Share or follow prompt", test: (t) => /^(share( this( article| post)?)?:?|share on|follow us|tweet|like us on)\b/i.test(t) },
  { reason: "Newsletter or subscription prompt", test: (t) => /\b(subscribe|newsletter|sign up for|get our)\b/i.test(t) },
  { reason: "Copyright or footer", test: (t) => /^(©|\(c\)|copyright\b)|all rights reserved|powered by (wordpress|blogger|ghost)/i.test(t) },
  { reason: "Advertisement", test: (t) => /^(advertisement|sponsored( content)?|ad:|promoted|paid content)\b/i.test(t) },
  { reason: "Tags or categories", test: (t) => /^(tags?|categories|category|filed under|posted in):?\s/i.test(t) },
  { reason: "Cookie notice", test: (t) => /\bcookies?\b/i.test(t) && /\b(accept|consent|we use)\b/i.test(t) },
  { reason: "Looks like spam inserted into the page", test: isSpam },
  { reason: "No words (decoration)", test: (t) => !/[\p{L}\p{N}]/u.test(t) },
];

const PROMO = /\b(contact us( anytime)?|click here|visit (our|my) (site|website)|buy now|call now|whatsapp|telegram|casino|escort|massage|viagra|cheap\b|discount code|for (more|me) information on)\b|출장|안마|마사지/i;

type ScriptName = "Latin" | "Cyrillic" | "Greek" | "Hangul" | "Han" | "Hiragana" | "Katakana" | "Thai" | "Arabic" | "Hebrew" | "Devanagari";
const SCRIPTS: ScriptName[] = ["Latin", "Cyrillic", "Greek", "Hangul", "Han", "Hiragana", "Katakana", "Thai", "Arabic", "Hebrew", "Devanagari"];
const SCRIPT_RE = Object.fromEntries(SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, "gu")])) as Record<ScriptName, RegExp>;

/** The writing system most letters of `text` belong to. */
export function dominantScript(text: string): ScriptName | null {
  let best: ScriptName | null = null;
  let most = 0;
  for (const s of SCRIPTS) {
    const n = text.match(SCRIPT_RE[s])?.length ?? 0;
    if (n > most) [best, most] = [s, n];
  }
  return best;
}

/** A short block with a promotional phrase, or with a run of letters in a script foreign to the article. */
function isSpam(text: string, ctx: RuleContext): boolean {
  const promo = PROMO.test(text);
  const foreign = ctx.script !== null && SCRIPTS.some((s) => s !== ctx.script && !(ctx.script === "Han" || s === "Han") && (text.match(SCRIPT_RE[s])?.length ?? 0) >= 3);
  return promo && (foreign || /https?:\/\/|www\./i.test(text) || /\b(contact us anytime|for me information)\b/i.test(text));
}

/** The first rule `text` breaks, or null. Exported for the plain-text splitter. */
export function boilerplateReason(text: string, ctx: Partial<RuleContext> = {}): string | null {
  const full: RuleContext = { title: ctx.title ?? "", script: ctx.script ?? "Latin", index: ctx.index ?? 0, kind: ctx.kind ?? "paragraph" };
  if (text.length > SHORT) return null;
  return RULES.find((r) => r.test(text, full))?.reason ?? null;
}

/**
 * Pre-marks boilerplate. Blocks already marked (e.g. outside the reader
 * view's article) keep their reason. `title` is the article title, so a
 * repeated title line and a breadcrumb ending in it are recognised.
 */
export function markBoilerplate(blocks: DraftBlock[], title: string): DraftBlock[] {
  const script = dominantScript(blocks.filter((b) => !b.drop).map((b) => b.text).join(" ").slice(0, 20_000));
  return blocks.map((b, index) => {
    // A more specific reason beats the reader view's "outside the article".
    if (b.drop && b.reason !== OUTSIDE_READER_VIEW) return b;
    const reason = boilerplateReason(b.text, { title, script, index, kind: b.kind });
    return reason ? { ...b, drop: true, reason } : b;
  });
}
