import { describe, expect, it } from "vitest";
import { buildCsp, isEmbedPath, newNonce } from "./csp";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));

describe("buildCsp", () => {
  it("allows only nonced scripts on a desk page, with no inline or eval", () => {
    const csp = directives(buildCsp({ nonce: "abc123==", pathname: "/articles/x" }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    expect(csp.get("form-action")).toBe("'self'");
    expect([...csp.values()].join(" ")).not.toMatch(/unsafe-eval/);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows only the site's own script files on a plain public document, with no nonce and nothing inline", () => {
    const csp = directives(buildCsp({ nonce: null, pathname: "/fact-checks/a" }));
    expect(csp.get("script-src")).toBe("'self'");
    expect([...csp.values()].join(" ")).not.toMatch(/nonce|strict-dynamic|unsafe-eval/);
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(directives(buildCsp({ nonce: null, pathname: "/embed/claims/c1" })).get("frame-ancestors")).toBe("*");
  });

  it("lets any site frame /embed/* and nothing else", () => {
    expect(directives(buildCsp({ nonce: "n", pathname: "/embed/claims/c1" })).get("frame-ancestors")).toBe("*");
    expect(directives(buildCsp({ nonce: "n", pathname: "/embedded" })).get("frame-ancestors")).toBe("'none'");
    expect(isEmbedPath("/embed")).toBe(true);
    expect(isEmbedPath("/fact-checks/embed/x")).toBe(false);
  });

  it("adds eval only in development, the SSO origin to form-action, and upgrades over https", () => {
    const csp = directives(buildCsp({ nonce: "n", pathname: "/login", development: true, https: true, ssoOrigin: "https://sso.example" }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("form-action")).toBe("'self' https://sso.example");
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("newNonce", () => {
  it("is 128 bits of base64 and different every time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(new Set(Array.from({ length: 50 }, newNonce)).size).toBe(50);
  });
});
