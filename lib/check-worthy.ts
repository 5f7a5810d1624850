/**
 * Check-worthy suggestions: which sentences likely hold a factual claim worth checking. The trained model
 * (check-worthy-model.ts, learned from public labelled debates by `npm run train:check-worthy`) scores each
 * sentence; the reasons are its strongest features for that sentence, in plain words. Runs in the browser on
 * the snapshot's blocks, so nothing is stored but dismissals, which keep the model's version.
 *
 * Evaluated by `npm run bench -- check-worthy`: held-out debates and the five demo articles, beside baselines.
 */
import { codePointLength, type Block } from "./anchoring/text";
import { MODEL_THRESHOLD, MODEL_VERSION, modelScore, plainReasons, withoutSpeaker } from "./check-worthy-model";
import { sentenceSpans } from "./sentences";

export { MODEL_VERSION };

export type Suggestion = { start: number; end: number; text: string; score: number; reasons: string[] };

/** The shipped score from which a sentence is suggested (an organisation may choose its own: settings). */
export const SUGGESTION_THRESHOLD = MODEL_THRESHOLD;

/** Scores one sentence (a speaker label in front, as transcripts write it, changes nothing): 0..1 with the reasons that raised it. */
export function scoreSentence(text: string): { score: number; reasons: string[] } {
  const { score, top } = modelScore(text);
  return { score: Math.round(score * 1000) / 1000, reasons: plainReasons(top) };
}

/**
 * Check-worthy sentences of a snapshot (canonical code-point spans), in reading order. On a speaker turn
 * ("MAYOR: Crime fell 20%.") the span leaves the label out, so accepting it quotes what was said.
 */
export function suggestCheckWorthy(blocks: Block[], threshold = SUGGESTION_THRESHOLD): Suggestion[] {
  const out: Suggestion[] = [];
  for (const s of sentenceSpans(blocks)) {
    const { score, reasons } = scoreSentence(s.text);
    if (score < threshold) continue;
    const said = withoutSpeaker(s.text);
    const start = s.start + codePointLength(s.text) - codePointLength(said);
    out.push({ start, end: s.end, text: said, score, reasons });
  }
  return out;
}

/** A reason list for people: "cites a study, gives a figure". */
export function describeReasons(reasons: string[]): string {
  return reasons.length ? reasons.join(", ") : "factual wording";
}
