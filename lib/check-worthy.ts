/**
 * Check-worthy suggestions: which sentences likely hold a factual claim worth
 * checking. Transparent rules, no model: each rule that fires adds (or takes
 * away) weight and, when it adds, a reason the reviewer can read. Runs in the
 * browser on the snapshot's blocks, so nothing is stored but dismissals.
 *
 * Evaluated against a hand-labelled set of every sentence in the five demo
 * articles (fixtures/evaluation/check-worthy.json; lib/check-worthy.test.ts
 * reports precision, recall and F1 and holds a floor).
 */
import { sentenceSpans } from "./sentences";
import type { Block } from "./anchoring/text";

export type Suggestion = { start: number; end: number; text: string; score: number; reasons: string[] };

type Rule = { test: RegExp; weight: number; reason?: string };

const HEALTH = String.raw`(?:pain|symptoms?|withdrawal|cravings?|sleep|insomnia|anxiety|depression|hair|addiction|dependen\w*|heart|liver|nausea|side effects?|sedation|mood|analgesic|inflammat\w*|aches?|euphoria|discomfort|distress|relief|shedding)`;

const RULES: Rule[] = [
  // Evidence and authority
  { test: /\b(stud(?:y|ies)|research|trials?|surveys?)\b[^.]{0,40}\b(suggests?|shows?|found|finds|indicates?|demonstrates?)\b/i, weight: 0.55, reason: "cites research" },
  { test: /\b(NIDA|FDA|CDC|WHO|National Institute|experts?|scientists?|doctors?)\b[^.]{0,60}\b(states?|says?|said|argues?|warns?|reports?|found)\b/, weight: 0.6, reason: "attributed to an authority" },
  { test: /\b(users|individuals|people)\s+(report|reported|say)\b[^.]{0,80}\b(improv|reduc|relie|alleviat|help|side effects?|hair loss|nausea)/i, weight: 0.35, reason: "reported effect" },
  // What the sentence asserts
  { test: /\d+\s?%|\b\d[\d,.]*\s?(?:-|–|to)\s?\d+\s?(?:hours?|days?|weeks?|years?)\b|\b(millions?|thousands?|billions?)\b/i, weight: 0.6, reason: "statistic" },
  { test: /\b(receptors?|alkaloids?|mitragynine|7-hydroxymitragynine|agonists?|compounds?)\b/i, weight: 0.45, reason: "pharmacological mechanism" },
  {
    test: new RegExp(
      String.raw`\b(causes?|causing|lead(?:s)? to|reduc\w*|alleviat\w*|reliev\w*|mitigat\w*|improv\w*|prevent\w*|treat\w*|eas(?:e|es|ing)|worsen\w*|exacerbat\w*|stimulat\w*|binds?|produc\w*|promot\w*|enhanc\w*|support\w*|offer\w*|provid\w*|aids?|manag\w*)\b[^.]{0,70}\b${HEALTH}`,
      "i",
    ),
    weight: 0.45,
    reason: "causal health effect",
  },
  { test: /\b(side effects?|adverse effects?|risks?|potential for abuse|liver damage|increased heart rate|hair loss)\b/i, weight: 0.45, reason: "health risk" },
  { test: /\b(traditionally used|medicinal properties|attributed to|known for|opioid-like|said to|purported)\b/i, weight: 0.3, reason: "claim about effects" },
  { test: /\b(than|similar to|compared (?:to|with)|like (?:traditional|prescription|other) opioids|as (?:traditional|prescription) opioids|prescription (?:opioids|painkillers)|traditional opioids)\b/i, weight: 0.3, reason: "comparison with opioids or medicines" },
  { test: /\b(not a cure|isn['’]t a cure|cures?|safer|safe and holistic|lower risk)\b/i, weight: 0.35, reason: "cure or safety claim" },
  // What makes a sentence not worth checking
  { test: /\b(should|consult\w*|seek\w*|always|ensure|be used responsibly|under professional|exercise caution|approach (?:its|kratom|this)[^.]{0,30}caution)\b/i, weight: -0.45 },
  { test: /\b(it['’]s|it is|are|is) (?:crucial|essential|important|paramount|vital)\b(?! to (?:note|understand|recognize|consider)\b)/i, weight: -0.3 },
  { test: /\b(this article|in this article|this guide|we['’]ll|we will|we explore|delves?|learn how|discover|it addresses|while exploring|understanding both)\b/i, weight: -0.7 },
  // Anecdotes that cancel out ("some say it helps, while others…") assert nothing checkable.
  { test: /\bwhile others\b|\bsome (?:individuals|users|people) claim\b/i, weight: -0.35 },
  { test: /\b(more|further) research is needed|research (?:is|remains) (?:limited|needed)|(?:is|remains|still) (?:under debate|controversial|a topic of debate|debated)|studies [^.]{0,30}are limited|does not provide (?:substantial|solid) evidence/i, weight: -0.6 },
  { test: /\b(gained (?:increasing )?attention|gaining traction|game-changer)\b/i, weight: -0.25 },
  { test: /\?\s*$/, weight: -0.8 },
];

/** Share of the full weight a sentence needs to be suggested; chosen on the evaluation set (see the test for the figures). */
export const SUGGESTION_THRESHOLD = 0.5;

/**
 * A section title or table-of-contents entry that came in as a paragraph
 * (plain-text files have no heading markup): Title Case with no closing
 * punctuation. It names a topic; it asserts nothing.
 */
function isTitleLine(text: string): boolean {
  if (/[.!?:;"”’)]\s*$/.test(text)) return false;
  const words = text.replace(/^[-*•]\s+/, "").split(/\s+/).filter((w) => w.length > 3);
  return words.length > 0 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.6;
}

/** Scores one sentence: 0..1 with the reasons that raised it. */
export function scoreSentence(text: string): { score: number; reasons: string[] } {
  const words = text.split(/\s+/).length;
  if (words < 6 || isTitleLine(text)) return { score: 0, reasons: [] };
  let sum = 0;
  const reasons: string[] = [];
  for (const rule of RULES) {
    if (!rule.test.test(text)) continue;
    sum += rule.weight;
    if (rule.reason) reasons.push(rule.reason);
  }
  // Squash to 0..1 so strong evidence saturates instead of piling up.
  const score = sum <= 0 ? 0 : Math.round((1 - Math.exp(-1.6 * sum)) * 100) / 100;
  return { score, reasons };
}

/** Check-worthy sentences of a snapshot (canonical code-point spans), best first within reading order untouched. */
export function suggestCheckWorthy(blocks: Block[], threshold = SUGGESTION_THRESHOLD): Suggestion[] {
  const out: Suggestion[] = [];
  for (const s of sentenceSpans(blocks)) {
    const { score, reasons } = scoreSentence(s.text);
    if (score >= threshold) out.push({ start: s.start, end: s.end, text: s.text, score, reasons });
  }
  return out;
}

/** A reason list for people: "cites research, statistic". */
export function describeReasons(reasons: string[]): string {
  return reasons.length ? reasons.join(", ") : "factual wording";
}
