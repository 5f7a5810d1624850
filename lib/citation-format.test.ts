import { describe, expect, it } from "vitest";
import { displayUrl, formatCitation, formatCitationDate } from "./citation-format";

describe("formatCitation", () => {
  it("writes a study with a DOI the same way every time", () => {
    const f = formatCitation({
      url: "https://doi.org/10.15585/mmwr.mm6814a2",
      title: "Kratom-related deaths. ",
      publisher: "MMWR",
      publishedOn: "2019-04-12",
      stance: "supports",
      kind: "study",
      quote: "  91 deaths.  ",
      archiveUrl: "",
    });
    expect(f).toMatchObject({ title: "Kratom-related deaths", source: "MMWR, 12 April 2019", labels: "Study · Supports", identifier: "doi:10.15585/mmwr.mm6814a2", quote: "91 deaths.", archiveUrl: null });
    expect(f.text).toBe("Kratom-related deaths. MMWR, 12 April 2019. Study · Supports. doi:10.15585/mmwr.mm6814a2");
  });

  it("leaves out what is missing and shortens plain web addresses", () => {
    const f = formatCitation({ url: "https://www.fda.gov/kratom/", title: "FDA on kratom" });
    expect(f.text).toBe("FDA on kratom. fda.gov/kratom");
    expect(formatCitation({ url: "https://pubmed.ncbi.nlm.nih.gov/31120873/", title: "T", kind: "study" }).identifier).toBe("PMID 31120873");
  });

  it("formats partial and odd dates", () => {
    expect(formatCitationDate("2024-06")).toBe("June 2024");
    expect(formatCitationDate("2024")).toBe("2024");
    expect(formatCitationDate("2024-13-01")).toBe("2024-13-01");
    expect(formatCitationDate("spring 2020")).toBe("spring 2020");
    expect(formatCitationDate(null)).toBe("");
    expect(displayUrl("http://example.org/")).toBe("example.org");
  });
});
