/**
 * The default health-claim rating scale (DESIGN.md). A higher value always
 * means more true; ClaimReview uses bestRating 5 and worstRating 1.
 */
export type RatingDefinition = { label: string; value: number; colour: string; description: string };

export const BEST_RATING = 5;
export const WORST_RATING = 1;

// Colours chosen for contrast ≥ 4.5:1 against white text on badges.
export const DEFAULT_RATING_SCALE: RatingDefinition[] = [
  { label: "Accurate", value: 5, colour: "#1a7f37", description: "The claim is correct and nothing significant is missing." },
  { label: "Mostly accurate", value: 4, colour: "#3f7d20", description: "The claim is correct but needs a small clarification or detail." },
  { label: "Lacks context", value: 3, colour: "#8a6100", description: "The claim holds on its own terms but leaves out context that changes how it reads." },
  { label: "Unsupported", value: 2, colour: "#b35900", description: "No reliable evidence was found for the claim." },
  { label: "Misleading", value: 2, colour: "#b4411f", description: "The claim uses facts in a way that leaves a false impression." },
  { label: "Inaccurate", value: 1, colour: "#b42318", description: "The claim is contradicted by reliable evidence." },
];
