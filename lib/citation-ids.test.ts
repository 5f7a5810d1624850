import { describe, expect, it } from "vitest";
import { recognizeCitationId } from "./citation-ids";

describe("recognizeCitationId", () => {
  it.each([
    ["doi:10.15585/mmwr.mm6814a2", "10.15585/mmwr.mm6814a2"],
    ["DOI: 10.1016/j.neuropharm.2017.08.026", "10.1016/j.neuropharm.2017.08.026"],
    ["https://doi.org/10.1001/jama.2019.1234", "10.1001/jama.2019.1234"],
    ["http://dx.doi.org/10.1056/NEJMoa2034577", "10.1056/NEJMoa2034577"],
    ["See 10.1016/S0140-6736(20)30183-5.", "10.1016/S0140-6736(20)30183-5"],
    ["(doi:10.1136/bmj.m1234)", "10.1136/bmj.m1234"],
    ["https://doi.org/10.1002%2F14651858.CD012345", "10.1002/14651858.CD012345"],
  ])("finds the DOI in %s", (text, id) => {
    expect(recognizeCitationId(text)).toEqual({ kind: "doi", id, url: `https://doi.org/${id}` });
  });

  it.each([
    ["PMID: 31120873", "31120873"],
    ["pmid 31120873", "31120873"],
    ["https://pubmed.ncbi.nlm.nih.gov/31120873/", "31120873"],
    ["https://www.ncbi.nlm.nih.gov/pubmed/031120873", "31120873"],
  ])("finds the PMID in %s", (text, id) => {
    expect(recognizeCitationId(text)).toEqual({ kind: "pmid", id, url: `https://pubmed.ncbi.nlm.nih.gov/${id}/` });
  });

  it("finds a PMCID", () => {
    expect(recognizeCitationId("PMCID: pmc6522384")).toEqual({ kind: "pmcid", id: "PMC6522384", url: "https://pmc.ncbi.nlm.nih.gov/articles/PMC6522384/" });
  });

  it("prefers a DOI when the pasted reference carries both", () => {
    expect(recognizeCitationId("Smith J. Kratom. JAMA. 2019. PMID: 31120873 doi:10.1001/jama.2019.1")?.kind).toBe("doi");
  });

  it.each(["https://www.cdc.gov/mmwr/volumes/68/wr/mm6814a2.htm", "31120873", "version 10.2 of the guideline", "", "Hello world"])("finds nothing in %j", (text) => {
    expect(recognizeCitationId(text)).toBeNull();
  });
});
