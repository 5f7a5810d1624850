/**
 * What an admin sees of a Check export before anything is written: counts, each file's unknown columns and
 * problems, the rows that cannot be read (with their reasons), the statuses to map, and members with the role
 * they would get here. Plain data for the browser.
 */
import "server-only";
import type { Role } from "@/lib/permissions";
import { readCheckExport, type CheckExport } from "./check-export";
import { defaultMapping, planItems, statusKey, type StatusMapping } from "./check-plan";
import type { CheckRole } from "./check-rows";

/** Check's roles as Factdesk's: a collaborator works on claims, which is a reviewer here. Editable before importing. */
export const ROLE_FROM_CHECK: Record<CheckRole, Role> = { admin: "admin", editor: "editor", collaborator: "reviewer" };

/** Rows listed by reason in the preview; the rest are counted. */
const LISTED = 200;

export type CheckPreview = {
  workspace: CheckExport["workspace"];
  counts: { users: number; factChecks: number; explainers: number; items: number; skipped: number };
  files: CheckExport["files"];
  skipped: CheckExport["skipped"];
  /** Each status found (lower case key, as Check wrote it, item count) with the rating it maps to by default. */
  statuses: (CheckExport["statuses"][number] & { key: string })[];
  mapping: StatusMapping;
  ratings: { id: string; label: string }[];
  users: { name: string; email: string; checkRole: CheckRole; role: Role }[];
  /** With the item each reports on, when one was found (the early exports do not link them). */
  factChecks: { title: string; url: string | null; language: string | null; item: string | null }[];
};

/** `ratings` is the scale offered in the mapping; `remembered`, the mapping of earlier imports. */
export function previewCheckExport(zip: Uint8Array, ratings: { id: string; label: string; value: number }[], remembered: StatusMapping): CheckPreview {
  const read = readCheckExport(zip);
  const mapping = defaultMapping(read.statuses.map((s) => s.status), ratings, remembered);
  const { items, reportItems } = planItems(read.items, read.factChecks, mapping);
  const statuses = new Map<string, CheckPreview["statuses"][number]>();
  for (const s of read.statuses) {
    const key = statusKey(s.status);
    const seen = statuses.get(key);
    statuses.set(key, seen ? { ...seen, items: seen.items + s.items } : { ...s, key });
  }
  return {
    workspace: read.workspace,
    counts: { users: read.users.length, factChecks: read.factChecks.length, explainers: read.explainers.length, items: read.items.length, skipped: read.skipped.length },
    files: read.files,
    skipped: read.skipped.slice(0, LISTED),
    statuses: [...statuses.values()],
    mapping,
    ratings: ratings.map((r) => ({ id: r.id, label: r.label })),
    users: read.users.map((u) => ({ name: u.name, email: u.email, checkRole: u.role, role: ROLE_FROM_CHECK[u.role] })),
    factChecks: read.factChecks.slice(0, LISTED).map((f, i) => ({ title: f.title, url: f.url, language: f.language, item: reportItems[i] == null ? null : items[reportItems[i]!]!.quote })),
  };
}
