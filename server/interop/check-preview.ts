/**
 * What an admin sees of a Check export before anything is written: counts, each file's unknown columns and
 * problems, the rows that cannot be read (with their reasons), the statuses to map, and members with the role
 * they would get here. Plain data for the browser.
 */
import "server-only";
import type { Role } from "@/lib/permissions";
import { readCheckExport, type CheckExport } from "./check-export";
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
  statuses: CheckExport["statuses"];
  users: { name: string; email: string; checkRole: CheckRole; role: Role }[];
  factChecks: { title: string; url: string | null; language: string | null }[];
};

export function previewCheckExport(zip: Uint8Array): CheckPreview {
  const read = readCheckExport(zip);
  return {
    workspace: read.workspace,
    counts: { users: read.users.length, factChecks: read.factChecks.length, explainers: read.explainers.length, items: read.items.length, skipped: read.skipped.length },
    files: read.files,
    skipped: read.skipped.slice(0, LISTED),
    statuses: read.statuses,
    users: read.users.map((u) => ({ name: u.name, email: u.email, checkRole: u.role, role: ROLE_FROM_CHECK[u.role] })),
    factChecks: read.factChecks.slice(0, LISTED).map((f) => ({ title: f.title, url: f.url, language: f.language })),
  };
}
