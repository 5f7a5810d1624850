import Link from "next/link";
import type { ReactNode } from "react";

/** What anonymous readers see: no session is read here, so these pages can be cached. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href="/fact-checks" className="brand">
            Fact<span>desk</span>
          </Link>
          <nav className="nav" aria-label="Site">
            <Link href="/fact-checks">Fact-checks</Link>
            <Link href="/methodology">Methodology</Link>
            <Link href="/corrections-policy">Corrections</Link>
            <Link href="/about">About</Link>
          </nav>
          <Link href="/articles" className="small">
            Desk sign-in
          </Link>
        </div>
      </header>
      {children}
      <footer className="site-footer">
        Fact-checks are reviewed by two people before publication. Ratings run from 1 (false) to 5 (true).{" "}
        <Link href="/corrections-policy">Corrections policy</Link> · <Link href="/about">Funding and contact</Link> ·{" "}
        <a href="/fact-checks/feed.xml">Feed</a>
      </footer>
    </>
  );
}
