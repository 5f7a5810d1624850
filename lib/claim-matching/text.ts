/**
 * Text as claim matching reads it, the same in the browser, the server and the training script: Unicode
 * folded (NFKD, accents off, curly apostrophes and quotes straight, case off), web clutter out (links,
 * "pic.twitter.com" images), words stemmed (Porter, the stemmer SQLite's index uses too).
 */
import { stemmer } from "stemmer";

/** Words that say nothing about what a claim is about: they are neither searched nor compared. */
const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does " +
    "doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my " +
    "of off on once only or other our out over own same she should so some such than that the their them then there these they this those " +
    "through to too under until up very was we were what when where which while who whom why will with would you your may might suggest suggests " +
    "suggested according however much many often potential potentially via amp rt"
  ).split(" "),
);

/** Words that turn a claim into its opposite. Never dropped as noise; matching labels a difference, it never penalises it. */
const NEGATIONS = new Set(["not", "no", "never", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "wouldnt", "shouldnt", "couldnt", "without", "nor", "neither", "none", "false", "fake", "hoax", "myth"]);

/** Folded for comparison: accents, case, apostrophe and quote variants, and compatibility forms (ﬁ, full-width) all read alike. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .toLowerCase();
}

/** Links and embedded-image addresses carry no claim. */
const CLUTTER = /\bhttps?:\/\/\S+|\bpic\.twitter\.com\/\S+|\bwww\.\S+/giu;

/**
 * Hashtags and handles read as the words they join: "#AustralianFires" as "Australian Fires", "@BetoORourke"
 * as "Beto O Rourke", "#Trump2020" as "Trump 2020" (the tag itself is kept too).
 */
export function expandTags(text: string): string {
  return text.replace(/[#@]([\p{L}\p{N}_]{3,})/gu, (tag, body: string) => {
    const parts = body
      .replace(/_/g, " ")
      .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1 $2")
      .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_m, a?: string, b?: string, c?: string, d?: string) => (a ? `${a} ${b}` : `${c} ${d}`));
    return parts.includes(" ") ? `${tag} ${parts}` : tag;
  });
}

const foldedWords = (text: string) => fold(expandTags(text).replace(CLUTTER, " ")).match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? [];

/** Words, folded, with inner apostrophes joined ("can't" and "can’t" both give "cant"): for comparing. */
export function words(text: string): string[] {
  return foldedWords(text).map((w) => w.replace(/'/g, ""));
}

/** Content words in order, once each: what the full-text query ORs together. */
export function searchTerms(text: string, max = 40): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const word of foldedWords(text)) {
    // Split at apostrophes as both indexes do ("O'Brien" is "o" and "brien" there).
    for (const part of word.split("'")) {
      if (part.length < 3 || STOPWORDS.has(part) || NEGATIONS.has(part) || seen.has(part)) continue;
      seen.add(part);
      out.push(part);
      if (out.length >= max) return out;
    }
  }
  return out;
}

export const stem = (word: string) => stemmer(word);

/** Stems of the content words (negations kept out: polarity is reported apart). */
export function stems(text: string): string[] {
  return words(text)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w) && !NEGATIONS.has(w))
    .map(stem);
}

/** Numbers as written, thousands separators and trailing zeros of decimals aside: "4,000" and "4000", "1.50" and "1.5". */
export function numbers(text: string): Set<string> {
  const found = text.replace(CLUTTER, " ").match(/\d+(?:,\d{3})*(?:\.\d+)?/g) ?? [];
  return new Set(found.map((n) => n.replace(/,/g, "").replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "")));
}

/**
 * Names: capitalised words not opening a sentence, acronyms, #hashtags and @handles, folded and stemmed. A
 * claim about "Trump" or "CDC" is about them, which plain word overlap weighs like any word.
 */
export function names(text: string): Set<string> {
  const out = new Set<string>();
  const clean = expandTags(text).replace(CLUTTER, " ");
  for (const m of clean.matchAll(/(^|[.!?]\s+|\s|["'(\u201c])([#@]?)(\p{Lu}[\p{L}\p{N}'’-]*)/gu)) {
    const sentenceStart = m.index === 0 || /[.!?]\s+$/.test(m[1]!);
    const word = m[3]!;
    const acronym = word.length > 1 && word === word.toUpperCase();
    if ((m[2] || acronym || !sentenceStart) && !STOPWORDS.has(fold(word))) out.add(stem(fold(word).replace(/['’-]/g, "")));
  }
  return out;
}

/** Whether the text denies rather than asserts ("does not cause", "isn't", "no evidence"). */
export function isNegated(text: string): boolean {
  return words(text).some((w) => NEGATIONS.has(w));
}
