/**
 * The purge hook: when public data changes, the app POSTs the public paths to
 * PURGE_WEBHOOK_URL (an operator's CDN or cache purger), so shared caches can
 * drop their copies at once instead of waiting out `s-maxage`
 * (server/http-cache.ts). Without it, `s-maxage` bounds how long a reader of a
 * shared cache may see the old page. deploy/README.md documents the payload.
 *
 * Every change sends the same list: the rating scale and the organisation's
 * name appear on every public page, and a publish changes the index, the
 * feed, the sitemap and the API list besides the fact-check's own pages; a
 * purge of a few prefixes costs a CDN less than a wrong guess costs a reader.
 */
import { env } from "@/server/env";

/** Path prefixes whose responses may have changed: purge every URL under each. */
export const PURGE_PATHS = ["/fact-checks", "/embed/", "/api/public/", "/about", "/methodology", "/corrections-policy", "/sitemap.xml", "/sitemaps/"] as const;

const TIMEOUT_MS = 5000;

/** Sends the purge request in the background: the editor's action does not wait for the operator's CDN. */
export function requestPurge(): void {
  const url = env().PURGE_WEBHOOK_URL;
  if (!url) return;
  const body = JSON.stringify({ event: "public-data-changed", at: new Date().toISOString(), paths: PURGE_PATHS });
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "error" })
    .then(async (response) => {
      await response.body?.cancel();
      if (!response.ok) console.error(`Purge hook answered ${response.status}`);
    })
    .catch((error: unknown) => console.error("Purge hook failed:", error instanceof Error ? error.message : error));
}
