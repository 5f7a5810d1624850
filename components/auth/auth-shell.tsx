import Link from "next/link";
import type { ReactNode } from "react";
import styles from "./auth.module.css";

/** The frame for sign-in and first-run set-up: brand on top, one narrow column, a way out to the public site. */
export function AuthShell({ children }: { children: ReactNode }) {
  return (
    <div className={styles.shell}>
      <header className={styles.brandRow}>
        <Link href="/fact-checks" className={styles.brand}>
          Fact<span>desk</span>
        </Link>
        <p className={styles.tagline}>The editorial desk for fact-checks</p>
      </header>
      <main id="main" className={styles.column}>
        {children}
      </main>
      <footer className={styles.footer}>
        <Link href="/fact-checks">Read the published fact-checks</Link>
      </footer>
    </div>
  );
}

/** The white card that holds a form, with its heading and a one-line explanation. */
export function AuthCard({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  return (
    <section className={styles.card} aria-labelledby="auth-card-title">
      <h1 id="auth-card-title">{title}</h1>
      {lead && <p className={styles.lead}>{lead}</p>}
      {children}
    </section>
  );
}
