import { describe, expect, it } from "vitest";
import { buildClaimReview, type ClaimReviewInput } from "./claimreview";
import { mediaTypeOf } from "./claimreview-recording";

const debate = (overrides: Partial<ClaimReviewInput> = {}): ClaimReviewInput => ({
  siteUrl: "https://factdesk.example",
  slug: "mayoral-debate",
  organisation: { name: "Health Check Desk" },
  claim: { id: "cl_9", statement: "Crime fell 20% last year." },
  rating: { value: 3, label: "Half true" },
  datePublished: "2025-05-02",
  place: { speaker: "MAYOR", startMs: 754_400, endMs: 761_900 },
  claimant: { claimantName: "MAYOR", claimantKind: "person", claimantRole: null, appearanceUrl: "https://video.example/debate.mp4#t=754", appearanceDate: "2025-05-01" },
  source: { title: "Mayoral debate", url: "https://video.example/debate.mp4", publisher: "City TV", publishedOn: "2025-05-01", language: "en" },
  ...overrides,
});

describe("a claim said in a recording", () => {
  it("appears in the recording as a media object, with the moment as a Clip in seconds", () => {
    const review = buildClaimReview(debate());
    expect(review.itemReviewed.author).toEqual({ "@type": "Person", name: "MAYOR" });
    expect(review.itemReviewed.appearance).toEqual({
      "@type": "VideoObject",
      name: "Mayoral debate",
      url: "https://video.example/debate.mp4",
      contentUrl: "https://video.example/debate.mp4",
      publisher: { "@type": "Organization", name: "City TV" },
      uploadDate: "2025-05-01",
      inLanguage: "en",
      hasPart: { "@type": "Clip", name: "MAYOR, at 12:34", startOffset: 754, endOffset: 762, url: "https://video.example/debate.mp4#t=754" },
    });
  });

  it("describes a recording known only by its transcript (no address) with the moment all the same", () => {
    const review = buildClaimReview(debate({ source: { title: "Council meeting" }, claimant: null, place: { startMs: 5_000 } }));
    expect(review.itemReviewed.appearance).toEqual({ "@type": "MediaObject", name: "Council meeting", hasPart: { "@type": "Clip", name: "at 0:05", startOffset: 5 } });
  });

  it("keeps the appearance the reviewers named when it is not the recording", () => {
    const review = buildClaimReview(debate({ claimant: { claimantName: "MAYOR", claimantKind: "person", claimantRole: null, appearanceUrl: "https://news.example/quotes", appearanceDate: null } }));
    expect(review.itemReviewed.appearance).toMatchObject({ "@type": "CreativeWork", headline: "Mayoral debate", url: "https://news.example/quotes" });
  });

  it("leaves a PDF page or a turn without a time as the document it is", () => {
    expect(buildClaimReview(debate({ place: { page: 3 } })).itemReviewed.appearance["@type"]).toBe("CreativeWork");
    expect(buildClaimReview(debate({ place: { speaker: "MAYOR" } })).itemReviewed.appearance["@type"]).toBe("CreativeWork");
  });

  it("tells video, audio and other recordings apart by address", () => {
    expect(mediaTypeOf("https://www.youtube.com/watch?v=abc")).toBe("VideoObject");
    expect(mediaTypeOf("https://cdn.example/ep12.MP3")).toBe("AudioObject");
    expect(mediaTypeOf("https://radio.example/shows/ep12")).toBe("MediaObject");
    expect(mediaTypeOf(null)).toBe("MediaObject");
  });
});
