import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { ImportDraft } from "../../lib/import-draft";
import { parseTimestamp } from "./transcript-cues";
import { CONTINUE_TURN_GAP_MS, draftFromSpeakerTurns, draftFromSubtitles, MAX_TRANSCRIPT_CUES, TURN_SPLIT_CHARS } from "./transcripts";

const fixture = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/transcripts", name), "utf8");
const VTT = fixture("debate.vtt");
const SRT = fixture("debate.srt");
const TXT = fixture("debate.txt");

const vtt = (body: string, name = "t.vtt") => draftFromSubtitles(name, `WEBVTT\n\n${body}`, "vtt");
const srt = (body: string, name = "t.srt") => draftFromSubtitles(name, body, "srt");
const turns = (draft: ImportDraft) => draft.blocks.map((b) => [b.place?.speaker ?? null, b.text]);
/** The AppError message a call fails with (fails the test if it succeeds or throws anything else). */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid:import-file");
    return (error as Error).message;
  }
  throw new Error("expected an AppError");
}

describe("the debate in three formats", () => {
  const fromVtt = draftFromSubtitles("debate.vtt", VTT, "vtt");
  const fromSrt = draftFromSubtitles("debate.srt", SRT, "srt");
  const fromTxt = draftFromSpeakerTurns("debate.txt", TXT);

  it("gives the same speakers and turns in the same order", () => {
    expect(fromVtt.blocks).toHaveLength(16);
    expect(turns(fromSrt)).toEqual(turns(fromVtt));
    expect(turns(fromTxt)).toEqual(turns(fromVtt));
    expect(new Set(fromVtt.blocks.map((b) => b.place?.speaker))).toEqual(new Set(["Dana Ruiz", "Alex Morgan", "Sam Patel"]));
    for (const b of [...fromVtt.blocks, ...fromSrt.blocks, ...fromTxt.blocks]) expect(b).toMatchObject({ kind: "paragraph", drop: false, reason: null });
  });

  it("merges a speaker's consecutive cues into one turn, first start to last end", () => {
    expect(fromVtt.blocks[4]).toMatchObject({
      text: "Unemployment fell to 3.9 percent last year. That is the lowest rate this county has seen since 2007. We added 4,200 jobs, most of them in manufacturing & logistics.",
      place: { speaker: "Alex Morgan", startMs: 24_000, endMs: 35_800 },
    });
    // Three cues, the middle one without a voice tag.
    expect(fromVtt.blocks[0].place).toEqual({ speaker: "Dana Ruiz", startMs: 2_000, endMs: 11_000 });
    // An unlabelled "[Applause]" cue right after a turn stays with it.
    expect(fromVtt.blocks[11].text).toBe("Property crime rose over the same period. Car break-ins downtown doubled. [Applause]");
  });

  it("has the times each format carries", () => {
    expect(fromSrt.blocks.map((b) => b.place)).toEqual(fromVtt.blocks.map((b) => b.place));
    expect(fromTxt.blocks.map((b) => b.place?.startMs)).toEqual(fromVtt.blocks.map((b) => b.place?.startMs));
    expect(fromTxt.blocks.every((b) => b.place?.endMs === undefined)).toBe(true);
    expect(fromVtt.blocks.at(-1)!.place).toEqual({ speaker: "Dana Ruiz", startMs: 110_000, endMs: 114_000 });
  });

  it("strips every tag and override and decodes entities", () => {
    for (const b of [...fromVtt.blocks, ...fromSrt.blocks]) expect(b.text).not.toMatch(/[<>{}]|&\w+;|\u00a0/);
    expect(fromVtt.blocks[12].text).toBe("We're nearly out of time. Closing statements, one minute each. Mr. Patel first.");
    expect(fromVtt.blocks[7].text).toContain("I will build 10,000 new homes by 2030.");
  });

  it("titles: a Title line, else the file name", () => {
    expect(fromTxt.metadata).toMatchObject({ title: "Riverside County executive debate", author: null, publisher: null, publishedOn: null, language: null });
    expect(fromVtt.metadata.title).toBe("debate");
    expect(fromVtt.source).toEqual({ kind: "file", label: "debate.vtt" });
    expect(fromVtt.sourceHtml).toBeNull();
    expect(srt("1\n00:00:01,000 --> 00:00:02,000\nHi.", "county-debate__2024.final.srt").metadata.title).toBe("county debate 2024.final");
    expect(vtt("NOTE Title: Town hall, March 3\n\n00:01.000 --> 00:02.000\nHi.").metadata.title).toBe("Town hall, March 3");
    expect(draftFromSubtitles("t.vtt", "WEBVTT\nTitle: Council meeting\n\n00:01.000 --> 00:02.000\nHi.", "vtt").metadata.title).toBe("Council meeting");
  });

  it("reads the fixtures the same with a BOM and CRLF or CR line ends", () => {
    expect(draftFromSubtitles("debate.vtt", `\uFEFF${VTT.replace(/\n/g, "\r\n")}`, "vtt").blocks).toEqual(fromVtt.blocks);
    expect(draftFromSubtitles("debate.srt", `\uFEFF${SRT.replace(/\n/g, "\r")}`, "srt").blocks).toEqual(fromSrt.blocks);
    expect(draftFromSpeakerTurns("debate.txt", `\uFEFF${TXT.replace(/\n/g, "\r\n")}`).blocks).toEqual(fromTxt.blocks);
  });
});

describe("timecodes", () => {
  it("reads hours, minutes, seconds and fractions in either notation", () => {
    expect(parseTimestamp("01:02:03.450")).toBe(3_723_450);
    expect(parseTimestamp("01:02:03,450")).toBe(3_723_450);
    expect(parseTimestamp("02:03.450")).toBe(123_450);
    expect(parseTimestamp("1:02:03.45")).toBe(3_723_450);
    expect(parseTimestamp("00:00:05")).toBe(5_000);
    expect(parseTimestamp("100:00:00.000")).toBe(360_000_000);
    for (const bad of ["00:60.000", "01:60:00.000", "1.5", "", "aa:bb.ccc", "00:00:00.000.000"]) expect(parseTimestamp(bad), bad).toBeNull();
  });

  it("in cues: optional WebVTT hours, SubRip commas, settings ignored", () => {
    expect(vtt("01:02:03.450 --> 01:02:05.000 align:start line:0\nHi.").blocks[0].place).toEqual({ startMs: 3_723_450, endMs: 3_725_000 });
    expect(vtt("02:03.450 --> 02:04.000\nHi.").blocks[0].place).toEqual({ startMs: 123_450, endMs: 124_000 });
    expect(srt("7\n01:02:03,450 --> 01:02:05,000 X1:100 X2:200 Y1:10 Y2:20\nHi.").blocks[0].place).toEqual({ startMs: 3_723_450, endMs: 3_725_000 });
  });
});

describe("cue text", () => {
  it("strips WebVTT markup: classes, language, ruby annotations, karaoke timestamps", () => {
    const draft = vtt("00:01.000 --> 00:02.000\n<c.yellow.bg_blue>Hello</c> <lang fr>monde</lang> <ruby>東京<rt>とうきょう</rt></ruby> <00:01.500>again<br>and <b><i><u>again</u></i></b>");
    expect(draft.blocks[0].text).toBe("Hello monde 東京 again and again");
  });

  it("strips SubRip font tags and ASS overrides, keeps a lone < as text", () => {
    expect(srt('1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<font color="#ff0000" face="Arial">Prices</font> rose <I>3 < 4</I> {\\i1}times').blocks[0].text).toBe("Prices rose 3 < 4 times");
  });

  it("decodes entities after stripping tags, and drops direction marks", () => {
    const draft = vtt("00:01.000 --> 00:02.000\nR&amp;D &lt;i&gt;is&lt;/i&gt; &quot;up&quot; 5&nbsp;%&lrm; &#39;a&#x2019; &#0; &bogus; &amp;amp;");
    expect(draft.blocks[0].text).toBe("R&D <i>is</i> \"up\" 5 % 'a’ \ufffd &bogus; &amp;");
  });

  it("skips NOTE, STYLE and REGION blocks and ignores cue identifiers", () => {
    const draft = vtt("STYLE\n::cue { color: red }\n\nREGION\nid:fred width:40%\n\nNOTE a comment\nover lines\n\nfirst cue\n00:01.000 --> 00:02.000\nHello.\n\nNOTE\nanother\n\n2\n00:02.000 --> 00:03.000\nWorld.");
    expect(turns(draft)).toEqual([[null, "Hello. World."]]);
  });

  it("reads SubRip without cue numbers, with missing blank lines, and with a blank line inside a cue", () => {
    const draft = srt("00:00:01,000 --> 00:00:02,000\nOne.\n2\n00:00:02,000 --> 00:00:03,000\nTwo.\n\nstill two.\n\n3\n00:00:03,000 --> 00:00:04,000\nThree.");
    expect(draft.blocks[0].text).toBe("One. Two. still two. Three.");
  });
});

describe("speakers in cues", () => {
  it("takes voice spans, several per cue, with classes and entities", () => {
    const draft = vtt("00:01.000 --> 00:03.000\n<v.loud Jane O&apos;Neil>Hello.</v>\n<v Bob>Hi, Jane.</v>");
    expect(turns(draft)).toEqual([["Jane O'Neil", "Hello."], ["Bob", "Hi, Jane."]]);
  });

  it("takes NAME:, - NAME:, >> NAME: and [NAME] at the start of a cue line", () => {
    const draft = srt(
      "1\n00:00:01,000 --> 00:00:02,000\n- HOLT: Good evening.\n- SMITH: Thank you.\n\n" +
        "2\n00:00:02,000 --> 00:00:03,000\n>> HOLT: Next question.\n\n" +
        "3\n00:00:03,000 --> 00:00:04,000\n[SMITH] I disagree.\n\n" +
        "4\n00:00:04,000 --> 00:00:05,000\nDr. Jane Smith: A fair point.",
    );
    expect(turns(draft)).toEqual([["HOLT", "Good evening."], ["SMITH", "Thank you."], ["HOLT", "Next question."], ["SMITH", "I disagree."], ["Dr. Jane Smith", "A fair point."]]);
  });

  it("does not take sounds, interjections or one-off capitalised words for speakers", () => {
    const draft = srt("1\n00:00:01,000 --> 00:00:02,000\nHOLT: Welcome.\n\n2\n00:00:02,000 --> 00:00:03,000\n[Applause] Thank you.\n\n3\n00:00:03,000 --> 00:00:04,000\nRemember: it's live.\n\n4\n00:00:04,000 --> 00:00:05,000\nNote: taped earlier.");
    expect(turns(draft)).toEqual([["HOLT", "Welcome. [Applause] Thank you. Remember: it's live. Note: taped earlier."]]);
  });

  it("takes a single capitalised word when it labels several cues", () => {
    const draft = srt("1\n00:00:01,000 --> 00:00:02,000\nModerator: First.\n\n2\n00:00:02,000 --> 00:00:03,000\nSmith: Yes.\n\n3\n00:00:03,000 --> 00:00:04,000\nModerator: Second.\n\n4\n00:00:04,000 --> 00:00:05,000\nSmith: No.");
    expect(turns(draft)).toEqual([["Moderator", "First."], ["Smith", "Yes."], ["Moderator", "Second."], ["Smith", "No."]]);
  });

  it("starts an unattributed block at a bare >> or dialogue dash", () => {
    const draft = srt("1\n00:00:01,000 --> 00:00:02,000\nHOLT: Welcome.\n\n2\n00:00:02,000 --> 00:00:03,000\n>> Thanks for having me.\n\n3\n00:00:03,000 --> 00:00:04,000\n- Who said that?\n- I did.");
    expect(turns(draft)).toEqual([["HOLT", "Welcome."], [null, "Thanks for having me."], [null, "Who said that?"], [null, "I did."]]);
    // "-5" is a number, not a dash.
    expect(srt("1\n00:00:01,000 --> 00:00:02,000\nHOLT: It was\n-5 degrees.").blocks[0].text).toBe("It was -5 degrees.");
  });

  it(`continues a speaker's turn with an unlabelled cue only within ${CONTINUE_TURN_GAP_MS} ms`, () => {
    const gap = (ms: number) => {
      const end = 2_000 + ms;
      return srt(`1\n00:00:01,000 --> 00:00:02,000\nHOLT: Welcome.\n\n2\n00:00:${String(Math.floor(end / 1000)).padStart(2, "0")},${String(end % 1000).padStart(3, "0")} --> 00:00:30,000\nback to you.`);
    };
    expect(turns(gap(CONTINUE_TURN_GAP_MS))).toEqual([["HOLT", "Welcome. back to you."]]);
    expect(turns(gap(CONTINUE_TURN_GAP_MS + 1))).toEqual([["HOLT", "Welcome."], [null, "back to you."]]);
    // An empty cue between them does not break the turn.
    expect(turns(srt("1\n00:00:01,000 --> 00:00:02,000\nHOLT: Welcome.\n\n2\n00:00:09,000 --> 00:00:10,000\n<i> </i>\n\n3\n00:00:10,000 --> 00:00:11,000\nHOLT: Again."))).toEqual([["HOLT", "Welcome. Again."]]);
    // A file without speakers reads as paragraphs, however far apart its cues.
    expect(turns(srt("1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\n00:00:50,000 --> 00:00:51,000\nTwo."))).toEqual([[null, "One. Two."]]);
  });

  it("merges a speaker's cues across any gap, and splits on a speaker change", () => {
    const draft = vtt("00:01.000 --> 00:02.000\n<v A>One.\n\n01:00.000 --> 01:01.000\n<v A>Two.\n\n01:01.000 --> 01:02.000\n<v B>Three.\n\n01:02.000 --> 01:03.000\n<v a>Four.");
    expect(draft.blocks.map((b) => [b.place, b.text])).toEqual([
      [{ speaker: "A", startMs: 1_000, endMs: 61_000 }, "One. Two."],
      [{ speaker: "B", startMs: 61_000, endMs: 62_000 }, "Three."],
      [{ speaker: "a", startMs: 62_000, endMs: 63_000 }, "Four."],
    ]);
  });
});

describe("overlapping and unordered cues", () => {
  it("merges a speaker's overlapping cues, the turn ending at the latest end", () => {
    const draft = vtt("00:01.000 --> 00:05.000\n<v A>One.\n\n00:02.000 --> 00:04.000\n<v A>Two.");
    expect(draft.blocks.map((b) => [b.place, b.text])).toEqual([[{ speaker: "A", startMs: 1_000, endMs: 5_000 }, "One. Two."]]);
  });

  it("keeps two speakers' overlapping cues apart, in start order", () => {
    const draft = vtt("00:03.000 --> 00:06.000\n<v B>Over you.\n\n00:01.000 --> 00:05.000\n<v A>Let me finish.\n\n00:05.500 --> 00:07.000\n<v A>Please.");
    expect(draft.blocks.map((b) => [b.place, b.text])).toEqual([
      [{ speaker: "A", startMs: 1_000, endMs: 5_000 }, "Let me finish."],
      [{ speaker: "B", startMs: 3_000, endMs: 6_000 }, "Over you."],
      [{ speaker: "A", startMs: 5_500, endMs: 7_000 }, "Please."],
    ]);
  });

  it("drops the lines rolling captions repeat from the cue before", () => {
    const draft = vtt(
      "00:01.000 --> 00:02.000\nthe county added<00:01.500> jobs\n\n00:02.000 --> 00:02.010\nthe county added jobs\n\n00:02.010 --> 00:04.000\nthe county added jobs\nlast year\n\n00:04.000 --> 00:06.000\nlast year\nin manufacturing",
    );
    expect(draft.blocks[0].text).toBe("the county added jobs last year in manufacturing");
    // A repeat after a pause is said again, not rolled up.
    expect(vtt("00:01.000 --> 00:02.000\nNo.\n\n00:03.000 --> 00:04.000\nNo.").blocks[0].text).toBe("No. No.");
  });
});

describe("long turns", () => {
  const sentence = (i: number) => `Sentence number ${i} says the county spent ${i * 1000} dollars on roads.`;

  it(`split at the first sentence end past ${TURN_SPLIT_CHARS} characters, each part with the times of its cues`, () => {
    const clock = (s: number) => `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
    const cues = Array.from({ length: 80 }, (_, i) => `${clock(i)}.000 --> ${clock(i)}.900\n<v Morgan>${sentence(i)}`).join("\n\n");
    const draft = vtt(cues);
    expect(draft.blocks.length).toBeGreaterThan(2);
    for (const b of draft.blocks.slice(0, -1)) {
      expect(b.text.length).toBeGreaterThanOrEqual(TURN_SPLIT_CHARS);
      expect(b.text.length).toBeLessThan(TURN_SPLIT_CHARS + 100);
      expect(b.text).toMatch(/roads\.$/);
    }
    expect(draft.blocks.map((b) => b.text).join(" ")).toBe(Array.from({ length: 80 }, (_, i) => sentence(i)).join(" "));
    expect(draft.blocks.every((b) => b.place?.speaker === "Morgan")).toBe(true);
    expect(draft.blocks[0].place?.startMs).toBe(0);
    expect(draft.blocks.at(-1)!.place?.endMs).toBe(79_900);
    const second = draft.blocks[1];
    const firstSentence = Number(/Sentence number (\d+)/.exec(second.text)![1]);
    expect(second.place?.startMs).toBe(firstSentence * 1000);
  });

  it("do not split after Mr. or an initial, and cut text without sentence ends at a space", () => {
    const withTitles = `${"word ".repeat(TURN_SPLIT_CHARS / 5)}asked Mr. Smith and J. Doe. Then it ended.`;
    expect(draftFromSpeakerTurns("t.txt", `HOLT: ${withTitles}`).blocks.map((b) => b.text)).toEqual([`${"word ".repeat(TURN_SPLIT_CHARS / 5)}asked Mr. Smith and J. Doe.`, "Then it ended."]);
    const unpunctuated = draftFromSpeakerTurns("t.txt", `HOLT: ${"so we went there ".repeat(1000)}`).blocks;
    expect(unpunctuated.length).toBeGreaterThan(5);
    for (const b of unpunctuated) expect(b.text.length).toBeLessThanOrEqual(3_000);
    expect(unpunctuated.map((b) => b.text).join(" ")).toBe("so we went there ".repeat(1000).trim());
  });
});

describe("errors", () => {
  it("refuses a .vtt without the WEBVTT line, suggesting .srt for a renamed SubRip file", () => {
    expect(refusal(() => draftFromSubtitles("a.vtt", "00:01.000 --> 00:02.000\nHi.", "vtt"))).toBe("a.vtt is not a WebVTT file: its first line must be WEBVTT.");
    expect(refusal(() => draftFromSubtitles("a.vtt", SRT, "vtt"))).toMatch(/looks like a SubRip file: rename it to \.srt/);
    expect(refusal(() => draftFromSubtitles("a.vtt", "WEBVTTX\n\n00:01.000 --> 00:02.000\nHi.", "vtt"))).toMatch(/first line must be WEBVTT/);
  });

  it("names the cue and line of a timing it cannot read", () => {
    const bad = SRT.replace("00:00:12,000 --> 00:00:14,500", "00:00:12,000 -> 00:00:14,500");
    expect(refusal(() => draftFromSubtitles("debate.srt", bad, "srt"))).toBe(
      "Cue 4 (line 15) of debate.srt has a timing we cannot read: “00:00:12,000 -> 00:00:14,500”. A timing looks like 00:00:01,000 --> 00:00:04,000.",
    );
    expect(refusal(() => vtt("00:01.000 --> 00:02.000\nA.\n\n00:02.000 --> 00:61.000\nB."))).toMatch(/^Cue 2 \(line 6\) of t\.vtt has a timing we cannot read: “00:02\.000 --> 00:61\.000”/);
    expect(refusal(() => vtt("id\n00:01.000 --> soon\nA."))).toMatch(/^Cue 1 \(line 4\)/);
    expect(refusal(() => vtt(`00:01.000 --> ${"9".repeat(500)}\nA.`))).toMatch(/…”\. A timing looks like/);
  });

  it("refuses a cue that ends before it starts", () => {
    expect(refusal(() => srt("1\n00:00:05,000 --> 00:00:04,000\nBackwards."))).toBe("Cue 1 (line 2) of t.srt ends before it starts: 00:00:05,000 --> 00:00:04,000.");
    expect(srt("1\n00:00:05,000 --> 00:00:05,000\nZero length is fine.").blocks).toHaveLength(1);
  });

  it("refuses files without cues, or whose cues are empty", () => {
    expect(refusal(() => srt(""))).toBe("t.srt has no cues: nothing in it has a timing line like 00:00:01,000 --> 00:00:04,000.");
    expect(refusal(() => draftFromSubtitles("t.vtt", "WEBVTT\n\nNOTE only a comment", "vtt"))).toMatch(/has no cues/);
    expect(refusal(() => draftFromSubtitles("t.vtt", "", "vtt"))).toMatch(/not a WebVTT file/);
    expect(refusal(() => srt("Just some prose.\n\nNo timings anywhere."))).toMatch(/has no cues/);
    expect(refusal(() => vtt("00:01.000 --> 00:02.000\n<i></i>\n\n00:02.000 --> 00:03.000\n{\\an8}"))).toBe("t.vtt has cues but no text in them.");
    expect(refusal(() => draftFromSpeakerTurns("t.txt", " \n\n\t\n"))).toBe("t.txt has no text.");
  });

  it(`refuses more than ${MAX_TRANSCRIPT_CUES} cues`, () => {
    const cue = "00:01.000 --> 00:02.000\nA.\n\n";
    expect(vtt(cue.repeat(MAX_TRANSCRIPT_CUES)).blocks).toHaveLength(1);
    expect(refusal(() => vtt(cue.repeat(MAX_TRANSCRIPT_CUES + 1)))).toMatch(/more than 20,000 cues/);
  });
});
