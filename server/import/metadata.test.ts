import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { readMetadata, withoutSiteSuffix } from "./metadata";

describe("page titles", () => {
  it("drops a last part that names the site: the publisher or a domain name", () => {
    expect(withoutSiteSuffix("WEEKLY ADDRESS: Merry Christmas | whitehouse.gov", null)).toBe("WEEKLY ADDRESS: Merry Christmas");
    expect(withoutSiteSuffix("Kratom and withdrawal - Example Health News", "Example Health News")).toBe("Kratom and withdrawal");
    expect(withoutSiteSuffix("Kratom and withdrawal — www.health.example", null)).toBe("Kratom and withdrawal");
  });

  it("keeps a title whose last part is its own words, or that would be left too short", () => {
    expect(withoutSiteSuffix("Kratom – a guide for families", "Health News")).toBe("Kratom – a guide for families");
    expect(withoutSiteSuffix("Kratom | bbc.com", null)).toBe("Kratom | bbc.com");
    expect(withoutSiteSuffix("No separator here", null)).toBe("No separator here");
  });

  it("reads og:site_name written with value= and uses it for the title", () => {
    const { document } = parseHTML(`<html><head><title>Vitamin C and colds: what trials found | Daily Health</title><meta name="og:site_name" value="Daily Health"></head><body></body></html>`);
    const metadata = readMetadata(document as unknown as Document, null);
    expect(metadata).toMatchObject({ title: "Vitamin C and colds: what trials found", publisher: "Daily Health" });
  });
});
