import { describe, expect, it } from "vitest";
import { toStaticDocument } from "./static-document";

const NONCE = "abc+/=";

/** The shape of a Next render: script hints, runtime chunks, inline payload, our own script, data blocks. */
function render(body = "<main><p>Claim</p></main>"): string {
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"/>` +
    `<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="${NONCE}" data-precedence="next"/>` +
    `<link rel="preload" as="script" fetchPriority="low" nonce="${NONCE}" href="/_next/static/chunks/w.js"/>` +
    `<link rel="modulepreload" href="/_next/static/chunks/m.js"/>` +
    `<script src="/_next/static/chunks/main.js" async="" nonce="${NONCE}"></script>` +
    `<script src="/scripts/claim-navigation.js" async="" nonce="${NONCE}"></script>` +
    `<title>A page</title></head><body>${body}` +
    `<script type="application/ld+json">{"@type":"ClaimReview","text":"\\u003cb\\u003e"}</script>` +
    `<script nonce="${NONCE}">(self.__next_f=self.__next_f||[]).push([0])</script>` +
    `<script nonce="${NONCE}">self.__next_f.push([1,"a \\u003c/script\\u003e b"])</script>` +
    `<script type="module" nonce="${NONCE}">import("/x.js")</script>` +
    `</body></html>`
  );
}

describe("public pages as plain documents", () => {
  it("keeps the content, styles, data blocks and the app's own scripts; drops Next's runtime and every nonce", () => {
    const out = toStaticDocument(render(), NONCE)!;
    expect(out).toBe(
      `<!DOCTYPE html><html><head><meta charset="utf-8"/>` +
        `<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>` +
        `<script src="/scripts/claim-navigation.js" async=""></script>` +
        `<title>A page</title></head><body><main><p>Claim</p></main>` +
        `<script type="application/ld+json">{"@type":"ClaimReview","text":"\\u003cb\\u003e"}</script>` +
        `</body></html>`,
    );
  });

  it("gives the same bytes for renders that differ only by their nonce", () => {
    const other = render().split(NONCE).join("XYZ987");
    expect(toStaticDocument(other, "XYZ987")).toBe(toStaticDocument(render(), NONCE));
  });

  it("does not mistake text that looks like a tag for one", () => {
    const body = `<p>The &lt;script&gt; tag and <code>&lt;/script&gt;</code> stay text</p>`;
    expect(toStaticDocument(render(body), NONCE)).toContain(body);
  });

  it("refuses a page whose content needs the runtime to appear", () => {
    expect(toStaticDocument(render(`<!--$?--><template id="B:0"></template><p>Loading</p><!--/$-->`), NONCE)).toBeNull();
    expect(toStaticDocument(render(`<!--$!--><template data-dgst="x"></template><!--/$-->`), NONCE)).toBeNull();
    // A boundary resolved in place is fine.
    expect(toStaticDocument(render(`<!--$--><p>Here</p><!--/$-->`), NONCE)).toContain("<!--$--><p>Here</p><!--/$-->");
  });

  it("refuses a page that still names the nonce after the attributes are gone", () => {
    expect(toStaticDocument(render(`<p data-x="${NONCE}">x</p>`), NONCE)).toBeNull();
  });

  it("works on a page rendered without a nonce", () => {
    expect(toStaticDocument(`<html><body><script>1</script><p>x</p></body></html>`, "")).toBe("<html><body><p>x</p></body></html>");
  });
});
