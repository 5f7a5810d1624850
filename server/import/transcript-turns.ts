/**
 * Speaker segments (cues, transcript lines) → readable turns → draft blocks.
 *
 * A segment joins the turn before it when:
 * - both name the same speaker (case aside), whatever the time between them;
 * - it names no one and nothing marks a change of speaker, and the turn names no one either (a file without
 *   speakers reads as paragraphs, not one block per cue);
 * - it names no one and the turn's speaker spoke last at most `continueGapMs` before it (null: at any distance, as
 *   in a written transcript, where a line without a label continues the turn). Captions name the speaker only when
 *   the speaker changes, but across a long silence an unlabelled cue is as often a clip or another voice: rather an
 *   unattributed block than words put in someone's mouth.
 * Anything else starts a new turn. Turns past TURN_SPLIT_CHARS are cut at the next sentence end.
 */
import { normalizeText } from "@/lib/anchoring/text";
import type { BlockPlace, DraftBlock } from "../../lib/import-draft";
import { sameSpeaker } from "./transcript-text";

/** A block grows past this many characters only to finish its sentence. */
export const TURN_SPLIT_CHARS = 1_500;
/** Where no sentence ends (auto-generated captions have no punctuation), the cut falls at a space before this. */
const TURN_HARD_CHARS = 3_000;
/** Rolling captions repeat at most a few lines of the cue before. */
const MAX_REPEATED_LINES = 8;

export type Segment = { speaker?: string; lines: string[]; startMs?: number; endMs?: number; turnBreak: boolean };

type Part = { text: string; startMs?: number; endMs?: number };
/** startMs: of the segment that opened the turn, which may have had no text ("Speaker 1 (00:12):" on its own line). */
type Turn = { speaker?: string; parts: Part[]; startMs?: number; endMs?: number; last: Segment };

function joins(turn: Turn, s: Segment, continueGapMs: number | null): boolean {
  if (s.speaker !== undefined) return turn.speaker !== undefined && sameSpeaker(turn.speaker, s.speaker);
  if (s.turnBreak) return false;
  if (turn.speaker === undefined || continueGapMs === null) return true;
  return s.startMs === undefined || turn.endMs === undefined || s.startMs - turn.endMs <= continueGapMs;
}

/**
 * The lines of `s` that the segment before it already showed: rolling captions (YouTube's among them) repeat the
 * previous line above the new one, in cues that touch or overlap. Segments apart in time are never trimmed.
 */
function repeatedLines(before: Segment, s: Segment): number {
  if (s.startMs === undefined || before.endMs === undefined || s.startMs > before.endMs) return 0;
  for (let k = Math.min(before.lines.length, s.lines.length, MAX_REPEATED_LINES); k > 0; k--) {
    const tail = before.lines.slice(-k);
    if (tail.every((line, i) => line === s.lines[i])) return k;
  }
  return 0;
}

const maxOf = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

function mergeTurns(segments: Segment[], continueGapMs: number | null): Turn[] {
  const turns: Turn[] = [];
  for (const s of segments) {
    // A cue left empty by its markup names no one and says nothing: it must not end a turn across its gap.
    if (s.speaker === undefined && !s.turnBreak && !normalizeText(s.lines.join(" "))) continue;
    const turn = turns.at(-1);
    const joined = turn !== undefined && joins(turn, s, continueGapMs);
    const lines = joined ? s.lines.slice(repeatedLines(turn.last, s)) : s.lines;
    const text = normalizeText(lines.join(" "));
    const current: Turn = joined ? turn : { speaker: s.speaker, parts: [], startMs: s.startMs, endMs: s.endMs, last: s };
    if (!joined) turns.push(current);
    if (text) current.parts.push({ text, startMs: s.startMs, endMs: s.endMs });
    current.endMs = maxOf(current.endMs, s.endMs);
    current.last = s;
  }
  return turns;
}

/** "Mr.", "Dr.", "U.S." and initials end in a period without ending the sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr|Sr|Mt|No|vs|\p{Lu})\.$/u;
const SENTENCE_END = /[.!?…]["'”’)\]]*\s+(?=["'“‘(\[]?[\p{Lu}\p{Lt}\p{Lo}\p{N}])/gu;

/** Where to cut a long turn: after the first sentence end past TURN_SPLIT_CHARS, else at a space before TURN_HARD_CHARS. */
function cutPoints(text: string): number[] {
  const cuts: number[] = [];
  let from = 0;
  while (text.length - from > TURN_SPLIT_CHARS) {
    // Searching a bounded window keeps a long text without sentence ends linear.
    const window = text.slice(from, from + TURN_HARD_CHARS);
    SENTENCE_END.lastIndex = TURN_SPLIT_CHARS;
    let cut = -1;
    for (let m = SENTENCE_END.exec(window); m; m = SENTENCE_END.exec(window)) {
      if (!ABBREVIATION.test(window.slice(Math.max(0, m.index - 5), m.index + 1))) {
        cut = from + m.index + m[0].length;
        break;
      }
    }
    if (cut < 0) {
      const space = window.lastIndexOf(" ");
      cut = space > TURN_SPLIT_CHARS ? from + space + 1 : from + window.length;
      // Never between the halves of a surrogate pair.
      if (/[\ud800-\udbff]/.test(text[cut - 1] ?? "")) cut--;
    }
    if (cut >= text.length) break;
    cuts.push(cut);
    from = cut;
  }
  return cuts;
}

function place(speaker: string | undefined, startMs: number | undefined, endMs: number | undefined): { place?: BlockPlace } {
  const p: BlockPlace = {};
  if (speaker !== undefined) p.speaker = speaker;
  if (startMs !== undefined) p.startMs = startMs;
  if (endMs !== undefined) p.endMs = endMs;
  return Object.keys(p).length > 0 ? { place: p } : {};
}

/** A turn's blocks; a block cut from a long turn takes the times of the parts (cues, lines) it spans. */
function turnBlocks(turn: Turn): DraftBlock[] {
  const text = turn.parts.map((p) => p.text).join(" ");
  if (!text) return [];
  const bounds = [0, ...cutPoints(text), text.length];
  const blocks: DraftBlock[] = [];
  // Parts and blocks both run left to right: one pass over the parts finds the ones each block spans.
  let first = 0;
  let partStart = 0;
  for (let b = 1; b < bounds.length; b++) {
    const [start, end] = [bounds[b - 1], bounds[b]];
    while (partStart + turn.parts[first].text.length <= start) partStart += turn.parts[first++].text.length + 1;
    let endMs: number | undefined;
    for (let i = first, at = partStart; i < turn.parts.length && at < end; at += turn.parts[i++].text.length + 1) endMs = maxOf(endMs, turn.parts[i].endMs);
    const startMs = b === 1 ? (turn.startMs ?? turn.parts[0].startMs) : turn.parts[first].startMs;
    blocks.push({ kind: "paragraph", text: normalizeText(text.slice(start, end)), ...place(turn.speaker, startMs, endMs), drop: false, reason: null });
  }
  return blocks;
}

export function blocksFromSegments(segments: Segment[], continueGapMs: number | null): DraftBlock[] {
  return mergeTurns(segments, continueGapMs).flatMap(turnBlocks);
}
