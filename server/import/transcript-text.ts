/**
 * Transcript text: cue markup → plain lines, and the speaker labels that
 * captions and newsroom transcripts put at the start of a line ("HOLT:",
 * "Dr. Jane Smith:", "MODERATOR (Lester Holt):", "[SMITH]", ">> SMITH:").
 *
 * A label is only a candidate here: "Remember: …" looks like one. A candidate
 * in capitals, of two or more words or with a role in parentheses is taken
 * at once; a single capitalised word ("Moderator:") only if it labels two or
 * more lines of the file, as a speaker does (judgeLabels).
 */
import { decodeEntities } from "@/lib/markdown-blocks";
import { normalizeText } from "@/lib/anchoring/text";
import { parseTimestamp } from "./transcript-cues";

export type SpeakerLabel = { speaker: string; strong: boolean };
export type Labelled = SpeakerLabel & { rest: string; startMs?: number };

/** Tags by name only, so "3 < 4" and "a<b" stay text (WebVTT escapes "<", but hand-written SubRip often does not). */
const TAG = /<\/?(?:b|i|u|s|c|v|lang|ruby|rt|font|span|br|em|strong|sub|sup|small|big|p|div)(?=[\s./>])[^<>]*>/gi;
/** Ruby annotations (pronunciation over the base text) are not part of what was said. */
const RUBY_TEXT = /<rt(?=[\s.>])[^<>]*>[\s\S]*?(?=<\/rt>|<\/ruby>|$)/gi;
/** Karaoke-style timestamps inside cue text: "<00:00:01.500>". */
const TIMESTAMP_TAG = /<\d[\d:.,]*>/g;
/** ASS/SSA override blocks left in converted SubRip: {\an8}, {\i1}, {\pos(10,20)}. */
const ASS_OVERRIDE = /\{\\[^{}]*\}/g;
/**
 * Direction marks that subtitle tools add to fix how each line's punctuation is drawn; once lines are joined
 * into a paragraph they no longer mark anything, and invisible characters in the text break quote matching.
 */
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Cue text → its lines as plain text (markup gone, entities decoded), empty ones dropped. */
function plainLines(raw: string): string[] {
  const text = raw
    .replace(RUBY_TEXT, "")
    .replace(TAG, (tag) => (/^<br/i.test(tag) ? "\n" : ""))
    .replace(TIMESTAMP_TAG, "")
    .replace(ASS_OVERRIDE, "");
  // Entities after tags: "&lt;i&gt;" is text that shows "<i>", not a tag to strip.
  return decodeEntities(text)
    .replace(BIDI_MARKS, "")
    .split("\n")
    .map(normalizeText)
    .filter((line) => line.length > 0);
}

const WORD = String.raw`[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}\p{Nd}'’.\-]*`;
/** Later words may be numbers ("Speaker 1") or the lowercase particles of names ("Ursula von der Leyen"). */
const NEXT_WORD = String.raw`(?:${WORD}|\d{1,3}|von|van|der|den|de|del|della|da|di|du|dos|das|le|la|bin|ibn|al|el|ten|ter)`;
const NAME = String.raw`${WORD}(?:[ \t]+${NEXT_WORD}){0,5}`;
const LABEL = new RegExp(String.raw`^(${NAME})((?:[ \t]*[(\[][^()\[\]\n]{1,60}[)\]]){0,2})[ \t]*(?::(?:[ \t]+|$)|：[ \t]*)`, "u");
const NAME_ONLY = new RegExp(String.raw`^${NAME}$`, "u");
const BRACKETED = /^\[([^[\]\n]{1,60})\][ \t]*/;
const PARENTHETICAL = /[(\[]([^()\[\]\n]+)[)\]]/g;
/** "[00:12:34]", "(12:34)" right after a label or at the start of a transcript line. */
export const TIME_MARK = /^[[(](\d{1,5}(?::\d{1,2}){1,2}(?:[.,]\d{1,9})?)[\])][ \t]*/;

/** Words that end in a colon at the start of prose lines and captions without naming anyone. */
const NOT_SPEAKERS = new Set(
  (
    "note|nb|ps|update|updated|correction|clarification|editor's note|editor’s note|source|sources|photo|photos|image|video|watch|" +
    "read more|see also|related|warning|disclaimer|summary|published|posted|tags|title|subtitle|date|time|location|subject|re|fw|fwd|" +
    "cc|to|from|by|credit|credits|caption|via|breaking|exclusive|live|opinion|analysis|key takeaways|takeaways|highlights|background|" +
    "context|verdict|claim|claims|fact|facts|rating|kind|language|step|tip|example|look|listen|remember|well|so|yes|no|now|okay|ok|" +
    "and|but|first|second|third|finally|important|contents|table of contents|introduction|conclusion|method|methods|results"
  ).split("|"),
);
/** Bracketed sound descriptions ("[Applause] Thank you.") are not speakers; checked by their first word. */
const SOUNDS = new Set(
  (
    "applause|laughter|laughs|laughing|music|inaudible|crosstalk|cross-talk|cheering|cheers|booing|boos|silence|indistinct|" +
    "unintelligible|chuckles|chuckling|sighs|coughs|coughing|groans|gasps|noise|background|audio|video|foreign|speaking|singing|" +
    "bell|phone|beep|bleep|siren|sirens|overlapping|chanting|clapping|break|pause|no|off|end|start|static|thunder|whispering|whispers"
  ).split("|"),
);

/** Capitals ("HOLT", "Q"), several words ("Jane Smith", "Speaker 1") or a role: a speaker without needing to recur. */
function strength(name: string, roles: string[]): boolean {
  return roles.length > 0 || /[ \t]/.test(name) || (name === name.toUpperCase() && /\p{Lu}/u.test(name));
}

const isSpeakerName = (name: string) => !NOT_SPEAKERS.has(name.toLowerCase().replace(/\.$/, ""));

/**
 * A speaker label at the start of `line` and the text after it, or null. `brackets` also reads "[NAME] text", a
 * caption convention that in a plain transcript would mostly catch stage directions.
 */
export function readLabel(line: string, options: { brackets: boolean }): Labelled | null {
  // The name is short; matching a bounded prefix keeps a megabyte-long line cheap.
  const m = LABEL.exec(line.slice(0, 240));
  if (m) {
    const name = m[1].replace(/[ \t]+/g, " ");
    if (!isSpeakerName(name)) return null;
    let startMs: number | undefined;
    const roles: string[] = [];
    for (const [, inside] of m[2].matchAll(PARENTHETICAL)) {
      const time = parseTimestamp(inside.trim());
      if (time === null) roles.push(normalizeText(inside));
      else startMs ??= time;
    }
    let rest = line.slice(m[0].length);
    const time = TIME_MARK.exec(rest);
    if (time && parseTimestamp(time[1]) !== null) {
      startMs ??= parseTimestamp(time[1])!;
      rest = rest.slice(time[0].length);
    }
    const speaker = [name, ...roles.map((r) => `(${r})`)].join(" ");
    return { speaker, strong: strength(name, roles), rest, ...(startMs === undefined ? {} : { startMs }) };
  }
  const bracketed = options.brackets ? BRACKETED.exec(line) : null;
  if (bracketed) {
    const name = normalizeText(bracketed[1]);
    const rest = line.slice(bracketed[0].length);
    const firstWord = name.split(" ")[0].toLowerCase();
    if (rest && NAME_ONLY.test(name) && isSpeakerName(name) && !SOUNDS.has(firstWord)) return { speaker: name, strong: strength(name, []), rest };
  }
  return null;
}

const keyOf = (speaker: string) => speaker.toUpperCase();

/** Which labels to believe: the strong ones, and the weak ones that label two or more lines. */
export function judgeLabels(labels: (SpeakerLabel | null | undefined)[]): (label: SpeakerLabel | null | undefined) => boolean {
  const counts = new Map<string, number>();
  for (const label of labels) if (label) counts.set(keyOf(label.speaker), (counts.get(keyOf(label.speaker)) ?? 0) + 1);
  return (label) => Boolean(label && (label.strong || (counts.get(keyOf(label.speaker)) ?? 0) >= 2));
}

export const sameSpeaker = (a: string, b: string) => keyOf(a) === keyOf(b);

/**
 * One stretch of a cue: its speaker candidate, its text as written (`plain`) and without the label (`rest`), and
 * whether a speaker-change mark (">>" or a dialogue dash) opened it.
 */
type CuePiece = { label: SpeakerLabel | null; plain: string[]; rest: string[]; marked: boolean };

const VOICE = /<v(?:\.[^\s<>]*)?(?:[ \t\n]([^<>]*))?>/g;
/** ">> NAME:" (broadcast captions; ">>" alone: someone else speaks) and the dialogue dash of "- NAME: …" / "- …". */
const CHANGE_MARK = /^(?:>{2,3}|[-–‐])[ \t]*/;

export function cuePieces(payload: string): CuePiece[] {
  const pieces: CuePiece[] = [];
  const chunks: { voice: string | null; raw: string }[] = [];
  let voice: string | null = null;
  let last = 0;
  for (const m of payload.matchAll(VOICE)) {
    chunks.push({ voice, raw: payload.slice(last, m.index) });
    voice = normalizeText(decodeEntities(m[1] ?? "")) || null;
    last = m.index + m[0].length;
  }
  chunks.push({ voice, raw: payload.slice(last) });

  for (const chunk of chunks) {
    const lines = plainLines(chunk.raw);
    if (lines.length === 0) continue;
    if (chunk.voice) {
      pieces.push({ label: { speaker: chunk.voice, strong: true }, plain: lines, rest: lines, marked: false });
      continue;
    }
    let open = false;
    for (const line of lines) {
      const mark = CHANGE_MARK.exec(line);
      // A dash needs a space after it: "-5 degrees" and "–" inside words are text.
      const marked = mark !== null && (mark[0].startsWith(">") || /\s$/.test(mark[0]));
      const body = marked ? line.slice(mark[0].length) : line;
      const label = readLabel(body, { brackets: true });
      if (marked || label || !open) {
        pieces.push({ label, plain: [body], rest: [label ? label.rest : body], marked });
        open = true;
      } else {
        pieces[pieces.length - 1].plain.push(line);
        pieces[pieces.length - 1].rest.push(line);
      }
    }
  }
  return pieces;
}
