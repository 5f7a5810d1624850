import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and wasm database drivers must stay out of the bundle.
  serverExternalPackages: ["better-sqlite3", "@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
