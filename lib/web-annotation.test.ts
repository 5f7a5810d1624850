import { describe, expect, it } from "vitest";
import { describeAnchor } from "./anchoring/anchor";
import { codePointLength, sliceCodePoints } from "./anchoring/text";
import { buildAnnotationCollection, buildAnnotationPage, type ExportClaim } from "./web-annotation";

const TEXT = "Intro 🌞 text.\n\nKratom contains alkaloids that interact with opioid receptors.";

function claim(exact: string, verdict: ExportClaim["verdict"]): ExportClaim {
  const at = codePointLength(TEXT.slice(0, TEXT.indexOf(exact)));
  return {
    id: "c1",
    versionId: "v1",
    ...describeAnchor(TEXT, at, at + codePointLength(exact)),
    statement: "Kratom's alkaloids act on opioid receptors.",
    status: "verdict_proposed",
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-02T00:00:00.000Z",
    creatorName: "Rae Reviewer",
    verdict,
  };
}

describe("buildAnnotationCollection", () => {
  const c = claim("alkaloids that interact", { label: "Accurate", value: 5, rationale: "**Yes.**", revision: 1 });
  const out = buildAnnotationCollection({ siteUrl: "https://desk.example/", articleId: "a1", articleTitle: "Kratom", claims: [c, { ...claim("Kratom contains", null), id: "c2" }] });

  it("is an AnnotationCollection with an embedded first page (MUSTs: @context, id, type; page items and partOf)", () => {
    expect(out["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(out.type).toBe("AnnotationCollection");
    expect(out.id).toBe("https://desk.example/api/articles/a1/annotations");
    expect(out.total).toBe(2);
    expect(out.first.type).toBe("AnnotationPage");
    expect(out.first.partOf).toBe(out.id);
    expect(out.first.items).toHaveLength(2);
  });

  it("gives each annotation an IRI, its type, a body and a target with quote and code-point position selectors", () => {
    const [a, b] = out.first.items;
    expect(a!["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(a!.id).toBe("https://desk.example/articles/a1#claim-c1");
    expect(new Set(out.first.items.map((i) => i.id)).size).toBe(2);
    expect(a!.type).toBe("Annotation");
    expect(a!.motivation).toBe("assessing");
    expect(a!.body).toEqual([
      expect.objectContaining({ type: "TextualBody", purpose: "describing", value: c.statement }),
      expect.objectContaining({ type: "TextualBody", purpose: "assessing", value: "Accurate" }),
      expect.objectContaining({ type: "TextualBody", purpose: "commenting", value: "**Yes.**", format: "text/markdown" }),
    ]);
    expect(b!.motivation).toBe("highlighting");
    expect(b!.body).toHaveLength(1);
    const [quote, position] = a!.target.selector;
    expect(a!.target.type).toBe("SpecificResource");
    expect(a!.target.source).toBe("https://desk.example/articles/a1?version=v1");
    expect(quote).toEqual({ type: "TextQuoteSelector", exact: "alkaloids that interact", prefix: c.prefix, suffix: c.suffix });
    // Code points: the astral emoji before the quote counts once, as the model requires.
    expect(position).toEqual({ type: "TextPositionSelector", start: c.start, end: c.end });
    expect(sliceCodePoints(TEXT, c.start, c.end)).toBe("alkaloids that interact");
    expect(c.start).toBe(TEXT.indexOf("alkaloids") - 1);
  });
});

describe("paging", () => {
  const base = claim("alkaloids that interact", null);
  const claims = Array.from({ length: 5 }, (_, i) => ({ ...base, id: `c${i}` }));
  const options = { siteUrl: "https://desk.example", articleId: "a1", articleTitle: "Kratom", claims, pageSize: 2 };

  it("embeds only the first page and links the last", () => {
    const out = buildAnnotationCollection(options);
    expect(out.total).toBe(5);
    expect(out.first.items.map((i) => i.id.split("#")[1])).toEqual(["claim-c0", "claim-c1"]);
    expect(out.first.next).toBe("https://desk.example/api/articles/a1/annotations?page=1");
    expect(out.last).toBe("https://desk.example/api/articles/a1/annotations?page=2");
  });

  it("serves each page with next and prev, and nothing past the end", () => {
    const middle = buildAnnotationPage(options, 1)!;
    expect(middle).toMatchObject({ type: "AnnotationPage", startIndex: 2, prev: `${middle.partOf.id}?page=0`, next: `${middle.partOf.id}?page=2` });
    expect(middle.items).toHaveLength(2);
    const last = buildAnnotationPage(options, 2)!;
    expect(last.items).toHaveLength(1);
    expect(last).not.toHaveProperty("next");
    expect(buildAnnotationPage(options, 3)).toBeNull();
  });
});
