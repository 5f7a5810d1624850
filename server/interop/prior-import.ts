/**
 * Previews of prior fact-checks to import: a fact-check page fetched through the SSRF-safe fetcher (the import
 * policy of the environment), or a file the person chose. Nothing is stored here.
 */
import "server-only";
import { env } from "@/server/env";
import { policyFromEnv } from "@/server/fetch/fetch-policy";
import { safeFetch } from "@/server/fetch/safe-fetch";
import type { PriorOrigin } from "@/lib/prior-fact-checks";
import { readClaimReviewHtml, readClaimReviewJson, type ReadResult } from "./claimreview-in";

export type PriorPreview = ReadResult & { origin: PriorOrigin; label: string };

/** JSON answers read as ClaimReview JSON: a DataFeed (as the Data Commons feed is served), JSON-LD, arrays. */
const JSON_TYPES = ["application/json", "application/ld+json"] as const;

/** A fact-check page (JSON-LD or microdata), or a ClaimReview DataFeed or JSON-LD file served at a web address. */
export async function previewFromPage(url: string): Promise<PriorPreview> {
  const page = await safeFetch(url, { ...policyFromEnv(env()), extraTypes: JSON_TYPES });
  const json = (JSON_TYPES as readonly string[]).includes(page.contentType) || (page.contentType === "text/plain" && /^\s*[[{]/.test(page.text));
  return { ...(json ? readClaimReviewJson(page.text, page.url) : readClaimReviewHtml(page.text, page.url)), origin: "claimreview-page", label: page.url };
}

/** A .json/.jsonld file (JSON-LD, arrays, a DataFeed) or a saved .html page; anything else is tried as JSON first. */
export function previewFromFile(name: string, text: string): PriorPreview {
  const html = /\.html?$/i.test(name) || /^\s*</.test(text);
  const read = html ? readClaimReviewHtml(text, "") : readClaimReviewJson(text, name);
  return { ...read, origin: "claimreview-file", label: name };
}
