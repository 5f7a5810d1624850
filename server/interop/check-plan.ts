/**
 * What a Check export becomes here, decided before anything is written: each item's claim text and the key it is
 * known by (so the same item is never imported twice), each fact-check's rating through its item, and the
 * default mapping of Check's statuses. Pure: the write is db/queries/check-import.ts.
 */
import { createHash } from "node:crypto";
import { normalizeText } from "@/lib/anchoring/text";
import { defaultStatement, MAX_QUOTE } from "@/lib/validation/claim";
import type { CheckExplainer, CheckFactCheck, CheckItem } from "./check-rows";

/** Status (as Check wrote it, lower case) → a rating id, or null for "not a verdict". */
export type StatusMapping = Record<string, string | null>;
type Rating = { id: string; label: string; value: number };

const sha256 = (parts: (string | null)[]) => createHash("sha256").update(parts.map((p) => p ?? "").join("\u0000")).digest("hex");
/** Titles compared the way a person would: case, accents, punctuation and spacing aside. */
export const titleKey = (s: string) =>
  normalizeText(s)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
export const statusKey = (status: string) => normalizeText(status).toLowerCase();

export type PlannedItem = CheckItem & { sourceKey: string; quote: string; statement: string; ratingId: string | null; factCheckUrl: string | null };

/** Check ids are unique in Check; rows without one (older exports) are known by what they say and when. */
export const itemKey = (item: CheckItem) => (item.checkId ? `check-item:${item.checkId}` : `check-item-sha256:${sha256([item.title, item.description, item.mediaData, item.createdAt])}`);
export const explainerKey = (e: CheckExplainer) => (e.checkId ? `check-explainer:${e.checkId}` : `check-explainer-sha256:${sha256([e.title, e.url])}`);

/** The claim an item makes: the claim text of a Claim item, else its title, else whatever it holds. */
export function claimText(item: CheckItem): string {
  const claim = item.mediaType?.toLowerCase() === "claim" && item.mediaData ? item.mediaData : item.title || item.mediaData || "";
  return normalizeText(claim).slice(0, MAX_QUOTE);
}

/**
 * Check's own statuses as a newsroom would map them: "false" to the bottom of the scale, "verified" to the top,
 * undetermined/in progress/not applicable as not a verdict; a status spelled like one of the scale's labels (any
 * case or accents) to that label. Anything else starts as not a verdict, for the admin to decide.
 */
export function defaultMapping(statuses: string[], ratings: Rating[], remembered: StatusMapping): StatusMapping {
  const byValue = [...ratings].sort((a, b) => a.value - b.value);
  const byLabel = new Map(ratings.map((r) => [titleKey(r.label), r.id]));
  const mapping: StatusMapping = {};
  for (const raw of statuses) {
    const status = statusKey(raw);
    if (status in remembered && (remembered[status] === null || ratings.some((r) => r.id === remembered[status]))) mapping[status] = remembered[status]!;
    else if (byLabel.has(titleKey(status))) mapping[status] = byLabel.get(titleKey(status))!;
    else if (status === "false") mapping[status] = byValue[0]?.id ?? null;
    else if (status === "verified") mapping[status] = byValue.at(-1)?.id ?? null;
    else mapping[status] = null;
  }
  return mapping;
}

/** Content words cut to five letters ("cures" and "cure" alike; accents and case aside), for linking reports to items. */
const stems = (s: string) => new Set(titleKey(s).split(" ").filter((w) => w.length > 2).map((w) => w.slice(0, 5)));
function dice(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return a.size + b.size ? (2 * shared) / (a.size + b.size) : 0;
}
/** How alike a report's title must be to an item's title or claim to be taken as its report. */
export const LINK_SIMILARITY = 0.5;
/** A word in more items than this links nothing by itself ("covid" in a health desk's archive). */
const COMMON = 2000;

/**
 * Which item each fact-check reports on. Early exports do not link the two, and Check titles a report after its
 * verdict ("Kratom does not cure withdrawal" for the item "Kratom cures withdrawal"): the item whose title or
 * claim shares the most words with the report's title, at least LINK_SIMILARITY (Dice over word stems), each
 * item at most once. The preview shows every link for the admin to check.
 */
export function linkReports(items: { title: string; quote: string }[], factChecks: CheckFactCheck[]): (number | null)[] {
  const itemStems = items.map((i) => [stems(i.title), stems(i.quote)] as const);
  // Candidates through the words they share: a workspace has tens of thousands of items, too many to compare each.
  const byStem = new Map<string, number[]>();
  itemStems.forEach((pair, i) => {
    for (const w of new Set([...pair[0], ...pair[1]])) {
      if (!byStem.has(w)) byStem.set(w, []);
      byStem.get(w)!.push(i);
    }
  });
  const taken = new Set<number>();
  return factChecks.map((f) => {
    const report = stems(f.title);
    const candidates = new Set([...report].flatMap((w) => ((byStem.get(w)?.length ?? 0) <= COMMON ? (byStem.get(w) ?? []) : [])));
    let best: number | null = null;
    let bestScore = 0;
    for (const i of candidates) {
      if (taken.has(i)) continue;
      const score = Math.max(dice(report, itemStems[i]![0]), dice(report, itemStems[i]![1]));
      if (score >= LINK_SIMILARITY && (score > bestScore || (score === bestScore && best !== null && i < best))) [best, bestScore] = [i, score];
    }
    if (best !== null) taken.add(best);
    return best;
  });
}

/** Items with their claim, rating and report; fact-checks with the item they report on (its index), when one was linked. */
export function planItems(items: CheckItem[], factChecks: CheckFactCheck[], mapping: StatusMapping): { items: PlannedItem[]; reportItems: (number | null)[] } {
  const seen = new Set<string>();
  const planned: PlannedItem[] = [];
  for (const item of items) {
    const quote = claimText(item);
    const sourceKey = itemKey(item);
    if (!quote || seen.has(sourceKey)) continue;
    seen.add(sourceKey);
    const ratingId = item.status ? (mapping[statusKey(item.status)] ?? null) : null;
    planned.push({ ...item, sourceKey, quote, statement: defaultStatement(item.title || quote), ratingId, factCheckUrl: null });
  }
  const reportItems = linkReports(planned, factChecks);
  reportItems.forEach((i, f) => {
    if (i !== null) planned[i]!.factCheckUrl = factChecks[f]!.url;
  });
  return { items: planned, reportItems };
}
