import { describe, expect, it } from "vitest";
import { completeWebAddress } from "./web-address";

describe("completeWebAddress", () => {
  it("adds https:// to a bare host name, with or without a path, port or query", () => {
    expect(completeWebAddress("example.org/a")).toBe("https://example.org/a");
    expect(completeWebAddress("  www.bbc.co.uk ")).toBe("https://www.bbc.co.uk");
    expect(completeWebAddress("example.org:8080/a?b=1")).toBe("https://example.org:8080/a?b=1");
    expect(completeWebAddress("//cdn.example.org/a")).toBe("https://cdn.example.org/a");
    expect(completeWebAddress("localhost:3000/x")).toBe("https://localhost:3000/x");
  });

  it("leaves addresses with a scheme, and text that is no host name, as typed", () => {
    for (const typed of ["https://example.org/a", "http://example.org", "ftp://example.org/a", "mailto:desk@example.org", "javascript:alert(1)", "file:///etc/passwd", "10.1000/xyz", "127.0.0.1/a", "not an address", ""]) {
      expect(completeWebAddress(typed)).toBe(typed);
    }
  });
});
