import type { Role } from "@/lib/permissions";

/** How roles read in the UI; the stored values stay lower-case. */
export const ROLE_LABELS: Record<Role, string> = { reviewer: "Reviewer", editor: "Editor", admin: "Admin" };

/** One line per role, mirroring the permission table in DESIGN.md. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  reviewer: "Imports articles, highlights claims, proposes verdicts and adds citations.",
  editor: "Everything a reviewer does, plus approving others' verdicts and publishing.",
  admin: "Everything an editor does, plus users, roles and organisation settings.",
};

/** "a reviewer", "an editor", "an admin": for sentences in notices. */
export function withArticle(role: Role): string {
  return `${role === "reviewer" ? "a" : "an"} ${role}`;
}
