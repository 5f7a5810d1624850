/**
 * Transcripts → import draft: subtitle files (WebVTT, SubRip) and plain
 * "SPEAKER: text" transcripts as newsrooms and debate commissions publish
 * them. Each block is one speaker's turn (or a stretch of a long one) with
 * `place` giving the speaker and, where the source has them, its times.
 *
 * Speakers come from WebVTT voice spans (<v Name>), else from a label at the
 * start of a cue line ("NAME:", "- NAME:", ">> NAME:", "[NAME] …"); how turns
 * merge is in transcript-turns.ts. Cues are read in start order: a speaker's
 * overlapping cues merge like any consecutive ones, and where two speakers'
 * cues overlap (cross-talk) each keeps its own block in start order — only
 * what cannot be read (a timing, a missing header) is refused.
 */
import { AppError } from "@/lib/errors";
import { normalizeText } from "@/lib/anchoring/text";
import { EMPTY_METADATA, type DraftBlock, type ImportDraft } from "../../lib/import-draft";
import { parseCues, parseTimestamp } from "./transcript-cues";
import { cuePieces, judgeLabels, readLabel, TIME_MARK, type Labelled } from "./transcript-text";
import { blocksFromSegments, type Segment } from "./transcript-turns";

export { MAX_TRANSCRIPT_CUES } from "./transcript-cues";
export { TURN_SPLIT_CHARS } from "./transcript-turns";

/**
 * An unlabelled cue continues the turn of the speaker before it if it starts at most this long after that
 * speaker's last cue ended. Captions run cue to cue with gaps well under a second inside a turn; three seconds
 * of silence is where an unlabelled clip or voice is as likely as the same speaker resuming.
 */
export const CONTINUE_TURN_GAP_MS = 3_000;

const invalid = (message: string) => new AppError("invalid:import-file", message);

/** "2024-county_debate.final.vtt" → "2024 county debate.final". */
function titleFromName(name: string): string {
  return normalizeText(name.replace(/\.[^.]*$/, "").replace(/[-_]+/g, " ")).slice(0, 300);
}

function draft(name: string, title: string | null, blocks: DraftBlock[]): ImportDraft {
  return {
    source: { kind: "file", label: name },
    metadata: { ...EMPTY_METADATA, title: title ? normalizeText(title).slice(0, 300) : titleFromName(name) },
    blocks,
    sourceHtml: null,
  };
}

export function draftFromSubtitles(name: string, text: string, format: "vtt" | "srt"): ImportDraft {
  const { cues, title } = parseCues(name, text, format);
  const pieces = cues.flatMap((cue) => cuePieces(cue.payload.join("\n")).map((piece) => ({ ...piece, cue })));
  const believe = judgeLabels(pieces.map((p) => p.label));
  const segments: Segment[] = pieces.map(({ label, plain, rest, marked, cue }) => {
    const named = believe(label);
    return { speaker: named ? label!.speaker : undefined, lines: named ? rest : plain, startMs: cue.startMs, endMs: cue.endMs, turnBreak: marked && !named };
  });
  // Stable: pieces of one cue, and cues starting together, keep their order in the file.
  segments.sort((a, b) => a.startMs! - b.startMs!);
  const blocks = blocksFromSegments(segments, CONTINUE_TURN_GAP_MS);
  if (blocks.length === 0) throw invalid(`${name} has cues but no text in them.`);
  return draft(name, title, blocks);
}

type TurnLine = { label: Labelled | null; text: string; startMs?: number };

/** "[00:12:34] NAME: text", "(12:34) NAME: text", "NAME: [00:12:34] text", "Speaker 1 (00:12): text", or a line without a label. */
function readTurnLine(line: string): TurnLine {
  const trimmed = line.trim();
  const mark = TIME_MARK.exec(trimmed);
  const markMs = mark ? parseTimestamp(mark[1]) : null;
  const body = markMs === null ? trimmed : trimmed.slice(mark![0].length);
  const label = readLabel(body, { brackets: false });
  const startMs = markMs ?? label?.startMs;
  return { label, text: body, ...(startMs === undefined ? {} : { startMs }) };
}

const TITLE_LINE = /^Title[ \t]*:[ \t]*(\S.*)$/i;

export function draftFromSpeakerTurns(name: string, text: string): ImportDraft {
  let title: string | null = null;
  const lines: TurnLine[] = [];
  for (const raw of text.replace(/^\uFEFF/, "").split(/\r\n?|\n/)) {
    if (raw.trim() === "") continue;
    const titled = lines.length === 0 ? TITLE_LINE.exec(raw.trim()) : null;
    if (titled) title ??= titled[1];
    else lines.push(readTurnLine(raw));
  }
  const believe = judgeLabels(lines.map((l) => l.label));
  const segments: Segment[] = lines.map(({ label, text: body, startMs }) => {
    const named = believe(label);
    return { speaker: named ? label!.speaker : undefined, lines: [named ? label!.rest : body], startMs, turnBreak: false };
  });
  // No times to measure a gap by: a line without a label always continues the turn, as it does on paper.
  const blocks = blocksFromSegments(segments, null);
  if (blocks.length === 0) throw invalid(`${name} has no text.`);
  return draft(name, title, blocks);
}

/**
 * Whether a plain-text file is a speaker-turn transcript: most of its lines, or most of its paragraphs (the
 * "Speaker 1 (00:12):" line over a paragraph), start with a speaker label, and some speaker speaks more than once
 * (a glossary's "Term: definition" lines name each term once). A "Note:" line in an article is not a label.
 */
export function looksLikeSpeakerTurns(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n?|\n/);
  const read = lines.map((line) => (line.trim() === "" ? null : readTurnLine(line)));
  const believe = judgeLabels(read.map((l) => l?.label));
  const labelled = read.map((l) => l !== null && believe(l.label));
  const counts = new Map<string, number>();
  for (const [i, l] of read.entries()) if (l && labelled[i]) counts.set(l.label!.speaker.toUpperCase(), (counts.get(l.label!.speaker.toUpperCase()) ?? 0) + 1);
  if (![...counts.values()].some((n) => n >= 2)) return false;

  const nonEmpty = read.filter((l) => l !== null).length;
  const labelledLines = labelled.filter(Boolean).length;
  const paragraphStarts = read.flatMap((l, i) => (l !== null && (i === 0 || read[i - 1] === null) ? [labelled[i]] : []));
  const most = (yes: number, of: number) => yes * 2 > of;
  return most(labelledLines, nonEmpty) || (paragraphStarts.length >= 2 && most(paragraphStarts.filter(Boolean).length, paragraphStarts.length));
}
