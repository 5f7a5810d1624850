"use client";

/** Last-resort error page: a plain message and a retry, never a stack trace. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="page-narrow">
      <h1>Something went wrong</h1>
      <p className="muted">The page could not be shown. Nothing you saved earlier is lost.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
