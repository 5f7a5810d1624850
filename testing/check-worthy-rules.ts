/**
 * The hand-written check-worthy rules the workspace suggested with before the trained model
 * (lib/check-worthy-model.ts) replaced them, kept unchanged for one purpose: the bench's comparison row
 * (`npm run bench -- check-worthy`). They were written on the five demo articles, so their figures there are
 * not a held-out result. Reasons are left out: the bench only needs the score.
 */
type Rule = { test: RegExp; weight: number };

const HEALTH = String.raw`(?:pain|symptoms?|withdrawal|cravings?|sleep|insomnia|anxiety|depression|hair|addiction|dependen\w*|heart|liver|nausea|side effects?|sedation|mood|analgesic|inflammat\w*|aches?|euphoria|discomfort|distress|relief|shedding)`;

const RULES: Rule[] = [
  // Evidence and authority
  { test: /\b(stud(?:y|ies)|research|trials?|surveys?)\b[^.]{0,40}\b(suggests?|shows?|found|finds|indicates?|demonstrates?)\b/i, weight: 0.55 },
  { test: /\b(NIDA|FDA|CDC|WHO|National Institute|experts?|scientists?|doctors?)\b[^.]{0,60}\b(states?|says?|said|argues?|warns?|reports?|found)\b/, weight: 0.6 },
  { test: /\b(users|individuals|people)\s+(report|reported|say)\b[^.]{0,80}\b(improv|reduc|relie|alleviat|help|side effects?|hair loss|nausea)/i, weight: 0.35 },
  // What the sentence asserts
  { test: /\d+\s?%|\b\d[\d,.]*\s?(?:-|–|to)\s?\d+\s?(?:hours?|days?|weeks?|years?)\b|\b(millions?|thousands?|billions?)\b/i, weight: 0.6 },
  { test: /\b(receptors?|alkaloids?|mitragynine|7-hydroxymitragynine|agonists?|compounds?)\b/i, weight: 0.45 },
  {
    test: new RegExp(
      String.raw`\b(causes?|causing|lead(?:s)? to|reduc\w*|alleviat\w*|reliev\w*|mitigat\w*|improv\w*|prevent\w*|treat\w*|eas(?:e|es|ing)|worsen\w*|exacerbat\w*|stimulat\w*|binds?|produc\w*|promot\w*|enhanc\w*|support\w*|offer\w*|provid\w*|aids?|manag\w*)\b[^.]{0,70}\b${HEALTH}`,
      "i",
    ),
    weight: 0.45,
  },
  { test: /\b(side effects?|adverse effects?|risks?|potential for abuse|liver damage|increased heart rate|hair loss)\b/i, weight: 0.45 },
  { test: /\b(traditionally used|medicinal properties|attributed to|known for|opioid-like|said to|purported)\b/i, weight: 0.3 },
  { test: /\b(than|similar to|compared (?:to|with)|like (?:traditional|prescription|other) opioids|as (?:traditional|prescription) opioids|prescription (?:opioids|painkillers)|traditional opioids)\b/i, weight: 0.3 },
  { test: /\b(not a cure|isn['’]t a cure|cures?|safer|safe and holistic|lower risk)\b/i, weight: 0.35 },
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

/** Share of the full weight a sentence needed to be suggested. */
export const RULES_THRESHOLD = 0.5;

/** A section title that came in as a paragraph: Title Case with no closing punctuation. */
function isTitleLine(text: string): boolean {
  if (/[.!?:;"”’)]\s*$/.test(text)) return false;
  const words = text.replace(/^[-*•]\s+/, "").split(/\s+/).filter((w) => w.length > 3);
  return words.length > 0 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length >= 0.6;
}

/** The rules' score for one sentence, 0..1: each rule that fires adds its weight, squashed so strong evidence saturates. */
export function rulesScore(text: string): number {
  if (text.split(/\s+/).length < 6 || isTitleLine(text)) return 0;
  const sum = RULES.reduce((total, rule) => total + (rule.test.test(text) ? rule.weight : 0), 0);
  return sum <= 0 ? 0 : Math.round((1 - Math.exp(-1.6 * sum)) * 100) / 100;
}
