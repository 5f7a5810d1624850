/**
 * Public pages as plain documents: what the rendered-page cache keeps and
 * serves to anonymous readers is Next's HTML without Next's client runtime.
 *
 * Why: a page Next renders carries its React Server Components payload as
 * inline scripts (two thirds of the fact-check page's bytes) and, under a
 * strict CSP, a fresh nonce on every script, so no two readers get the same
 * bytes and no shared cache may keep them. Public pages need no client
 * runtime: they are text, links and one GET search form; the claim
 * navigation is one small static script (public/scripts). Without the
 * runtime's scripts there is no inline script left to allow, so the policy
 * needs neither a nonce nor hashes ("script-src 'self'"), and every reader
 * gets the same bytes, which can carry a strong ETag and `Cache-Control:
 * public`. Hashing the inline scripts instead would keep the payload (and
 * the weight), and Next's SRI option covers only webpack builds, not the
 * Turbopack build this app ships.
 *
 * Kept: data blocks (`application/ld+json`, the ClaimReview markup) and the
 * static scripts of public/scripts (served from /scripts/). Removed: every other script, and the
 * preload hints for them. A page whose content is not all in place without
 * the runtime (a Suspense boundary still pending or left to the client) is
 * refused: the caller serves it the ordinary way.
 */
import { Parser } from "htmlparser2";

/** Where the app's own static scripts are served from (public/scripts): the only code a plain document keeps. */
const OWN_SCRIPTS = "/scripts/";

/** Script types that are data, not code: browsers never run them, and CSP does not apply. */
const DATA_BLOCK = /^application\/(?:ld\+)?json$/i;

/** React's markers for a boundary whose content arrives later or only on the client: without scripts it would stay hidden or empty. */
const CLIENT_ONLY_CONTENT = /<!--\$[?!]-->|<template id="B:/;

/** Whether a <script> element runs code (an absent or JavaScript type; a module too). */
function isCode(attributes: Record<string, string>): boolean {
  const type = (attributes.type ?? "").trim();
  return !DATA_BLOCK.test(type);
}

/** Hints that make the browser fetch the runtime anyway: `<link rel="preload" as="script">` and `modulepreload`. */
function isScriptHint(attributes: Record<string, string>): boolean {
  const rel = (attributes.rel ?? "").toLowerCase().split(/\s+/);
  return rel.includes("modulepreload") || (rel.includes("preload") && (attributes.as ?? "").toLowerCase() === "script");
}

/**
 * The page without Next's runtime, and without the render's nonce anywhere;
 * null when it cannot be served that way.
 */
export function toStaticDocument(html: string, nonce: string): string | null {
  if (CLIENT_ONLY_CONTENT.test(html)) return null;
  const cuts: [number, number][] = [];
  let openScript: { start: number; keep: boolean } | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "script") openScript = { start: parser.startIndex, keep: !isCode(attributes) || (attributes.src ?? "").startsWith(OWN_SCRIPTS) };
        else if (name === "link" && isScriptHint(attributes)) cuts.push([parser.startIndex, parser.endIndex + 1]);
      },
      onclosetag(name) {
        if (name !== "script" || !openScript) return;
        if (!openScript.keep) cuts.push([openScript.start, parser.endIndex + 1]);
        openScript = null;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  let out = "";
  let at = 0;
  for (const [start, end] of cuts) {
    out += html.slice(at, start);
    at = end;
  }
  out += html.slice(at);
  if (nonce) out = out.split(` nonce="${nonce}"`).join("");
  // Anything left naming the nonce (an attribute written some other way) would make the bytes differ per render.
  if (nonce && out.includes(nonce)) return null;
  return out;
}
