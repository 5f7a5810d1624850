/**
 * Sentences of a snapshot with their canonical code-point spans, for
 * check-worthy suggestions (lib/check-worthy.ts). Paragraphs and quotes only:
 * headings and list items (tables of contents) are navigation, not claims.
 * Intl.Segmenter ships with Node and every current browser: no model, no download.
 */
import { blockSpans, codePointLength, type Block } from "./anchoring/text";

export type SentenceSpan = { text: string; start: number; end: number; block: number };

let segmenter: Intl.Segmenter | undefined;

export function sentenceSpans(blocks: Block[]): SentenceSpan[] {
  segmenter ??= new Intl.Segmenter("en", { granularity: "sentence" });
  const out: SentenceSpan[] = [];
  for (const span of blockSpans(blocks)) {
    if (span.kind !== "paragraph" && span.kind !== "quote") continue;
    const astral = /[\ud800-\udfff]/.test(span.text);
    for (const piece of segmenter.segment(span.text)) {
      const leading = piece.segment.length - piece.segment.trimStart().length;
      const text = piece.segment.trim();
      if (!text) continue;
      // Offsets in code points; the conversion is skipped for the usual all-BMP paragraph.
      const from = astral ? codePointLength(span.text.slice(0, piece.index + leading)) : piece.index + leading;
      const start = span.start + from;
      out.push({ text, start, end: start + (astral ? codePointLength(text) : text.length), block: span.index });
    }
  }
  return out;
}
