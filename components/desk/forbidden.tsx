export function Forbidden({ what }: { what: string }) {
  return (
    <main id="main" className="page-narrow">
      <h1>Not available to your role</h1>
      <p className="muted">{what}</p>
    </main>
  );
}
