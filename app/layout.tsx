import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { siteUrl } from "@/server/env";
import "./globals.css";

/**
 * Per request, not a constant: metadataBase makes the Open Graph image links absolute on the site's public address
 * (SITE_URL), which is read when the server runs, not when it is built. Without it Next writes the address the app
 * itself listens on, which behind a reverse proxy no reader can reach.
 */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: "Factdesk", template: "%s · Factdesk" },
    description: "Fact-checks of health claims: every claim, its verdict, the evidence and the corrections.",
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put this request's CSP nonce (proxy.ts) on its
  // scripts; a page prerendered at build time would be blocked. Public data stays cached in
  // Next's data cache (server/public-cache.ts), so this costs a render, not a database read.
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
