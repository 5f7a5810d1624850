import type { NextConfig } from "next";
import { MAX_ACTION_BODY_BYTES } from "./lib/limits";

const nextConfig: NextConfig = {
  // Native and wasm database drivers must stay out of the bundle.
  serverExternalPackages: ["better-sqlite3", "@electric-sql/pglite", "postgres", "pg-boss"],
  poweredByHeader: false,
  // Metadata (title, description, canonical, Open Graph) goes in <head> for every reader, never streamed in later by a
  // script: public pages are served as plain documents without Next's scripts (server/page-cache/static-document.ts),
  // and crawlers and browsers then get the same bytes.
  htmlLimitedBots: /.*/,
  // proxy.ts must see a client-router request as such (its `rsc` header and `_rsc` query), which Next otherwise strips
  // before the proxy runs: the page cache then answers it with a stored document instead of letting the RSC payload through.
  skipProxyUrlNormalize: true,
  // File imports (.docx up to 10 MB) and import previews (page HTML) travel through server actions.
  // Requests that pass through proxy.ts are buffered up to proxyClientMaxBodySize, and the proxy is handed a copy
  // cut at the same size; it stays above the action limit so that proxy.ts, counting a body sent without a length,
  // always sees it pass the action limit and refuses it, instead of Next handing on a truncated body.
  experimental: { serverActions: { bodySizeLimit: MAX_ACTION_BODY_BYTES }, proxyClientMaxBodySize: MAX_ACTION_BODY_BYTES + 1024 * 1024 },
  async headers() {
    // The Content-Security-Policy (with its per-request nonce and frame-ancestors) comes from proxy.ts.
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    ];
    return [
      // Every response, static files and API routes included.
      { source: "/:path*", headers: common },
      {
        // Everything except /embed/*: no page may be framed (clickjacking on the desk); for browsers without CSP frame-ancestors.
        source: "/((?!embed/).*)",
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
    ];
  },
};

export default nextConfig;
