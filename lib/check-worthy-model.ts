/**
 * The trained check-worthiness model: which sentences hold a factual claim worth checking. A linear model
 * (logistic regression) over words, word pairs and cues: the ones the field finds telling in debates
 * (numbers, money, comparisons, "according to", first person, questions) and the ones a health desk looks for,
 * written for any topic rather than one product (studies, authorities, figures, doses, mechanisms, causes and
 * effects on health, risks, comparisons, cure or safety claims; and what is not a claim: advice, "it is
 * important", the article describing itself, hedges, questions, orders, headings, fragments). Weights are
 * learned by `npm run train:check-worthy` from public labelled debates and the five labelled demo articles
 * (scripts/lib/check-worthy-training.ts says why both), and committed in check-worthy-weights.json.
 * Plain functions: it runs in the browser too.
 */
import trained from "./check-worthy-weights.json";

type Weights = { version: string; bias: number; threshold: number; weights: Record<string, number> };
const model = trained as Weights;

/** The debates and speeches never trained on: the bench's held-out set (none is in the ClaimBuster sample, which is general-election debates). */
export const HELD_OUT_DEBATES = ["20160414_9dem.tsv", "20170315_nashville.tsv", "20180916_trump_miami.tsv", "20181112_trump_pelosi.tsv", "20190108_oval_office.tsv"];

/** The weights file's version: a dismissal stores it, so that a retrained model offers its suggestions again. */
export const MODEL_VERSION = model.version;

/**
 * The probability from which a sentence is suggested. Chosen by the training script on training data only:
 * the threshold with the best F1 over every training sentence (debates, ClaimBuster sample, demo articles),
 * each scored by a model trained without its cross-validation fold, so not flattered by having been trained on.
 */
export const MODEL_THRESHOLD = model.threshold;

// A leading speaker label as transcripts write it: "TRUMP:", "SPEAKER 1:", "Dr. Jane Smith:", "Q:".
const SPEAKER = /^\s*(?:(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Pres)\.?\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}(?:[A-Z][\w'’.-]*|\d+)\s*:\s+(?=\S)/;

/** The sentence without a speaker label, so that who said it does not change what it is worth. */
export function withoutSpeaker(text: string): string {
  const m = SPEAKER.exec(text);
  return m && m[0].length <= 40 ? text.slice(m[0].length) : text;
}

// Health conditions, body parts and outcomes: what a causal claim on health is about, on any topic.
const HEALTH = String.raw`(?:pain|aches?|symptoms?|disease|disorders?|syndrome|conditions?|illness|cancers?|tumou?rs?|diabetes|heart|cardiac|stroke|blood (?:pressure|sugar)|cholesterol|obesity|weight|sleep|insomnia|anxiety|depression|mood|stress|dementia|memory|infections?|immun\w*|inflammat\w*|liver|kidneys?|lungs?|brain|gut|digestion|reflux|asthma|allerg\w*|\w+itis|virus|viral|covid(?:-19)?|flu|colds?|vaccin\w*|withdrawal|cravings?|addiction|dependen\w*|overdose|nausea|fatigue|deficienc\w*|hair|skin|bones?|muscles?|health|mortality|deaths?|dying|life expectancy|recovery|healing|relief)`;
// Medicines and treatments, for comparisons ("works as well as ibuprofen", "safer than prescription opioids").
const MEDICINE = String.raw`(?:medicines?|medications?|drugs?|prescriptions?|pharmaceuticals?|painkillers?|opioids?|antibiotics?|antidepressants?|ibuprofen|aspirin|paracetamol|acetaminophen|statins?|insulin|placebo|treatments?|therap(?:y|ies)|supplements?|vaccines?)`;
const COMPARING = String.raw`(?:than|compared (?:to|with)|similar to|as (?:well|effective|safe|good|strong|potent) as|versus|vs\.?|like|rivals?|outperforms?|superior to|equivalent to)`;
// A dose: an amount of something taken. No training text gives one, so it counts as a statistic (see modelScore).
const DOSE = /\b\d[\d,.]*\s?(?:mg|mcg|µg|g|iu|ml|milligrams?|micrograms?|grams?|units|doses?|tablets?|pills?|capsules?|cups?|servings?|drinks?)\b/i;

/**
 * Cues, each a feature the weights know by name. The first group is the debates' vocabulary; the second
 * generalises the health desk's rules (lib/check-worthy.ts) beyond kratom; the third says what is not a claim.
 * Each earns its weight in training: the training script's ablation prints what each adds.
 */
const CUES: [string, RegExp][] = [
  ["cue:number", /\d/],
  ["cue:percent", /\d\s?%|\bper ?cent\b/i],
  ["cue:money", /[$€£]\s?\d|\b(dollars|billion|million|trillion)\b/i],
  ["cue:year", /\b(1[89]|20)\d{2}\b/],
  ["cue:comparison", /\b(more|less|fewer|higher|lower|bigger|smaller|than|increase[sd]?|decrease[sd]?|doubled|tripled|rose|fell|cut)\b/i],
  ["cue:superlative", /\b(most|least|best|worst|largest|biggest|highest|lowest|first|only|never|ever|record)\b|\b\w+est\b/i],
  ["cue:source", /\b(according to|studies|study|research|report(ed|s)?|data|survey|statistics|evidence)\b/i],
  ["cue:first-person", /\b(i|i'm|i've|i'll|me|my)\b/i],
  ["cue:we", /\b(we|we're|we've|our|us)\b/i],
  ["cue:thanks", /\b(thank|thanks|applause|welcome|good evening)\b/i],

  ["cue:research", /\b(stud(?:y|ies)|research|trials?|surveys?|(?:meta-)?analys[ie]s|experiments?|evidence|data|reports?)\b[^.;]{0,50}\b(suggest(?:s|ed)?|show(?:s|ed|n)?|found|finds|indicat(?:es?|ed)|demonstrat(?:es?|ed)|reveal(?:s|ed)?|confirm(?:s|ed)?|link(?:s|ed)?)\b/i],
  // Two patterns, one feature: an agency's acronym must be in capitals, the other names may open the sentence.
  ["cue:authority", /\b[A-Z]{2,6}\b[^.;]{0,60}\b(?:states?|says?|said|warn(?:s|ed)?|reports?|reported|found|estimat(?:es?|ed)|recommend(?:s|ed)?|approved?|classif(?:y|ies|ied))\b/],
  ["cue:authority", /\baccording to\b|\b(?:experts?|scientists?|doctors?|physicians?|researchers?|officials?|agency|institute|administration|department|ministry|association|organi[sz]ation)\b[^.;]{0,60}\b(?:states?|says?|said|warn(?:s|ed)?|reports?|reported|found|estimat(?:es?|ed)|recommend(?:s|ed)?|approved?|classif(?:y|ies|ied))\b/i],
  ["cue:statistic", /\d\s?%|\bper ?cent\b|\b\d+\s+(?:in|out of)\s+(?:\d+|ten|every)\b|\b(?:one|two|three|four|five|half|a third|a quarter)\s+(?:in|of|out of)\s+(?:\w+\s+)?(?:\d+|two|three|four|five|ten|every|all|people|adults|children|patients|americans)\b|\b\d[\d,.]*\s?(?:-|–|to)\s?\d+\s?(?:hours?|days?|weeks?|months?|years?)\b|\b(?:millions?|thousands?|billions?|twice|\d+(?:\.\d+)? times)\b/i],
  ["cue:statistic", DOSE],
  ["cue:mechanism", /\b(receptors?|alkaloids?|compounds?|enzymes?|hormones?|neurotransmitters?|dopamine|serotonin|cortisol|insulin|antioxidants?|metabolism|metaboli[sz]e[sd]?|agonists?|antagonists?|inhibit\w*|binds?|molecules?|proteins?|antibod\w+|bloodstream|nervous system|active ingredients?)\b/i],
  ["cue:health-effect", new RegExp(String.raw`\b(caus(?:es?|ed|ing)|lead(?:s|ing)? to|led to|reduc\w*|lower\w*|rais(?:es?|ed|ing)|increas\w*|alleviat\w*|reliev\w*|eas(?:es?|ed|ing)|prevent\w*|protect\w*|treat\w*|cur(?:es?|ed|ing)|heal\w*|improv\w*|worsen\w*|exacerbat\w*|boost\w*|trigger\w*|stimulat\w*|linked (?:to|with)|associated with|effective (?:for|against|in|at))\b[^.;]{0,70}\b${HEALTH}\b`, "i")],
  ["cue:risk", /\b(side effects?|adverse (?:effects?|events?|reactions?)|risks?|risky|dangers?|dangerous|harm(?:s|ful)?|toxic\w*|overdos\w*|addictive|fatal|deadly|damage)\b/i],
  ["cue:compare-treatment", new RegExp(String.raw`\b${COMPARING}\b[^.;]{0,60}\b${MEDICINE}\b|\b${MEDICINE}\b[^.;]{0,60}\b${COMPARING}\b`, "i")],
  ["cue:cure-safety", /\b(cur(?:es?|ed)|miracle|guaranteed|(?:clinically )?proven|no side effects|non-addictive|(?:completely|perfectly|totally) safe|safe (?:and|for|to)|safer|(?:fda|government)[- ]approved|effective (?:for|against|in|at))\b/i],

  ["cue:advice", /\b(should|must|consult\w*|talk to (?:your|a)|seek\w*|always|ensure|make sure|be sure|recommended to|it's best to|with caution|exercise caution|under (?:professional|medical) (?:guidance|supervision))\b/i],
  // "It is important to note that…" introduces a claim; "it is important to stay hydrated" is advice.
  ["cue:importance", /\b(?:it's|it is|are|is) (?:crucial|essential|important|paramount|vital|key)\b(?! to (?:note|understand|recogni[sz]e|consider|remember)\b)/i],
  ["cue:about-article", /\b(this (?:article|guide|post|piece|page)|we'll|we will (?:explore|look|discuss|cover)|we explore|let's|delves?|learn (?:how|more|about)|discover|read on|below)\b/i],
  ["cue:hedge", /\b(?:more|further|additional) (?:research|studies|evidence) (?:is|are) needed|research (?:is|remains) (?:limited|ongoing|needed)|(?:is|remains?|still) (?:unclear|unknown|controversial|debated|under debate)|not (?:yet )?(?:fully |well )?understood|limited (?:evidence|research|data)|evidence is (?:limited|mixed|weak)/i],
  ["cue:question", /\?\s*["”)]*\s*$/],
  // A sentence that opens on a verb tells the reader what to do ("Take 25 mg a day", "Look at the facts").
  ["cue:imperative", /^\W*(?:take|try|avoid|drink|eat|start|stop|use|keep|make|consider|check|ask|talk|speak|read|remember|choose|limit|add|look|think|imagine|go|let|get|give|find|learn|discover|follow|see|tell|join|watch|listen|click|subscribe|share|please)\b/i],
];

/** A section title that came in as a paragraph: Title Case with no closing punctuation. It names a topic; it asserts nothing. */
function isHeading(text: string): boolean {
  if (/[.!?:;"”')]\s*$/.test(text)) return false;
  const long = text.replace(/^[-*•]\s+/, "").split(/\s+/).filter((w) => w.length > 3);
  return long.length > 0 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.6;
}

const words = (text: string) =>
  text
    .toLowerCase()
    .match(/\d+(?:[.,]\d+)*|[a-z][a-z0-9']*|[$%€£]/g) ?? [];

/** The features a sentence fires, computed without its speaker label: each a name the weights file knows (or not, when never seen in training). */
export function sentenceFeatures(raw: string): string[] {
  const text = withoutSpeaker(raw).replace(/[‘’]/g, "'");
  const w = words(text).map((x) => (/^\d/.test(x) ? "<num>" : x));
  const out = new Set<string>();
  for (const x of w) out.add(`w:${x}`);
  for (let i = 1; i < w.length; i++) out.add(`b:${w[i - 1]} ${w[i]}`);
  for (const [name, re] of CUES) if (re.test(text)) out.add(name);
  if (isHeading(text)) out.add("cue:heading");
  const n = w.length;
  out.add(n < 6 ? "len:short" : n < 15 ? "len:medium" : n < 30 ? "len:long" : "len:very-long");
  return [...out];
}

/**
 * The model's probability that a sentence is worth checking, and the features that raised it most, strongest
 * first. Length is left out of them (it is no reason a person can use), and a statistic that is a dose is
 * named "cue:dose" so that the reason can say so.
 */
export function modelScore(text: string): { score: number; top: string[] } {
  let z = model.bias;
  const contributions: [string, number][] = [];
  for (const f of sentenceFeatures(text)) {
    const w = model.weights[f];
    if (w === undefined) continue;
    z += w;
    if (w > 0 && !f.startsWith("len:")) contributions.push([f === "cue:statistic" && DOSE.test(text) ? "cue:dose" : f, w]);
  }
  contributions.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { score: 1 / (1 + Math.exp(-z)), top: contributions.slice(0, 4).map(([f]) => f) };
}

const CUE_REASONS: Record<string, string> = {
  "cue:number": "gives a figure",
  "cue:percent": "gives a figure",
  "cue:statistic": "gives a figure",
  "cue:money": "gives a sum of money",
  "cue:year": "gives a date",
  "cue:dose": "gives a dose",
  "cue:comparison": "compares",
  "cue:compare-treatment": "compares",
  "cue:superlative": "says “most”, “first” or “only”",
  "cue:source": "cites a source",
  "cue:research": "cites a study",
  "cue:authority": "attributes to an authority",
  "cue:mechanism": "says how something acts in the body",
  "cue:health-effect": "states a cause or effect on health",
  "cue:risk": "states a risk",
  "cue:cure-safety": "claims a cure, safety or effectiveness",
};

// Words too common to be a reason a person would recognise, and number words, which are a figure.
const FUNCTION_WORDS = new Set(
  `a an the of to in on at by for from with without into onto over under up down out off about against between through during before after
  and or but nor so yet if then than as well also too very just only even still is are was were be been being am it its it's this that
  these those there here which who whom whose what when where why how not no can could would will may might must shall should do does did
  has have had he she his her they them their we us our you your i me my all any some such each every more most much many other own same
  itself themselves himself herself however additionally while although because since often usually`.split(/\s+/),
);
const NUMBER_WORDS = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand|millions?|billions?|trillions?|half|twice|dozen|<num>|%)$/;

/** Plain-English reasons for people, from modelScore's top features: at most three, without internal names, never empty. */
export function plainReasons(top: string[]): string[] {
  const out = new Set<string>();
  for (const f of top) {
    const kind = f.slice(0, f.indexOf(":"));
    const rest = f.slice(kind.length + 1);
    const tokens = rest.split(" ");
    if (kind === "cue") {
      if (CUE_REASONS[f]) out.add(CUE_REASONS[f]);
    } else if (tokens.some((t) => NUMBER_WORDS.test(t))) out.add("gives a figure");
    else if (tokens.some((t) => /^[$€£]$/.test(t))) out.add("gives a sum of money");
    else if (!tokens.every((t) => FUNCTION_WORDS.has(t))) out.add(kind === "w" ? `uses the word “${rest}”` : `uses “${rest}”`);
  }
  return out.size ? [...out].slice(0, 3) : ["states a fact"];
}
