import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and wasm database drivers must stay out of the bundle.
  serverExternalPackages: ["better-sqlite3", "@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  // File imports (.docx up to 10 MB) and import previews (page HTML) travel through server actions.
  experimental: { serverActions: { bodySizeLimit: "12mb" } },
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    ];
    return [
      {
        // Everything except /embed/*: no page may be framed (clickjacking on the desk).
        source: "/((?!embed/).*)",
        headers: [
          ...common,
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // The embeddable claim card is read-only public data: any site may frame it.
        source: "/embed/:path*",
        headers: [...common, { key: "Content-Security-Policy", value: "frame-ancestors *; object-src 'none'; base-uri 'self'" }],
      },
    ];
  },
};

export default nextConfig;
