/**
 * Plain text and markdown sources → draft blocks. Like blocksFromPlainText,
 * but a line inside a paragraph that is boilerplate on its own (spam glued
 * to the last paragraph by a single line break, a "by admin" under the
 * title) becomes its own block, so the reviewer can drop just that line.
 */
import { blocksFromMarkdown } from "@/lib/markdown-blocks";
import { blocksFromPlainText, normalizeText, type Block } from "@/lib/anchoring/text";
import { boilerplateReason } from "./boilerplate";
import type { DraftBlock } from "../../lib/import-draft";

export function draftBlocksFromPlainText(raw: string): DraftBlock[] {
  const text = raw.replace(/\r\n?/g, "\n");
  const blankLine = /\n[ \t\u00a0]*\n/;
  // Without any blank line (a copied web page) every line is a paragraph, as in blocksFromPlainText.
  if (!blankLine.test(text)) return blocksFromPlainText(text).map(keep);
  const out: DraftBlock[] = [];
  for (const paragraph of text.split(blankLine)) {
    let run: string[] = [];
    const flush = () => {
      const joined = normalizeText(run.join(" "));
      if (joined) out.push(keep({ kind: "paragraph", text: joined }));
      run = [];
    };
    const lines = paragraph.split("\n");
    for (const line of lines) {
      const alone = normalizeText(line);
      if (lines.length > 1 && alone && boilerplateReason(alone, { script: null })) {
        flush();
        out.push(keep({ kind: "paragraph", text: alone }));
      } else run.push(line);
    }
    flush();
  }
  return out;
}

export function draftBlocksFromMarkdown(raw: string): DraftBlock[] {
  return blocksFromMarkdown(raw).map(keep);
}

const keep = (b: Block): DraftBlock => ({ kind: b.kind, text: b.text, drop: false, reason: null });
