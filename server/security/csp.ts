/**
 * The Content-Security-Policy every response carries (set by proxy.ts).
 * Plain functions, no framework, so the policy can be unit-tested and the
 * e2e suite can assert the exact directives.
 *
 * Why each source is there:
 * - script-src: only scripts carrying this request's nonce (Next puts it on
 *   its own bootstrap and inline RSC scripts, reading it from the request's
 *   CSP header) and whatever those load ('strict-dynamic'). Public pages
 *   served as plain documents have no inline script and no nonce: there
 *   only the origin's own files run ('self'). No
 *   'unsafe-inline', no 'unsafe-eval' in production; React's development
 *   build needs eval for its error overlays, so `next dev` gets it.
 * - style-src 'unsafe-inline': React renders `style={{…}}` attributes (badge
 *   colours from the rating scale, highlight positions) and nonces cannot
 *   cover style attributes; the "as imported" frame also has its own <style>.
 *   Inline styles cannot run script, so this is the usual trade-off.
 * - img-src data: blob: — icons as data URLs; exported files previewed as blobs.
 * - frame-src 'self': the import preview is a `srcdoc` frame (inherits this
 *   policy, and its empty sandbox blocks script anyway).
 * - form-action: native form posts before hydration go to this origin; the
 *   single sign-on button redirects to the identity provider, so its origin
 *   is allowed when one is configured.
 * - frame-ancestors: no page may be framed (clickjacking on the desk),
 *   except the read-only embeddable claim card under /embed/.
 */

import { ORIGINAL_FILES_PATH } from "@/lib/original-files";

export type CspOptions = {
  /** The nonce on this response's scripts; null for a plain public document, which has no inline script (server/page-cache/static-document.ts). */
  nonce: string | null;
  /** The request path: decides frame-ancestors. */
  pathname: string;
  /** `next dev`: React needs eval there. */
  development?: boolean;
  /** Served over HTTPS: upgrade any stray http:// subresource. */
  https?: boolean;
  /** Origin of the single sign-on issuer, when configured. */
  ssoOrigin?: string | null;
};

/** Pages any site may frame: the embeddable claim cards. */
export function isEmbedPath(pathname: string): boolean {
  return pathname === "/embed" || pathname.startsWith("/embed/");
}

/**
 * A kept original (a PDF as imported) is untrusted bytes: its response may
 * load nothing but the browser's PDF viewer itself (object-src 'self' is the
 * viewer's embed of the same URL; its inline styles need 'unsafe-inline').
 */
const ORIGINAL_FILE_POLICY = "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function buildCsp(options: CspOptions): string {
  if (options.pathname.startsWith(ORIGINAL_FILES_PATH)) return ORIGINAL_FILE_POLICY;
  // Without a nonce only the origin's own script files may run: a plain document has no inline script, and no
  // script on this origin is written by users (every response is nosniff, so no JSON or text runs as script).
  const scriptSrc = options.nonce === null ? ["'self'"] : ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'"];
  if (options.development) scriptSrc.push("'unsafe-eval'");
  const formAction = ["'self'"];
  if (options.ssoOrigin) formAction.push(options.ssoOrigin);
  const directives: string[] = [
    "default-src 'self'",
    `script-src ${scriptSrc.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${formAction.join(" ")}`,
    `frame-ancestors ${isEmbedPath(options.pathname) ? "*" : "'none'"}`,
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable and valid in a CSP nonce-source. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
