/** Plain speaker-turn transcripts ("NAME: words" lines), and telling them from article prose. (Subtitle files: transcripts.test.ts.) */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ImportDraft } from "../../lib/import-draft";
import { draftFromSpeakerTurns, looksLikeSpeakerTurns } from "./transcripts";

const fixture = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/transcripts", name), "utf8");
const TXT = fixture("debate.txt");
const turns = (draft: ImportDraft) => draft.blocks.map((b) => [b.place?.speaker ?? null, b.text]);

describe("speaker-turn transcripts", () => {
  it("reads newsroom labels, with or without times, and continues turns on unlabelled lines", () => {
    const draft = draftFromSpeakerTurns(
      "t.txt",
      [
        "PRESIDENTIAL DEBATE, FIRST HALF",
        "MODERATOR (Lester Holt): Good evening.",
        "[00:12:34] TRUMP: We have the best economy.",
        "It's true.",
        "(12:40) Dr. Jane Smith: Not by that measure.",
        "SPEAKER 1: [01:02:03] Next.",
        "Q: What about jobs?",
        "A: Unemployment is at 3.9%.",
        "Ursula von der Leyen: Europe agrees.",
        "Speaker 2 (00:12):",
        "On a line of its own.",
        "",
        "Another paragraph, same speaker.",
      ].join("\n"),
    );
    expect(draft.blocks.map((b) => [b.place ?? null, b.text])).toEqual([
      [null, "PRESIDENTIAL DEBATE, FIRST HALF"],
      [{ speaker: "MODERATOR (Lester Holt)" }, "Good evening."],
      [{ speaker: "TRUMP", startMs: 754_000 }, "We have the best economy. It's true."],
      [{ speaker: "Dr. Jane Smith", startMs: 760_000 }, "Not by that measure."],
      [{ speaker: "SPEAKER 1", startMs: 3_723_000 }, "Next."],
      [{ speaker: "Q" }, "What about jobs?"],
      [{ speaker: "A" }, "Unemployment is at 3.9%."],
      [{ speaker: "Ursula von der Leyen" }, "Europe agrees."],
      [{ speaker: "Speaker 2", startMs: 12_000 }, "On a line of its own. Another paragraph, same speaker."],
    ]);
  });

  it("reads labels in scripts without capitals, after a full-width colon, once they recur", () => {
    const text = "主持人：欢迎大家。\n候选人：谢谢。\n主持人：第一个问题。\n候选人：好的。\n他说：不对。";
    expect(turns(draftFromSpeakerTurns("t.txt", text))).toEqual([["主持人", "欢迎大家。"], ["候选人", "谢谢。"], ["主持人", "第一个问题。"], ["候选人", "好的。 他说：不对。"]]);
  });

  it("merges a speaker's consecutive labelled lines", () => {
    expect(turns(draftFromSpeakerTurns("t.txt", "HOLT: One.\nHOLT: Two.\nSMITH: Three."))).toEqual([["HOLT", "One. Two."], ["SMITH", "Three."]]);
  });

  it("does not take times of day, URLs or headings for labels", () => {
    expect(turns(draftFromSpeakerTurns("t.txt", "HOLT: At 10:30 we met.\nSee https://example.org: it says so.\nthe thing is: nothing."))).toEqual([["HOLT", "At 10:30 we met. See https://example.org: it says so. the thing is: nothing."]]);
  });
});

describe("looksLikeSpeakerTurns", () => {
  it("is true for transcripts", () => {
    expect(looksLikeSpeakerTurns(TXT)).toBe(true);
    expect(looksLikeSpeakerTurns("Speaker 1 (00:00):\nGood evening.\n\nSpeaker 2 (00:05):\nThanks.\n\nSpeaker 1 (00:09):\nFirst question.")).toBe(true);
    expect(looksLikeSpeakerTurns("Q: Why?\nA: Because.\nQ: Really?\nA: Yes.")).toBe(true);
    expect(looksLikeSpeakerTurns("QUESTION: Why now?\nMS. JONES: Because the data came in.\nQUESTION: And the cost?\nMS. JONES: Lower than planned.")).toBe(true);
  });

  it("is false for article prose", () => {
    const articles = path.resolve(import.meta.dirname, "../../fixtures/articles");
    for (const file of fs.readdirSync(articles).filter((f) => f.endsWith(".txt"))) expect(looksLikeSpeakerTurns(fs.readFileSync(path.join(articles, file), "utf8")), file).toBe(false);
    expect(looksLikeSpeakerTurns("Kratom is sold as a supplement.\nNote: the FDA has not approved it.\nMany users report side effects.")).toBe(false);
    expect(looksLikeSpeakerTurns("Note: one.\nNote: two.\nUpdate: three.")).toBe(false);
    // A glossary names each term once; a speaker speaks again.
    expect(looksLikeSpeakerTurns("Kratom: a tropical tree.\nMitragynine: its main alkaloid.\nWithdrawal: symptoms after stopping.")).toBe(false);
    expect(looksLikeSpeakerTurns("")).toBe(false);
  });
});
