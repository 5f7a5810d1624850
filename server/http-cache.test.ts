import { describe, expect, it } from "vitest";
import { CACHE_POLICIES, cacheableResponse, cacheControl, ifNoneMatchMatches, notModified, parseIfNoneMatch, strongETag } from "./http-cache";

const get = (headers: Record<string, string> = {}) => new Request("http://example.test/api/public/fact-checks", { headers });

describe("strong ETags", () => {
  it("hash the exact bytes: equal bodies, equal tags; any change, a new tag", () => {
    const tag = strongETag('{"a":1}');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(strongETag('{"a":1}')).toBe(tag);
    expect(strongETag(new TextEncoder().encode('{"a":1}'))).toBe(tag);
    expect(strongETag('{"a":2}')).not.toBe(tag);
    expect(strongETag('{"a":1} ')).not.toBe(tag);
    // Characters, as UTF-8 bytes: é precomposed and decomposed are different bodies.
    expect(strongETag("caf\u00e9")).not.toBe(strongETag("cafe\u0301"));
  });
});

describe("If-None-Match", () => {
  const etag = '"abc"';

  it("parses lists of strong and weak tags, and *", () => {
    expect(parseIfNoneMatch("*")).toBe("*");
    expect(parseIfNoneMatch(' "a" ,W/"b",, "c,d" ')).toEqual([
      [false, '"a"'],
      [true, '"b"'],
      [false, '"c,d"'],
    ]);
    expect(parseIfNoneMatch('""')).toEqual([[false, '""']]);
    for (const bad of ["abc", '"a" "b"', 'W/ "a"', '"a', "w/\"a\"", '"a"x', "", " , "]) expect(parseIfNoneMatch(bad), bad).toBeNull();
  });

  it("matches by weak comparison: the opaque tags are equal, W/ on either side or not", () => {
    expect(ifNoneMatchMatches('"abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('W/"abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(ifNoneMatchMatches('"x", W/"abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches('"x","abc"', etag)).toBe(true);
    expect(ifNoneMatchMatches("*", etag)).toBe(true);
    expect(ifNoneMatchMatches('"abcd"', etag)).toBe(false);
    expect(ifNoneMatchMatches('"ABC"', etag)).toBe(false);
    expect(ifNoneMatchMatches('"x", "y"', etag)).toBe(false);
    expect(ifNoneMatchMatches("abc", etag)).toBe(false);
    expect(ifNoneMatchMatches(null, etag)).toBe(false);
    // A list that does not parse matches nothing, even if a tag in it would.
    expect(ifNoneMatchMatches('"abc" junk', etag)).toBe(false);
  });
});

describe("cacheable responses", () => {
  const options = { contentType: "application/json", policy: CACHE_POLICIES.api, headers: { "Access-Control-Allow-Origin": "*" } };

  it("sends the body with its ETag, Cache-Control, Vary and the route's own headers", async () => {
    const response = cacheableResponse(get(), '{"a":1}', options);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('{"a":1}');
    expect(Object.fromEntries(response.headers)).toEqual({
      "access-control-allow-origin": "*",
      "cache-control": "public, max-age=0, s-maxage=60, stale-while-revalidate=300",
      "content-type": "application/json",
      etag: strongETag('{"a":1}'),
      vary: "Accept-Encoding",
    });
  });

  it("answers 304 without a body when the client has it, keeping validators, caching fields and CORS", async () => {
    const etag = strongETag('{"a":1}');
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const response = cacheableResponse(get({ "If-None-Match": ifNoneMatch }), '{"a":1}', options);
      expect(response.status, ifNoneMatch).toBe(304);
      expect(await response.text()).toBe("");
      expect(Object.fromEntries(response.headers)).toEqual({
        "access-control-allow-origin": "*",
        "cache-control": "public, max-age=0, s-maxage=60, stale-while-revalidate=300",
        etag,
        vary: "Accept-Encoding",
      });
    }
    const changed = cacheableResponse(get({ "If-None-Match": etag }), '{"a":2}', options);
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe('{"a":2}');
  });

  it("builds a 304 from a stored 200's headers (the page cache's path)", () => {
    const response = notModified(new Headers({ "content-type": "application/atom+xml", "content-length": "12", etag: '"t"', "cache-control": "public", vary: "Accept-Encoding" }));
    expect(response.status).toBe(304);
    expect(response.body).toBeNull();
    expect(Object.fromEntries(response.headers)).toEqual({ etag: '"t"', "cache-control": "public", vary: "Accept-Encoding" });
  });

  it("has a policy per route: browsers always revalidate, shared caches keep it for a while", () => {
    expect(cacheControl(CACHE_POLICIES.feed)).toBe("public, max-age=0, s-maxage=300, stale-while-revalidate=3600");
    expect(cacheControl(CACHE_POLICIES.sitemap)).toBe("public, max-age=0, s-maxage=3600, stale-while-revalidate=86400");
    expect(cacheControl(CACHE_POLICIES.robots)).toBe("public, max-age=0, s-maxage=3600, stale-while-revalidate=86400");
  });
});
