/**
 * The page as imported (sanitized on the server), for comparing with the
 * extracted blocks. It is shown in a frame with an empty `sandbox`: no
 * script, no forms, no navigation of this page, a unique origin — so even
 * markup the sanitizer missed cannot act. Passed as `srcDoc`, an attribute,
 * never injected into this document.
 */
import { originalFileUrl } from "@/lib/original-files";
import styles from "./import.module.css";

const FRAME_STYLE = "<style>body{font:16px/1.6 Georgia,serif;max-width:70ch;margin:1rem auto;padding:0 1rem;color:#222}a{color:#1d4f91}</style>";

export function OriginalView({ html, title }: { html: string; title: string }) {
  return (
    <details className={styles.original}>
      <summary>Show the page as imported</summary>
      <iframe className={styles.originalFrame} title={`As imported: ${title}`} sandbox="" srcDoc={`<!doctype html><meta charset="utf-8">${FRAME_STYLE}${html}`} />
    </details>
  );
}

/**
 * A PDF as imported, in the browser's own PDF viewer in a new tab: the file
 * itself, served as application/pdf (app/api/originals/[id]/route.ts), not
 * its content re-rendered into a desk page.
 */
export function OriginalFileLink({ id }: { id: string }) {
  return (
    <p className="small">
      <a href={originalFileUrl(id)} target="_blank" rel="noopener noreferrer">
        Open the PDF as imported<span className="visually-hidden"> (opens in a new tab)</span>
      </a>
    </p>
  );
}
