/** Transcript import under random and hostile input: a draft or a plain AppError, never another exception, in bounded time. */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { draftFromSpeakerTurns, draftFromSubtitles, looksLikeSpeakerTurns, MAX_TRANSCRIPT_CUES } from "./transcripts";

const fixture = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/transcripts", name), "utf8");
const VTT = fixture("debate.vtt");
const SRT = fixture("debate.srt");
const TXT = fixture("debate.txt");

/** Generous on a busy 2-core machine; catastrophic backtracking or a quadratic pass takes far longer. */
const BUDGET_MS = 10_000;

/** Parses and checks the contract: a draft of string blocks, or an AppError a reviewer can read. */
function parseChecked(kind: "vtt" | "srt" | "txt", text: string): void {
  const started = Date.now();
  try {
    const draft = kind === "txt" ? draftFromSpeakerTurns("f.txt", text) : draftFromSubtitles(`f.${kind}`, text, kind);
    for (const b of draft.blocks) {
      expect(typeof b.text).toBe("string");
      expect(b.text.length).toBeGreaterThan(0);
      for (const ms of [b.place?.startMs, b.place?.endMs]) if (ms !== undefined) expect(Number.isSafeInteger(ms) && ms >= 0).toBe(true);
    }
    if (kind === "txt") looksLikeSpeakerTurns(text);
  } catch (error) {
    if (!(error instanceof AppError)) throw new Error(`${kind} (${text.length} chars) failed with a raw error: ${String(error)}`, { cause: error });
    expect(error.code).toBe("invalid:import-file");
    expect(error.message).toMatch(/^\S.{5,300}$/s);
    expect(error.message).not.toMatch(/\bat \S+ \(|Error:|undefined|NaN|\[object/);
  }
  expect(Date.now() - started, `${kind} took too long`).toBeLessThan(BUDGET_MS);
}

const SOURCES = { vtt: VTT, srt: SRT, txt: TXT } as const;
const PIECES = ["-->", " --> ", "\n", "\n\n", "\r\n", "\uFEFF", "\u0000", "\uD800", "WEBVTT", "NOTE ", "STYLE\n", "<v ", "<v.x A>", "</v>", "<c.", "<rt>", "<ruby>", "<00:00:01.000>", "&amp;", "&#", "&#x110000;", "{\\an8}", ">> ", "- ", "[", "]", "(", ")", ":", "HOLT: ", "Dr. ", "99:99:99,999", "00:00:01,000", "00:01.000", "1\n"];

describe("transcripts under fuzzing", () => {
  it("fixtures with random edits (insertions, deletions, replacements, cuts)", () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 20 })));
    fc.assert(
      fc.property(fc.constantFrom("vtt", "srt", "txt" as const), fc.array(edit, { maxLength: 12 }), fc.option(fc.nat()), (kind, edits, cut) => {
        let text: string = SOURCES[kind];
        for (const [at, remove, insert] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + remove);
        }
        if (cut !== null) text = text.slice(0, cut % (text.length + 1));
        parseChecked(kind, text);
      }),
      { numRuns: 500 },
    );
  });

  it("random strings made of subtitle syntax", () => {
    fc.assert(
      fc.property(fc.constantFrom("vtt", "srt", "txt" as const), fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 30 })), { maxLength: 80 }), (kind, parts) => {
        parseChecked(kind, (kind === "vtt" ? "WEBVTT\n\n" : "") + parts.join(""));
      }),
      { numRuns: 500 },
    );
  });

  it("large hostile files at the upload size limit", () => {
    const twoMb = 2 * 1024 * 1024;
    const cases: ["vtt" | "srt" | "txt", string][] = [
      ["srt", "a\n".repeat(twoMb / 2)],
      ["srt", `1\n00:00:01,000 --> 00:00:02,000\n${"a\n".repeat(twoMb / 2)}`],
      ["srt", `1\n00:00:01,000 --> 00:00:02,000\n${"word ".repeat(twoMb / 5)}`],
      ["vtt", `WEBVTT\n\n00:01.000 --> 00:02.000\n${"<v ".repeat(twoMb / 3)}`],
      ["vtt", `WEBVTT\n\n00:01.000 --> 00:02.000\n<v ${" ".repeat(twoMb)}x`],
      ["vtt", `WEBVTT\n\n00:01.000 --> 00:02.000\n${"<rt>".repeat(twoMb / 4)}`],
      ["vtt", `WEBVTT\n\n00:01.000 --> 00:02.000\n${"&#1".repeat(twoMb / 3)}`],
      ["vtt", `WEBVTT\n\n${"00:01.000 --> 00:02.000\n".repeat(twoMb / 24)}`],
      ["vtt", `WEBVTT\n\n${"00:01.000 --> 00:02.000\n<v A>x\n\n".repeat(MAX_TRANSCRIPT_CUES)}`],
      ["vtt", `WEBVTT\n\n${"0".repeat(twoMb)}-->`],
      ["srt", `1\n00:00:01,000 --> 00:00:02,000\nx\n\n00:00${"-".repeat(twoMb)}`],
      ["srt", `1\n00:00:01,000 --> 00:00:02,000\n${"A ".repeat(twoMb / 2)}:`],
      ["txt", `HOLT: ${"x".repeat(twoMb)}`],
      ["txt", "A: b\n".repeat(twoMb / 5)],
      ["txt", `${"Dr. ".repeat(twoMb / 4)}:`],
      ["txt", "[00:00:01] ".repeat(twoMb / 11)],
    ];
    for (const [kind, text] of cases) parseChecked(kind, text);
  });
});
