import type { ReactNode } from "react";
import styles from "./public.module.css";

/**
 * Where the fact-check page's one script lives: public pages are served as
 * plain documents without Next's client runtime (server/page-cache/static-document.ts
 * keeps this script and removes the others), so what needs the browser is a
 * small static file with no build step.
 */
const CLAIM_NAVIGATION_SCRIPT = "/scripts/claim-navigation.js";

/**
 * The part of the page the script links up: highlighted claims in the text
 * and the claim cards. `nonce` is for the signed-in view, which is rendered
 * per request with Next's runtime and a nonce-based policy (proxy.ts).
 */
export function ClaimNavigation({ children, className, nonce }: { children: ReactNode; className?: string; nonce?: string }) {
  return (
    <div className={className} data-claim-navigation>
      <script src={CLAIM_NAVIGATION_SCRIPT} async nonce={nonce} />
      {children}
    </div>
  );
}

/** The button a claim card shows next to its quote; the claim navigation script handles the click. */
export function ShowInArticleButton({ claimId }: { claimId: string }) {
  return (
    <button type="button" className={styles.linkButton} data-show-claim={claimId}>
      Show in article
    </button>
  );
}
