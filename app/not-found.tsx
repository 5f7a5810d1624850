import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="page-narrow">
      <h1>Page not found</h1>
      <p className="muted">The page you asked for does not exist, or it is not published.</p>
      <p>
        <Link href="/fact-checks">Browse published fact-checks</Link>
      </p>
    </main>
  );
}
