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

export const BYLINE = "Byline (the author is metadata)";
export const DATE_LINE = "Date line (the date is metadata)";

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
  { reason: BYLINE, test: isByline },
  { reason: DATE_LINE, test: isDateLine },
  { reason: "Reading time", test: (t) => /^(\d+\s*(min(ute)?s?|mins?)\.?\s+read|reading time:?\s+\d+\s*(min(ute)?s?)?)$/i.test(t.trim()) },
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

const MONTH = "jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?";
const WEEKDAY = "mon(day)?|tue(s|sday)?|wed(nesday)?|thu(rs|rsday)?|fri(day)?|sat(urday)?|sun(day)?";
/** A calendar date in any of the common spellings: "March 3, 2024", "3 Mar 2024", "2024-03-03", "03/03/2024". */
export const DATE = new RegExp(`\\b((${MONTH})\\.?\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(st|nd|rd|th)?\\s+(${MONTH})\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4})\\b`, "i");
/** Words that may stand around a date on a date line. */
const DATE_WORDS = new RegExp(`\\b(${MONTH}|${WEEKDAY}|published|posted|updated|last|first|modified|reviewed|on|at|am|pm|a\\.m|p\\.m|gmt|utc|bst|cet|cest|et|edt|est|pt|pdt|pst|ist|today|ago|hours?|minutes?|days?)\\b|[\\d:,./|•·–—()-]+`, "gi");

/**
 * "By Jane Doe", "By JANE DOE and John Roe, Reuters", "Medically reviewed by
 * Dr. A. Smith, MD", "Jane Doe | March 3, 2024". The name after "by" starts
 * with a capital, so "By 2020, kratom was banned" and "by clicking" stay.
 */
function isByline(text: string): boolean {
  const t = text.trim();
  if (t.length > 140) return false;
  const by = /^(by|posted by|written by|words by|story by|reported by|authors?:|(medically |expert )?reviewed by|fact[- ]checked by)\s+(.*)$/i.exec(t);
  // Every word a name, a connective or a role, and no sentence in it.
  // A one- or two-word name in any case: "by admin", "Posted by jane doe".
  if (/^(by|posted by|written by|author:?)\s+[\p{L}.'-]{2,30}(\s[\p{L}.'-]{2,30})?$/iu.test(t)) return true;
  if (by) return /^\p{Lu}/u.test(by[3]!) && !/[.!?]\s+\p{Ll}/u.test(by[3]!) && by[3]!.split(/\s+/).length <= 16;
  // A name and a date and nothing else: "Jane Doe | March 3, 2024".
  if (!DATE.test(t) || t.length > 90) return false;
  const rest = t.replace(DATE, " ").replace(DATE_WORDS, " ").trim().split(/\s+/).filter(Boolean);
  return rest.length >= 2 && rest.length <= 5 && rest.every((w) => /^\p{Lu}/u.test(w) || /^(and|&|de|van|von|der|la)$/i.test(w));
}

/** "Published March 3, 2024", "Updated 10:32 GMT, 3 March 2024", "Tue 3 Mar 2024". */
function isDateLine(text: string): boolean {
  const t = text.trim();
  if (t.length > 80 || !(DATE.test(t) || (/^(published|posted|updated|last updated|modified)\b/i.test(t) && /\d/.test(t)))) return false;
  const rest = t.replace(DATE, " ").replace(DATE_WORDS, " ").trim();
  return rest === "" || (/^(published|posted|updated|last updated|modified)\b/i.test(t) && rest.split(/\s+/).length <= 2);
}

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
