import { describe, expect, it } from "vitest";
import type { Block } from "./anchoring/text";
import { describePlace, formatTimecode, markerBefore, momentUrl, placeAt } from "./block-place";

const pdf: Block[] = [
  { kind: "heading", text: "Annual report", place: { page: 1 } },
  { kind: "paragraph", text: "Sales rose 4%.", place: { page: 1 } },
  { kind: "paragraph", text: "Costs fell.", place: { page: 2 } },
];
const debate: Block[] = [
  { kind: "paragraph", text: "Good evening.", place: { speaker: "MODERATOR", startMs: 0, endMs: 2000 } },
  { kind: "paragraph", text: "Unemployment fell to 3.9 percent.", place: { speaker: "SMITH", startMs: 754_000, endMs: 759_500 } },
];

describe("where a claim is in a PDF or a recording", () => {
  it("formats timecodes as people read them", () => {
    expect(formatTimecode(0)).toBe("0:00");
    expect(formatTimecode(754_999)).toBe("12:34");
    expect(formatTimecode(3_723_450)).toBe("1:02:03");
  });

  it("finds the block holding an offset, the separator and block ends included", () => {
    expect(placeAt(pdf, 0)).toEqual({ page: 1 });
    // "Annual report" is 13 code points, then "\n\n": offset 15 starts "Sales…".
    expect(placeAt(pdf, 15)).toEqual({ page: 1 });
    expect(placeAt(pdf, 31)).toEqual({ page: 2 });
    expect(placeAt([{ kind: "paragraph", text: "Plain web text." }], 3)).toBeNull();
  });

  it("says it the way a citation does, with or without the speaker", () => {
    expect(describePlace({ page: 12 })).toBe("p. 12");
    expect(describePlace(debate[1]!.place)).toBe("SMITH, at 12:34");
    expect(describePlace(debate[1]!.place, { speaker: false })).toBe("at 12:34");
    expect(describePlace({ speaker: "SMITH" })).toBe("SMITH");
    expect(describePlace(null)).toBeNull();
  });

  it("marks where a page or a turn starts, not every block", () => {
    expect(pdf.map((_, i) => markerBefore(pdf, i))).toEqual(["Page 1", null, "Page 2"]);
    expect(debate.map((_, i) => markerBefore(debate, i))).toEqual(["MODERATOR, at 0:00", "SMITH, at 12:34"]);
  });

  it("links to the moment in the recording with a media fragment", () => {
    expect(momentUrl("https://video.example/debate.mp4", debate[1]!.place)).toBe("https://video.example/debate.mp4#t=754");
    expect(momentUrl(null, debate[1]!.place)).toBeNull();
    expect(momentUrl("https://video.example/debate.mp4", { page: 3 })).toBeNull();
  });
});
