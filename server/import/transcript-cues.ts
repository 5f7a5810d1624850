/**
 * WebVTT and SubRip files → numbered cues (times and raw payload lines).
 * One line-based reader for both: they differ only in the WEBVTT header, the
 * NOTE/STYLE/REGION blocks and the decimal separator, and real files mix
 * those up often enough (comma decimals in .vtt, missing cue numbers in .srt)
 * that being lenient where the meaning is plain imports more of them. Only
 * what cannot be read without guessing is refused, always naming the cue and
 * the line so the file can be fixed.
 */
import { AppError } from "@/lib/errors";

/** A three-hour film has ~2,000 cues; ten hours of word-by-word live captions stay under this. */
export const MAX_TRANSCRIPT_CUES = 20_000;

export type Cue = { number: number; startMs: number; endMs: number; payload: string[] };
export type CueFile = { cues: Cue[]; title: string | null };

const invalid = (message: string) => new AppError("invalid:import-file", message);

/**
 * "01:02:03.450", "02:03.450" (WebVTT hours are optional), "01:02:03,450"
 * (SubRip), "1:02:03", "01:02:03.45" (450 ms) → milliseconds, or null.
 */
export function parseTimestamp(text: string): number | null {
  const m = /^(?:(\d{1,5}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,9}))?$/.exec(text);
  if (!m) return null;
  const [hours, minutes, seconds] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  // Without hours "75:00.000" can only mean 75 minutes; with them, 75 minutes is a typo.
  if (seconds > 59 || (m[1] !== undefined && minutes > 59)) return null;
  const millis = m[4] ? Number(m[4].slice(0, 3).padEnd(3, "0")) : 0;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

/** The character classes cannot overlap "-->", so a long line cannot make this backtrack. */
const TIMING = /^[ \t]*([\d:.,]+)[ \t]*-->[ \t]*([\d:.,]+)(?:[ \t].*)?$/;
/**
 * A line meant as a timing but mistyped ("00:00:01,000 -> 00:00:04,000"): reported rather than read as text.
 * The first timestamp's class excludes the arrow's characters, so a line of dashes cannot make it backtrack.
 */
const TIMING_TYPO = /^[ \t]*\d{1,2}:\d{2}[^\s=>\-–—]*[ \t]*[-–—=]+>?[ \t]*\d{1,2}:\d{2}/;

const isBlank = (line: string) => line.trim() === "";
const isTimingLike = (line: string) => line.includes("-->") || TIMING_TYPO.test(line);
const titleOn = (line: string) => /^(?:NOTE[ \t]+)?Title[ \t]*:[ \t]*(\S.*)$/i.exec(line.trim())?.[1] ?? null;

export function parseCues(name: string, text: string, format: "vtt" | "srt"): CueFile {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n?|\n/);
  const example = format === "vtt" ? "00:00:01.000 --> 00:00:04.000" : "00:00:01,000 --> 00:00:04,000";
  const cues: Cue[] = [];
  let title: string | null = null;
  let i = 0;
  const blockEnd = (from: number) => {
    let end = from;
    while (end < lines.length && !isBlank(lines[end])) end++;
    return end;
  };

  if (format === "vtt") {
    while (i < lines.length && isBlank(lines[i])) i++;
    if (!/^WEBVTT(?:[ \t]|$)/.test(lines[i] ?? "")) {
      const hint = /^\s*\d+\s*$/.test(lines[i] ?? "") && /,\d/.test(lines[i + 1] ?? "") ? " It looks like a SubRip file: rename it to .srt and try again." : "";
      throw invalid(`${name} is not a WebVTT file: its first line must be WEBVTT.${hint}`);
    }
    // Header lines ("Kind: captions", "Language: en") run to the first blank line; a timing line ends them too, as in browsers.
    for (i++; i < lines.length && !isBlank(lines[i]) && !lines[i].includes("-->"); i++) title ??= titleOn(lines[i]);
  }

  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    const first = lines[i];
    if (format === "vtt" && (/^NOTE(?:[ \t]|$)/.test(first) || /^(?:STYLE|REGION)[ \t]*$/.test(first))) {
      const end = blockEnd(i);
      if (first.startsWith("NOTE")) for (const line of lines.slice(i, end)) title ??= titleOn(line);
      i = end;
      continue;
    }
    const timingAt = isTimingLike(first) ? i : i + 1 < lines.length && isTimingLike(lines[i + 1]) ? i + 1 : -1;
    if (timingAt < 0) {
      // No timing: before the first cue a header the format does not define (a "Title:" line); after it, text a
      // stray blank line cut off from its cue — kept with that cue rather than lost (WebVTT players drop it).
      const end = blockEnd(i);
      for (const line of lines.slice(i, end)) {
        // Not push(...lines): a block of a million lines would overflow the call stack.
        if (cues.length > 0) cues[cues.length - 1].payload.push(line);
        else title ??= titleOn(line);
      }
      i = end;
      continue;
    }

    const number = cues.length + 1;
    if (number > MAX_TRANSCRIPT_CUES) throw invalid(`${name} has more than ${MAX_TRANSCRIPT_CUES.toLocaleString("en")} cues; split it into shorter files and import them one by one.`);
    const where = `Cue ${number} (line ${timingAt + 1}) of ${name}`;
    const timing = TIMING.exec(lines[timingAt]);
    const startMs = timing ? parseTimestamp(timing[1]) : null;
    const endMs = timing ? parseTimestamp(timing[2]) : null;
    if (startMs === null || endMs === null) {
      const shown = lines[timingAt].trim();
      throw invalid(`${where} has a timing we cannot read: “${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}”. A timing looks like ${example}.`);
    }
    // Equal times are allowed: some tools write zero-length cues, and their text is still part of the transcript.
    if (endMs < startMs) throw invalid(`${where} ends before it starts: ${timing![1]} --> ${timing![2]}.`);

    const payload: string[] = [];
    for (i = timingAt + 1; i < lines.length && !isBlank(lines[i]); i++) {
      if (lines[i].includes("-->")) {
        // The blank line before the next cue is missing; a bare number just before its timing is that cue's number.
        if (payload.length > 0 && /^\s*\d+\s*$/.test(payload[payload.length - 1])) {
          payload.pop();
          i--;
        }
        break;
      }
      payload.push(lines[i]);
    }
    cues.push({ number, startMs, endMs, payload });
  }

  if (cues.length === 0) throw invalid(`${name} has no cues: nothing in it has a timing line like ${example}.`);
  return { cues, title };
}
