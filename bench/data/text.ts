/**
 * Synthetic article text for the load benchmarks. Claims are built from word
 * lists rather than copied from the five demo fixtures: with 100,000 claims
 * drawn from a few hundred fixture sentences, every full-text query would
 * match most of the table, which no real archive does. Seeded (the caller
 * passes testing/seeded-random.ts), so two runs generate the same corpus.
 */

const words = (s: string) => s.trim().split(/\s+/);

const SUBJECTS = words(`
  kratom turmeric vitamin zinc magnesium melatonin caffeine ginseng ashwagandha echinacea garlic honey cinnamon ginger
  probiotics collagen creatine spirulina chlorella moringa elderberry valerian kombucha kefir quinoa almonds walnuts
  avocado blueberries broccoli spinach kale salmon sardines olive coconut cocoa coffee tea matcha aspirin ibuprofen
  paracetamol metformin statins ivermectin hydroxychloroquine antibiotics vaccines fluoride chlorine ozone hydrogen
  sauna cryotherapy acupuncture yoga meditation fasting keto paleo veganism running cycling swimming walking sleep
  sunlight screens smartphones wifi microwaves plastics aspartame sucralose stevia sugar salt alcohol nicotine cannabis
  psilocybin ketamine lithium iron calcium potassium iodine selenium omega fibre gluten lactose soy eggs butter
`);

const EFFECTS = words(`
  cures prevents reverses reduces doubles triples halves eliminates worsens triggers causes blocks boosts weakens
  strengthens repairs damages protects shortens lengthens slows accelerates improves impairs restores regulates
`);

const CONDITIONS = words(`
  cancer diabetes insomnia anxiety depression migraines arthritis asthma eczema psoriasis acne obesity hypertension
  dementia alzheimers parkinsons autism adhd infertility osteoporosis anaemia hepatitis influenza covid measles malaria
  tuberculosis shingles lupus gout kidney-stones cataracts glaucoma tinnitus vertigo fatigue inflammation hair-loss
  withdrawal addiction heartburn constipation bloating allergies cholesterol stroke sepsis scurvy rickets
`);

const POPULATIONS = words(`
  children teenagers adults seniors women men athletes smokers pregnant-women veterans nurses students farmers
  miners pilots infants toddlers retirees patients
`);

const PLACES = words(`
  Norway Brazil Kenya Japan Canada Mexico India Germany Nigeria Chile Vietnam Poland Egypt Peru Spain Ghana Finland
  Portugal Morocco Indonesia Scotland Ireland Iceland Uruguay Nepal Bolivia Tunisia Greece Austria Denmark
`);

const SOURCES = words(`
  university ministry hospital institute agency laboratory clinic foundation council registry survey
`);

const FILLER = [
  "The post was shared thousands of times before it was removed.",
  "Several readers asked us to look into it.",
  "The original video has since been edited.",
  "Experts we contacted gave a more careful picture.",
  "The page that first published it did not answer our questions.",
  "Similar posts circulated in other languages the same week.",
];

const pick = <T>(list: readonly T[], r: () => number): T => list[Math.floor(r() * list.length)]!;

/**
 * One checkable sentence from one of several shapes, so that no content word
 * is in every claim (an early version ended every claim with "percent of …
 * report", and every full-text query matched the whole table).
 */
export function claimSentence(r: () => number): string {
  const number = 2 + Math.floor(r() * 90);
  const year = 1990 + Math.floor(r() * 35);
  const subject = cap(pick(SUBJECTS, r));
  const effect = pick(EFFECTS, r);
  const condition = pick(CONDITIONS, r).replace(/-/g, " ");
  const population = pick(POPULATIONS, r).replace(/-/g, " ");
  const place = pick(PLACES, r);
  const source = pick(SOURCES, r);
  switch (Math.floor(r() * 6)) {
    case 0:
      return `${subject} ${effect} ${condition} in ${number} percent of ${population}, according to a ${year} ${source} report from ${place}.`;
    case 1:
      return `${subject} ${effect} ${condition} within ${number} days, a ${source} in ${place} claimed.`;
    case 2:
      return `Doctors in ${place} say ${pick(SUBJECTS, r)} ${effect} ${condition} among ${population}.`;
    case 3:
      return `${subject} was banned in ${place} in ${year} because it ${effect} ${condition}.`;
    case 4:
      return `${number} ${population} in ${place} reported that ${pick(SUBJECTS, r)} ${effect} their ${condition}.`;
    default:
      return `Since ${year}, ${pick(SUBJECTS, r)} sales in ${place} rose ${number} times as ${condition} cases fell.`;
  }
}

/**
 * A reviewer's restatement: the sentence, cut to fit MAX_STATEMENT. No fixed
 * prefix such as "Claim:": a word in every statement would match every claim
 * in full-text search, which measured the corpus rather than the query.
 */
export function restate(sentence: string): string {
  const plain = sentence.replace(/\.$/, "");
  // MAX_STATEMENT is 120: long sentences are cut at a word boundary.
  const head = plain.length <= 100 ? plain : plain.slice(0, 100).replace(/\s+\S*$/, "");
  return `${head}.`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export type GeneratedArticle = {
  title: string;
  paragraphs: string[];
  /** The claim sentences, each appearing verbatim (once) in `paragraphs`. */
  claims: string[];
  publisher: string;
};

/** An article of `claims` paragraphs, each holding one claim between filler sentences, plus an intro from the fixtures. */
export function article(r: () => number, index: number, claims: number, intro: string): GeneratedArticle {
  const sentences = Array.from({ length: claims }, () => claimSentence(r));
  const paragraphs = [intro];
  for (const sentence of sentences) paragraphs.push(`${pick(FILLER, r)} ${sentence} ${pick(FILLER, r)}`);
  const topic = sentences[0]?.split(/ (?:in|within|among|because|since|reported|was) /)[0]?.replace(/[,.]$/, "") ?? "A viral post";
  return {
    title: `${topic} (fact-check ${index + 1})`,
    paragraphs,
    claims: sentences,
    publisher: `${pick(PLACES, r)} ${pick(["Daily", "Herald", "Wellness Blog", "Health News", "Post"], r)}`,
  };
}
