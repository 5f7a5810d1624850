import { describe, expect, it } from "vitest";
import { buildClaimReview, httpUrlOrNull, isoDate, serializeJsonLd, type ClaimReviewInput } from "./claimreview";

const input = (overrides: Partial<ClaimReviewInput> = {}): ClaimReviewInput => ({
  siteUrl: "https://factdesk.example/",
  slug: "celery-juice-cures-migraines",
  organisation: { name: "Health Check Desk" },
  claim: { id: "cl_123", statement: "Celery juice cures migraines." },
  rating: { value: 1, label: "Inaccurate" },
  datePublished: new Date("2025-03-04T23:30:00Z"),
  source: {
    title: "The green drink that ended my headaches",
    url: "https://blog.example/celery",
    author: "Jane Doe",
    publisher: "Wellness Weekly",
    publishedOn: "2025-02-28",
  },
  ...overrides,
});

describe("buildClaimReview", () => {
  it("builds one top-level ClaimReview with every required field", () => {
    const review = buildClaimReview(input());
    expect(review).toEqual({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: "https://factdesk.example/fact-checks/celery-juice-cures-migraines/claims/cl_123",
      claimReviewed: "Celery juice cures migraines.",
      reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "Inaccurate" },
      author: { "@type": "Organization", name: "Health Check Desk", url: "https://factdesk.example" },
      datePublished: "2025-03-04T23:30:00.000Z",
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Jane Doe" },
        datePublished: "2025-02-28",
        appearance: {
          "@type": "CreativeWork",
          headline: "The green drink that ended my headaches",
          url: "https://blog.example/celery",
          author: { "@type": "Person", name: "Jane Doe" },
          publisher: { "@type": "Organization", name: "Wellness Weekly" },
          datePublished: "2025-02-28",
        },
      },
    });
    expect(review).not.toHaveProperty("@graph");
  });

  it("says the language of the review and of the source when they are known", () => {
    const review = buildClaimReview(input({ inLanguage: "en-GB", source: { title: "Le jus vert", language: "fr" } }));
    expect(review.inLanguage).toBe("en-GB");
    expect(review.itemReviewed.appearance.inLanguage).toBe("fr");
    expect(buildClaimReview(input())).not.toHaveProperty("inLanguage");
  });

  it("keeps ratings as numbers, with the scale's bounds", () => {
    const { reviewRating } = buildClaimReview(input({ rating: { value: 4, label: "Mostly accurate" } }));
    expect(typeof reviewRating.ratingValue).toBe("number");
    expect(typeof reviewRating.bestRating).toBe("number");
    expect(typeof reviewRating.worstRating).toBe("number");
    expect(reviewRating).toMatchObject({ ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: "Mostly accurate" });
    expect(JSON.parse(serializeJsonLd(buildClaimReview(input()))).reviewRating.ratingValue).toBe(1);
  });

  it("refuses a rating outside the scale and a relative site URL", () => {
    expect(() => buildClaimReview(input({ rating: { value: 6, label: "Beyond true" } }))).toThrow(RangeError);
    expect(() => buildClaimReview(input({ rating: { value: Number.NaN, label: "?" } }))).toThrow(RangeError);
    expect(() => buildClaimReview(input({ siteUrl: "/relative" }))).toThrow(/siteUrl/);
  });

  it("keeps the permalink on this site and encodes the slug and claim id", () => {
    const review = buildClaimReview(input({ siteUrl: "http://localhost:3100", slug: "a b", claim: { id: "x/y", statement: "s" } }));
    expect(review.url).toBe("http://localhost:3100/fact-checks/a%20b/claims/x%2Fy");
  });

  it("falls back to the publisher as the claimant when the author is unknown", () => {
    const review = buildClaimReview(input({ source: { title: "Story", url: "https://news.example/a", author: " ", publisher: "Daily News" } }));
    expect(review.itemReviewed.author).toEqual({ "@type": "Organization", name: "Daily News" });
    expect(review.itemReviewed.appearance).toEqual({
      "@type": "CreativeWork",
      headline: "Story",
      url: "https://news.example/a",
      publisher: { "@type": "Organization", name: "Daily News" },
    });
    expect(review.itemReviewed).not.toHaveProperty("datePublished");
  });

  it("handles a source with nothing but a title", () => {
    const review = buildClaimReview(input({ source: { title: "Untitled post", url: null, author: null, publisher: null, publishedOn: null } }));
    // The claim still names who made it: search engines expect Claim.author, so an unknown author is said to be unknown.
    expect(review.itemReviewed).toEqual({
      "@type": "Claim",
      author: { "@type": "Organization", name: "Unidentified author" },
      appearance: { "@type": "CreativeWork", headline: "Untitled post" },
    });
    // No `undefined` or null members leak into the JSON.
    expect(serializeJsonLd(review)).not.toMatch(/null|undefined/);
  });

  it("drops a source URL that is not http(s)", () => {
    const review = buildClaimReview(input({ source: { title: "T", url: "javascript:alert(1)" } }));
    expect(review.itemReviewed.appearance).not.toHaveProperty("url");
  });

  it("adds dateModified only when it differs from datePublished", () => {
    expect(buildClaimReview(input({ dateModified: new Date("2025-03-04T23:30:00Z") }))).not.toHaveProperty("dateModified");
    // A correction later the same day still moves dateModified (full instants, not days).
    expect(buildClaimReview(input({ dateModified: new Date("2025-03-04T23:59:00Z") })).dateModified).toBe("2025-03-04T23:59:00.000Z");
    expect(buildClaimReview(input({ dateModified: new Date("2025-03-10T08:00:00Z") })).dateModified).toBe("2025-03-10T08:00:00.000Z");
  });

  it("ignores an unreadable source date", () => {
    const review = buildClaimReview(input({ source: { title: "T", publishedOn: "sometime last spring" } }));
    expect(review.itemReviewed).not.toHaveProperty("datePublished");
  });
});

describe("serializeJsonLd", () => {
  it("cannot be broken out of by a statement containing </script>", () => {
    const statement = 'Vaccines contain </script><script>alert("x")</script> & <!-- more';
    const json = serializeJsonLd(buildClaimReview(input({ claim: { id: "c1", statement } })));
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(json).claimReviewed).toBe(statement);
  });

  it("escapes U+2028 and U+2029 and round-trips", () => {
    const value = { text: "line\u2028separator\u2029paragraph" };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe("helpers", () => {
  it("isoDate reads timestamps in UTC and keeps calendar days as given", () => {
    expect(isoDate(new Date("2025-01-01T00:30:00Z"))).toBe("2025-01-01");
    expect(isoDate("2024-02-29")).toBe("2024-02-29");
    expect(isoDate("2023-02-29")).toBeNull();
    expect(isoDate("2024-03-05T10:00:00Z")).toBe("2024-03-05");
    expect(isoDate("5 March 2024")).toBe("2024-03-05");
    expect(isoDate("")).toBeNull();
    expect(isoDate(null)).toBeNull();
  });

  it("httpUrlOrNull accepts only absolute http(s) URLs", () => {
    expect(httpUrlOrNull("https://a.example/x")).toBe("https://a.example/x");
    expect(httpUrlOrNull("javascript:alert(1)")).toBeNull();
    expect(httpUrlOrNull("data:text/html,hi")).toBeNull();
    expect(httpUrlOrNull("/relative")).toBeNull();
    expect(httpUrlOrNull(null)).toBeNull();
  });
});
