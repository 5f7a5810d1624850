import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and wasm database drivers must stay out of the bundle.
  serverExternalPackages: ["better-sqlite3", "@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  // File imports (.docx up to 10 MB) and import previews (page HTML) travel through server actions.
  experimental: { serverActions: { bodySizeLimit: "12mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // No page may be framed yet; an embeddable claim card will be the one exception.
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
